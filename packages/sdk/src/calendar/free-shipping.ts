import type { FreeShippingCart, FreeShippingProgress, FreeShippingRule } from './types.js';

function listsCountries(rule: FreeShippingRule): boolean {
  return rule.countries !== undefined && rule.countries.length > 0;
}

/**
 * The rules that apply to a cart: those of its currency, where rules listing its country replace
 * the rules that list none; sorted by threshold, equal thresholds in input order.
 */
export function applicableRules(
  rules: readonly FreeShippingRule[],
  cart: FreeShippingCart,
): FreeShippingRule[] {
  const inCurrency = rules.filter((rule) => rule.currency === cart.currency);
  const { country } = cart;
  const forCountry =
    country === undefined
      ? []
      : inCurrency.filter((rule) => listsCountries(rule) && rule.countries?.includes(country));
  const chosen =
    forCountry.length > 0 ? forCountry : inCurrency.filter((rule) => !listsCountries(rule));
  return chosen.sort((a, b) => a.threshold - b.threshold);
}

/** How far a cart is from free shipping: thresholds reached, the next one, and what remains. */
export function freeShippingProgress(
  rules: readonly FreeShippingRule[],
  cart: FreeShippingCart,
): FreeShippingProgress {
  const tiers = applicableRules(rules, cart);
  const reached = tiers.filter((rule) => cart.subtotal >= rule.threshold);
  const next = tiers.find((rule) => cart.subtotal < rule.threshold) ?? null;
  if (next === null) return { reached, next, remaining: 0, ratio: 1 };
  const ratio = cart.subtotal / next.threshold;
  return {
    reached,
    next,
    remaining: next.threshold - cart.subtotal,
    ratio: ratio > 0 ? Math.min(ratio, 1) : 0,
  };
}
