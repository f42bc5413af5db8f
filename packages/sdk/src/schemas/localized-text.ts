import { z } from 'zod';
import { Locale } from './primitives.js';

/**
 * A merchant's text in the shop's languages: a plain string (as every config saved before
 * translations holds it, read as the default language's text) or one string per language. The
 * widgets and emails show the shopper's language, falling back to the shop's default.
 *
 * @example
 * const EventName = localizedText(ShortText.min(1, 'Required'));
 * EventName.parse('Christmas'); EventName.parse({ en: 'Christmas', fr: 'Noël' });
 */
export function localizedText<T extends z.ZodType<string>>(text: T) {
  return z.union([
    text,
    z
      .partialRecord(Locale, text)
      .refine((byLocale) => Object.values(byLocale).some(Boolean), { message: 'Required' }),
  ]);
}

/** A merchant's text, plain or per language: `string | Partial<Record<Locale, string>>`. */
export type LocalizedText = string | Partial<Record<Locale, string>>;
