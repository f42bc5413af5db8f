import type { Cart } from '@comptoir/sdk/schemas';
import { useCartCheck } from './store.js';

const isMinor = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 128;

/**
 * Checks a cart by hand (no zod in the browser): the shape DESIGN.md fixes. Returns what is wrong
 * (`the cart`, or the field: `currency`, `items[2].quantity`…) when the cart is unusable, or
 * undefined when it is fine.
 */
export function cartProblem(cart: unknown): string | undefined {
  if (typeof cart !== 'object' || cart === null) return 'the cart';
  const c = cart as Partial<Cart>;
  if (typeof c.currency !== 'string' || !/^[A-Z]{3}$/.test(c.currency)) return 'currency';
  if (c.country !== undefined && (typeof c.country !== 'string' || !/^[A-Z]{2}$/.test(c.country)))
    return 'country';
  if (!isMinor(c.subtotal)) return 'subtotal';
  if (c.id !== undefined && !isId(c.id)) return 'id';
  if (!Array.isArray(c.items) || c.items.length > 200) return 'items';
  for (const [index, item] of c.items.entries()) {
    const field = (name: string) => `items[${index}]${name}`;
    if (typeof item !== 'object' || item === null) return field('');
    if (!isId(item.id)) return field('.id');
    if (typeof item.title !== 'string') return field('.title');
    if (!Number.isInteger(item.quantity) || item.quantity < 1) return field('.quantity');
    if (!isMinor(item.unitPrice)) return field('.unitPrice');
  }
  return undefined;
}

// Loaded by what reads the cart (see `setCart`): from now on carts are checked as they are set.
useCartCheck(cartProblem);
