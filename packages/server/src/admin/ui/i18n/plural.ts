/**
 * Picks the form for `n` in `locale` (`zero`, `one`, `few`, `other`…) through `Intl.PluralRules`,
 * with `other` as the fallback, and writes `n` where the form has `#` (in the language's digits).
 */
export function plural(
  locale: string,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return form.replaceAll('#', new Intl.NumberFormat(locale).format(n));
}
