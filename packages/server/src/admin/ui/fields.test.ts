import { describe, expect, it } from 'vitest';
import { amountText, parseAmount } from './fields.js';

describe('amounts as a merchant types them', () => {
  it.each([
    ['45,50', 'fr', 45.5],
    ['45.50', 'fr', 45.5],
    ['1 000,5', 'fr', 1000.5],
    ['1\u202f000,50', 'fr', 1000.5],
    ['45', 'fr', 45],
    ['45,', 'fr', 45],
    ['-5', 'fr', -5],
    ['1,000.50', 'en', 1000.5],
    ['45.5', 'en', 45.5],
    ['1.000,50', 'de', 1000.5],
    ['45.50', 'de', 45.5],
    // A decimal comma on the English page, and a European amount, read as meant.
    ['45,50', 'en', 45.5],
    ['45,5', 'en', 45.5],
    ['1.234,5', 'en', 1234.5],
    ['1,000', 'en', 1000],
    ['1.000', 'de', 1000],
    ['1,000,000.5', 'en', 1000000.5],
    ['.5', 'en', 0.5],
  ])('reads %j in %s as %d', (text, locale, amount) => {
    expect(parseAmount(text, locale)).toBe(amount);
  });

  it.each([
    ['abc'],
    [''],
    ['4 5 a'],
    ['45,50,1'],
    ['--5'],
    ['1,23,456'],
    ['1.2.3,4'],
    [','],
    ['1,2.3'],
  ])('refuses %j', (text) => {
    expect(parseAmount(text, 'fr')).toBeNaN();
    expect(parseAmount(text, 'en')).toBeNaN();
  });

  it('shows an amount with the page’s decimal sign, and nothing for a non-amount', () => {
    expect(amountText(4550, 'EUR', 'fr')).toBe('45,50');
    expect(amountText(4550, 'EUR', 'en')).toBe('45.50');
    expect(amountText(500, 'JPY', 'fr')).toBe('500');
    expect(amountText(Number.NaN, 'EUR', 'fr')).toBe('');
  });
});
