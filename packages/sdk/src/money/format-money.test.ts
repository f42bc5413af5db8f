import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';

// Intl separates digits and symbols with no-break spaces (U+00A0, U+202F) in some locales.
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('formatMoney', () => {
  it.each([
    [1250, 'EUR', 'fr', '12,50 €'],
    [1250, 'EUR', 'en', '€12.50'],
    [123_456, 'EUR', 'de', '1.234,56 €'],
    [1250, 'JPY', 'en', '¥1,250'],
    [1234, 'KWD', 'en', 'KWD 1.234'],
    [-999, 'USD', 'en', '-$9.99'],
    [0, 'EUR', 'nl', '€ 0,00'],
  ])('%i %s in %s is %s', (minor, currency, locale, text) => {
    expect(plain(formatMoney(minor, currency, locale))).toBe(text);
  });

  it('keeps the cents of amounts too large for a float to hold exactly', () => {
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
  });
});
