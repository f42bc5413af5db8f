import en, { type Messages } from './i18n/en.js';

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

// English is in the page; each other language is a chunk of its own (about 9 KB gzip), loaded only
// when the page is shown in it: before, all six came with the page, 40 KB gzip more.
const LOADERS: Record<Exclude<UiLocale, 'en'>, () => Promise<{ default: Messages }>> = {
  fr: () => import('./i18n/fr.js'),
  de: () => import('./i18n/de.js'),
  es: () => import('./i18n/es.js'),
  it: () => import('./i18n/it.js'),
  nl: () => import('./i18n/nl.js'),
};

const messages: Partial<Record<UiLocale, Messages>> = { en };

/**
 * Loads the strings of `locale`. Until they are there, {@link translate} answers in English, and
 * if their download fails, it goes on doing so (the page stays usable).
 */
export async function loadUiLocale(locale: UiLocale): Promise<void> {
  if (messages[locale]) return;
  try {
    messages[locale] = (await LOADERS[locale as Exclude<UiLocale, 'en'>]()).default;
  } catch {
    // Offline, or the server was updated under the page: English, until the next load.
  }
}

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
