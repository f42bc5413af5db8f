import { z } from 'zod';
import { PathPattern } from './announcement.js';
import { Identifier } from './primitives.js';

/**
 * What does not ship (gift cards, downloads): the shipping widgets (cutoff, holiday deadline)
 * show nothing on these products' pages (the element's `product-id`), on pages whose path
 * matches, and for a cart holding only such products; free shipping shows nothing there either.
 */
export const ShippingExclusions = z.strictObject({
  productIds: z.array(Identifier).max(200, 'At most 200 products'),
  paths: z.array(PathPattern).max(50, 'At most 50 paths'),
});
export type ShippingExclusions = z.infer<typeof ShippingExclusions>;
