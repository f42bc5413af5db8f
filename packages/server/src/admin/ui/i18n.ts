import en, { type Messages } from './i18n/en.js';
import fr from './i18n/fr.js';
import de from './i18n/de.js';
import es from './i18n/es.js';
import it from './i18n/it.js';
import nl from './i18n/nl.js';

export type { Messages } from './i18n/en.js';

/** The languages the config page itself is written in: every language the widgets speak. */
export const UI_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Each language's name in itself, for the page's language menu. */
export const UI_LOCALE_NAMES: Record<UiLocale, string> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
  nl: 'Nederlands',
};

/** A key of the page's strings. */
export type MessageKey = keyof Messages;

/** The values an entry takes (`undefined` for a plain text). */
export type MessageValues<K extends MessageKey> = Messages[K] extends (values: infer V) => string
  ? V
  : undefined;

/** The arguments after the key: none for a plain text, the entry's values for a function. */
export type MessageArgs<K extends MessageKey> =
  MessageValues<K> extends undefined ? [] : [values: MessageValues<K>];

/** A string of the page in its language: `t('save.invalid', { n: 3 })`, type-checked per key. */
export type Translate = <K extends MessageKey>(key: K, ...values: MessageArgs<K>) => string;

const messages: Record<UiLocale, Messages> = { en, fr, de, es, it, nl };

/** The config page's string for `key` in `locale`, with its values when it takes some. */
export function translate<K extends MessageKey>(
  locale: UiLocale,
  key: K,
  ...values: MessageArgs<K>
): string {
  const entry = (messages[locale] ?? en)[key] as string | ((values: unknown) => string);
  return typeof entry === 'function' ? entry(values[0]) : entry;
}

function isUiLocale(value: string | null | undefined): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value ?? '');
}

/** The page's language: the one chosen before, else the browser's when the page has it, else English. */
export function detectLocale(): UiLocale {
  const stored = localStorage.getItem('comptoir-admin-locale');
  if (isUiLocale(stored)) return stored;
  const browser = navigator.language.toLowerCase().slice(0, 2);
  return isUiLocale(browser) ? browser : 'en';
}
