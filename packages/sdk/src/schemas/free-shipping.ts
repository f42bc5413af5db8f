import { z } from 'zod';
import { localizedText } from './localized-text.js';
import { CountryCode, CurrencyCode, Identifier, MinorUnits, ShortText } from './primitives.js';

/** A free-shipping threshold (a tier), optionally limited to some countries. */
export const FreeShippingRule = z.strictObject({
  threshold: MinorUnits,
  currency: CurrencyCode,
  countries: z.array(CountryCode).max(250).optional(),
  /** Names the tier in the widget ("Free express shipping"), per language. */
  label: localizedText(ShortText).optional(),
});
export type FreeShippingRule = z.infer<typeof FreeShippingRule>;

/** Free-shipping tiers plus the products that never count toward them (gift cards, say). */
export const FreeShippingSettings = z.strictObject({
  rules: z.array(FreeShippingRule).max(50, 'At most 50 free-shipping rules'),
  excludedProductIds: z.array(Identifier).max(1000, 'At most 1000 excluded products'),
});
export type FreeShippingSettings = z.infer<typeof FreeShippingSettings>;
