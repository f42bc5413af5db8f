import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';
import it from './it.js';
import nl from './nl.js';
import type { Translation } from './translation.js';

export type { Translation, TranslationKey, TranslationValues } from './translation.js';

/** Every language at once (the admin's text editor; the widgets load only the page's). */
export const translations: Record<'en' | 'fr' | 'de' | 'es' | 'it' | 'nl', Translation> = {
  en,
  fr,
  de,
  es,
  it,
  nl,
};

/** A language the widgets ship with. */
export type WidgetLocale = keyof typeof translations;
