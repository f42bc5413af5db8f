import { toDecimalString } from './minor-units.js';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** An amount in minor units formatted for a locale: `formatMoney(1250, 'EUR', 'fr')`, "12,50 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  // A decimal string keeps large amounts exact where a float would round.
  return formatterFor(currency, locale).format(
    toDecimalString(minor, currency) as Intl.StringNumericLiteral,
  );
}
