const digitsByCurrency = new Map<string, number>();
// undefined: not looked up yet; null: the engine cannot list its currencies.
let knownCurrencies: Set<string> | null | undefined;

/** The number of minor-unit digits of an ISO 4217 currency (JPY 0, EUR 2, KWD 3). */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    const options = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
    digits = options.maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

function listKnownCurrencies(): Set<string> | null {
  if (knownCurrencies === undefined) {
    knownCurrencies =
      typeof Intl.supportedValuesOf === 'function'
        ? new Set(Intl.supportedValuesOf('currency'))
        : null;
  }
  return knownCurrencies;
}

/** Whether the JavaScript engine knows a currency code (compared as given: `EUR`, not `eur`). */
export function isKnownCurrency(code: string): boolean {
  const known = listKnownCurrencies();
  // Engines from before Intl.supportedValuesOf (2022) get the benefit of the doubt.
  return known === null ? /^[A-Z]{3}$/.test(code) : known.has(code);
}
