import type { StringSet, Translation } from '../translations/translation.js';
import { warnOnce } from './state.js';

/** The languages the widgets ship with, each loaded on demand (a page loads one). */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/** A language the widgets ship with. */
export type WidgetLocale = (typeof LOCALES)[number];

type Strings = Partial<Translation>;

// Each language's banner strings; their module imports the language's other strings on demand
// (`rest`), so a page whose only element is the banner loads the banner's alone. Fetched beside
// the element's code.
const loaders: Record<WidgetLocale, () => Promise<typeof import('../translations/en.banner.js')>> =
  {
    en: () => import('../translations/en.banner.js'),
    fr: () => import('../translations/fr.banner.js'),
    de: () => import('../translations/de.banner.js'),
    es: () => import('../translations/es.banner.js'),
    it: () => import('../translations/it.banner.js'),
    nl: () => import('../translations/nl.banner.js'),
  };

const loaded: Record<string, Strings | undefined> = {};
const loading: Record<string, Promise<void> | undefined> = {};

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

/** The strings of `locale` in `set` when they are loaded (all of them also serve the banner). */
export function loadedTranslation(
  locale: WidgetLocale,
  set: StringSet = 'all',
): Strings | undefined {
  return loaded[locale] ?? (set === 'banner' ? loaded[`${locale}.banner`] : undefined);
}

/**
 * Loads the strings of `locale` in `set` (once); never rejects: a language that fails to load
 * reads in English (loaded instead), with one warning.
 */
export function loadTranslation(locale: WidgetLocale, set: StringSet = 'all'): Promise<void> {
  if (loadedTranslation(locale, set)) return Promise.resolve();
  const id = set === 'all' ? locale : `${locale}.banner`;
  return (loading[id] ??= loaders[locale]()
    .then(async (banner): Promise<Strings> =>
      set === 'all' ? { ...banner.default, ...(await banner.rest()).default } : banner.default,
    )
    .then(
      (strings) => {
        loaded[id] = strings;
      },
      async (error: unknown) => {
        warnOnce(`locale-${locale}`, `could not load the ${locale} strings`, error);
        if (locale === 'en') return;
        await loadTranslation('en', set);
        loaded[id] = loadedTranslation('en', set);
      },
    ));
}
