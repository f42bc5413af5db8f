import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecimalAmountError, parseDecimalAmount } from './decimal-amount.js';
import { toDecimalString } from './minor-units.js';

describe('parseDecimalAmount', () => {
  it.each([
    ['254.98', 'USD', 25498],
    ['29.35', 'USD', 2935],
    ['0.10', 'EUR', 10],
    ['0.1', 'EUR', 10],
    ['1.005', 'EUR', Number.NaN],
    ['1500', 'JPY', 1500],
    ['1500.00', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['12.3', 'KWD', 12300],
    ['-4.20', 'EUR', -420],
    ['-0.00', 'EUR', 0],
    ['90071992547409.91', 'EUR', 9007199254740991],
  ])('%s %s is %d minor units', (text, currency, minor) => {
    if (Number.isNaN(minor)) expect(() => parseDecimalAmount(text, currency)).toThrow(RangeError);
    else expect(parseDecimalAmount(text, currency)).toBe(minor);
  });

  it('refuses what is not a plain decimal, and amounts it cannot count exactly', () => {
    for (const text of ['', '12,50', '1e3', '+5', '.5', '5.', 'NaN', '0x10', '1 000']) {
      expect(() => parseDecimalAmount(text, 'EUR'), text).toThrow(/not a decimal amount/);
    }
    expect(() => parseDecimalAmount('1500.5', 'JPY')).toThrow(/more decimals than JPY/);
    expect(() => parseDecimalAmount('90071992547409.92', 'EUR')).toThrow(/too large/);
    try {
      parseDecimalAmount('x', 'EUR');
    } catch (error) {
      expect(isDecimalAmountError(error)).toBe(true);
    }
  });

  it('reads back what toDecimalString writes, for every currency exponent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('JPY', 'EUR', 'KWD'),
        (minor, currency) => {
          expect(parseDecimalAmount(toDecimalString(minor, currency), currency)).toBe(minor || 0);
        },
      ),
    );
  });
});
