import { describe, expect, it } from 'vitest';
import { freeShippingProgress } from './free-shipping.js';
import type { FreeShippingRule } from './types.js';

const standard: FreeShippingRule = { threshold: 5000, currency: 'EUR' };
const express: FreeShippingRule = { threshold: 10_000, currency: 'EUR', label: 'express' };
const france: FreeShippingRule = { threshold: 3000, currency: 'EUR', countries: ['FR'] };
const belgium: FreeShippingRule = { threshold: 8000, currency: 'EUR', countries: ['BE', 'LU'] };
const yen: FreeShippingRule = { threshold: 5000, currency: 'JPY' };
const rules = [express, belgium, standard, france, yen];

describe('freeShippingProgress', () => {
  it.each([
    {
      name: 'under the first tier',
      cart: { subtotal: 3750, currency: 'EUR' },
      expected: { reached: [], next: standard, remaining: 1250, ratio: 0.75 },
    },
    {
      name: 'exactly on the first tier',
      cart: { subtotal: 5000, currency: 'EUR' },
      expected: { reached: [standard], next: express, remaining: 5000, ratio: 0.5 },
    },
    {
      name: 'past every tier',
      cart: { subtotal: 12_000, currency: 'EUR' },
      expected: { reached: [standard, express], next: null, remaining: 0, ratio: 1 },
    },
    {
      name: 'in yen, which has no minor unit',
      cart: { subtotal: 4200, currency: 'JPY' },
      expected: { reached: [], next: yen, remaining: 800, ratio: 0.84 },
    },
    {
      name: 'France replaces the rules without countries',
      cart: { subtotal: 2000, currency: 'EUR', country: 'FR' },
      expected: { reached: [], next: france, remaining: 1000, ratio: 2 / 3 },
    },
    {
      name: 'France past its only tier',
      cart: { subtotal: 6000, currency: 'EUR', country: 'FR' },
      expected: { reached: [france], next: null, remaining: 0, ratio: 1 },
    },
    {
      name: 'Luxembourg is listed with Belgium',
      cart: { subtotal: 2000, currency: 'EUR', country: 'LU' },
      expected: { reached: [], next: belgium, remaining: 6000, ratio: 0.25 },
    },
    {
      name: 'Germany has no rule of its own',
      cart: { subtotal: 2000, currency: 'EUR', country: 'DE' },
      expected: { reached: [], next: standard, remaining: 3000, ratio: 0.4 },
    },
    {
      name: 'no rule in dollars',
      cart: { subtotal: 2000, currency: 'USD', country: 'FR' },
      expected: { reached: [], next: null, remaining: 0, ratio: 1 },
    },
    {
      name: 'an empty cart',
      cart: { subtotal: 0, currency: 'EUR' },
      expected: { reached: [], next: standard, remaining: 5000, ratio: 0 },
    },
  ])('$name', ({ cart, expected }) => {
    const progress = freeShippingProgress(rules, cart);
    expect(progress).toEqual(expected);
    if (progress.next) expect(progress.next).toBe(expected.next);
  });

  it('treats countries: [] as no countries', () => {
    const everywhere: FreeShippingRule = { threshold: 4000, currency: 'EUR', countries: [] };
    expect(freeShippingProgress([everywhere], { subtotal: 0, currency: 'EUR' }).next).toBe(
      everywhere,
    );
    expect(
      freeShippingProgress([everywhere], { subtotal: 0, currency: 'EUR', country: 'IT' }).next,
    ).toBe(everywhere);
  });

  it('keeps equal thresholds in input order and does not touch the input', () => {
    const first: FreeShippingRule = { threshold: 5000, currency: 'EUR', label: 'first' };
    const second: FreeShippingRule = { threshold: 5000, currency: 'EUR', label: 'second' };
    const input = [express, first, second];
    const progress = freeShippingProgress(input, { subtotal: 6000, currency: 'EUR' });
    expect(progress.reached).toEqual([first, second]);
    expect(input).toEqual([express, first, second]);
  });

  it('clamps the ratio of a negative subtotal to 0', () => {
    expect(freeShippingProgress([standard], { subtotal: -100, currency: 'EUR' }).ratio).toBe(0);
  });
});
