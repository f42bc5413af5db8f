import { describe, expect, it } from 'vitest';
import { toDecimalString, toMajor, toMinor } from './minor-units.js';

describe('toMajor and toMinor', () => {
  it.each([
    [1999, 'EUR', 19.99],
    [-1250, 'EUR', -12.5],
    [1250, 'JPY', 1250],
    [1234, 'KWD', 1.234],
    [0, 'USD', 0],
  ])('%i %s is %d major units and back', (minor, currency, major) => {
    expect(toMajor(minor, currency)).toBe(major);
    expect(toMinor(major, currency)).toBe(minor);
  });

  it('rounds half away from zero without float drift', () => {
    expect(toMinor(1.005, 'EUR')).toBe(101);
    expect(toMinor(-1.005, 'EUR')).toBe(-101);
    expect(toMinor(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinor(2.5, 'JPY')).toBe(3);
    expect(toMinor(1e-7, 'EUR')).toBe(0);
    expect(toMinor(-0.001, 'EUR')).toBe(0);
  });

  it('refuses amounts that are not money', () => {
    expect(() => toMajor(12.5, 'EUR')).toThrow(RangeError);
    expect(() => toMinor(Number.NaN, 'EUR')).toThrow(RangeError);
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'EUR')).toThrow(RangeError);
  });
});

describe('toDecimalString', () => {
  it.each([
    [1250, 'EUR', '12.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [1250, 'JPY', '1250'],
    [7, 'KWD', '0.007'],
    [9_007_199_254_740_991, 'EUR', '90071992547409.91'],
  ])('%i %s is %s', (minor, currency, text) => {
    expect(toDecimalString(minor, currency)).toBe(text);
  });
});
