import type { Translation } from '../translations/translation.js';
import { warnOnce } from './state.js';

/** The languages the widgets ship with, each loaded on demand (a page loads one). */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/** A language the widgets ship with. */
export type WidgetLocale = (typeof LOCALES)[number];

const loaders: Record<WidgetLocale, () => Promise<{ default: Translation }>> = {
  en: () => import('../translations/en.js'),
  fr: () => import('../translations/fr.js'),
  de: () => import('../translations/de.js'),
  es: () => import('../translations/es.js'),
  it: () => import('../translations/it.js'),
  nl: () => import('../translations/nl.js'),
};

const loaded: Partial<Record<WidgetLocale, Translation>> = {};
const loading: Partial<Record<WidgetLocale, Promise<void>>> = {};

/** The first candidate (a `lang` value such as `fr-BE`) whose language is shipped, else `en`. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): WidgetLocale {
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split('-')[0];
    if (primary && (LOCALES as readonly string[]).includes(primary)) return primary as WidgetLocale;
  }
  return 'en';
}

/**
 * The locale for `Intl` dates and money, given the strings' language: the first `lang` candidate
 * of that language that names a region (`en-US`, `en-GB`, `fr-CA`); else, for bare English,
 * `en-US` when the shop sells in US dollars and `en-GB` otherwise (day before month, 24-hour
 * clock: how English reads in Europe); else the bare language (`fr` formats as in France).
 */
export function formatLocale(
  language: WidgetLocale,
  candidates: readonly (string | null | undefined)[],
  currency: string | undefined,
): string {
  for (const candidate of candidates) {
    try {
      const locale = new Intl.Locale(candidate ?? '');
      if (locale.language === language && locale.region) return locale.baseName;
    } catch {
      // Not a valid language tag: try the next one.
    }
  }
  return language === 'en' ? (currency === 'USD' ? 'en-US' : 'en-GB') : language;
}

/** Makes a translation available without loading it (tests, or a bundle that has one). */
export function provideTranslation(locale: WidgetLocale, translation: Translation): void {
  loaded[locale] = translation;
}

/** The translation of `locale` when it is loaded. */
export function loadedTranslation(locale: WidgetLocale): Translation | undefined {
  return loaded[locale];
}

/**
 * Loads the strings of `locale` (once); never rejects: a language that fails to load reads in
 * English (loaded instead), with one warning.
 */
export function loadTranslation(locale: WidgetLocale): Promise<void> {
  if (loaded[locale]) return Promise.resolve();
  return (loading[locale] ??= loaders[locale]().then(
    (module) => provideTranslation(locale, module.default),
    async (error: unknown) => {
      warnOnce(`locale-${locale}`, `could not load the ${locale} strings`, error);
      if (locale === 'en') return;
      await loadTranslation('en');
      const en = loaded.en;
      if (en) provideTranslation(locale, en);
    },
  ));
}
