import { describe, expect, it } from 'vitest';
import { currencyDigits, isKnownCurrency } from './currency.js';

describe('currencyDigits', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });

  it('refuses a code that is not three letters', () => {
    expect(() => currencyDigits('EURO')).toThrow(RangeError);
  });
});

describe('isKnownCurrency', () => {
  it('knows ISO 4217 codes in upper case only', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('JPY')).toBe(true);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('')).toBe(false);
  });
});
