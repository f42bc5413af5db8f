/**
 * The merchant's own texts in several languages, without zod: the widgets, the emails and the
 * config page read them through these few functions (a few hundred bytes in a widget bundle).
 */

/** The six languages, as the text module knows them (the same list as the schemas' `Locale`). */
export type TextLocale = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl';

/**
 * A text the merchant writes: one plain string (the shop's default language, as configs saved
 * before translations were possible hold it), or one string per language.
 */
export type LocalizedTextValue = string | Partial<Record<TextLocale, string>>;

/**
 * The language `resolveText` takes the text from: `locale` when it has its own translation, else
 * the shop's default, else the first one written (a plain string is the default language's);
 * undefined when there is no text. A widget marks text from another language than its own with
 * `lang`, so a screen reader speaks it in that language.
 */
export function resolvedLocale(
  text: LocalizedTextValue | undefined,
  locale: string,
  defaultLocale: string,
): string | undefined {
  if (text === undefined || text === '') return undefined;
  if (typeof text === 'string') return defaultLocale;
  const byLocale = text as Record<string, string | undefined>;
  return [locale, defaultLocale, ...Object.keys(byLocale)].find((key) => byLocale[key]);
}

/**
 * The text to show in `locale`: its own translation, else the shop's default language's, else the
 * first one written, else `''`. A plain string is the same in every language.
 */
export function resolveText(
  text: LocalizedTextValue | undefined,
  locale: string,
  defaultLocale: string,
): string {
  if (typeof text === 'string') return text;
  const from = resolvedLocale(text, locale, defaultLocale);
  return from === undefined ? '' : (text as Record<string, string>)[from]!;
}

/** The text written for exactly `locale` (a plain string counts for the default language only). */
export function textIn(
  text: LocalizedTextValue | undefined,
  locale: string,
  defaultLocale: string,
): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return locale === defaultLocale ? text : '';
  return (text as Record<string, string | undefined>)[locale] ?? '';
}

/** The languages among `locales` that have no text of their own yet (they show the fallback). */
export function missingLocales<L extends string>(
  text: LocalizedTextValue | undefined,
  locales: readonly L[],
  defaultLocale: string,
): L[] {
  return locales.filter((locale) => !textIn(text, locale, defaultLocale).trim());
}

/**
 * The text with `value` written for `locale`, as a per-language record (an empty value removes
 * that language); a plain string becomes the default language's entry. Undefined when nothing is
 * left.
 */
export function withText(
  text: LocalizedTextValue | undefined,
  locale: string,
  value: string,
  defaultLocale: string,
): Partial<Record<TextLocale, string>> | undefined {
  const next: Record<string, string> =
    typeof text === 'string'
      ? text
        ? { [defaultLocale]: text }
        : {}
      : { ...((text ?? {}) as Record<string, string>) };
  if (value) next[locale] = value;
  else delete next[locale];
  return Object.keys(next).length ? (next as Partial<Record<TextLocale, string>>) : undefined;
}

/** Every text written, in any language (to check each of them). */
export function allTexts(text: LocalizedTextValue | undefined): string[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [text];
  return Object.values(text).filter((value): value is string => typeof value === 'string');
}

/** The `{name}` placeholders a text uses, in order, without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w*)\}/g)].map((match) => match[1]!))];
}
