/**
 * The FAQ's search: forgiving word matching in about 0.4 KB gzip. A query word matches a word of
 * the question, answer or category when, after folding case and accents and a light per-language
 * plural/ending strip, it starts that word (search as you type: "ret" finds "return") or is one
 * edit away from it ("dishwaser" and "dishwahser" find "dishwasher"). Every query word must match.
 *
 * Why not a library: MiniSearch measured 6.1 KB gzip, Fuse.js 9.7 KB, uFuzzy 4.3 KB (and none of
 * them stems), microfuzz 1.7 KB (subsequence matching, no stemming: "returns" misses "return").
 * A few hundred bytes do what a shop's 20–300 questions need, inside the 30 KB budget.
 */
import type { WidgetLocale } from '../../internal/locale.js';

/** Lower case without accents, for search that ignores both. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Endings stripped before comparing, longest first: plurals and the commonest inflections. */
const ENDINGS: Record<WidgetLocale, string[]> = {
  en: ['ing', 'ies', 'ed', 'es', 's'],
  fr: ['es', 's', 'x', 'e'],
  de: ['en', 'er', 'e', 'n', 's'],
  es: ['es', 's'],
  it: ['i', 'e', 'a', 'o'],
  nl: ['en', 's'],
};

/** A word without its ending (at most one is stripped, and the stem keeps 3 letters or more). */
export function stem(word: string, locale: WidgetLocale): string {
  for (const ending of ENDINGS[locale]) {
    if (word.length - ending.length >= 3 && word.endsWith(ending))
      return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of two
 * neighbouring letters (the commonest slip when typing fast: "retrun", "livarison").
 */
export function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // After the common start: one substitution, one letter more in b, one less, or a swap.
  const rest = b.slice(i + 1);
  return (
    a.slice(i + 1) === rest ||
    a.slice(i) === rest ||
    a.slice(i + 1) === b.slice(i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  );
}

/** The words of a text, folded and stemmed. */
export function searchWords(text: string, locale: WidgetLocale): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => stem(word, locale));
}

/** Whether every word of `query` matches some word of `text` (see the module comment). */
export function matchesQuery(query: string[], text: string[]): boolean {
  return query.every((wanted) =>
    text.some(
      (word) => word.startsWith(wanted) || (wanted.length >= 5 && withinOneEdit(wanted, word)),
    ),
  );
}
