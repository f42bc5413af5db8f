import type { Cart } from '@comptoir/sdk/schemas';

const isMinor = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 128;

/**
 * Checks a cart by hand (no zod in the browser): the shape DESIGN.md fixes. Returns a reason
 * when the cart is unusable, or undefined when it is fine.
 */
export function cartProblem(cart: unknown): string | undefined {
  if (typeof cart !== 'object' || cart === null) return 'the cart is not an object';
  const c = cart as Partial<Cart>;
  if (typeof c.currency !== 'string' || !/^[A-Z]{3}$/.test(c.currency))
    return 'currency must be an upper-case ISO 4217 code';
  if (c.country !== undefined && (typeof c.country !== 'string' || !/^[A-Z]{2}$/.test(c.country)))
    return 'country must be an upper-case ISO 3166-1 alpha-2 code';
  if (!isMinor(c.subtotal)) return 'subtotal must be a whole number of minor units';
  if (c.id !== undefined && !isId(c.id)) return 'id must be a non-empty string';
  if (!Array.isArray(c.items) || c.items.length > 200)
    return 'items must be an array of at most 200';
  for (const item of c.items) {
    if (typeof item !== 'object' || item === null) return 'every item must be an object';
    if (!isId(item.id)) return 'every item needs an id';
    if (typeof item.title !== 'string') return 'every item needs a title';
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      return 'quantity must be an integer >= 1';
    if (!isMinor(item.unitPrice)) return 'unitPrice must be a whole number of minor units';
  }
  return undefined;
}
