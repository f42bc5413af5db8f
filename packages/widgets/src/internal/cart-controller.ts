import type { Cart } from '@comptoir/sdk/schemas';
import { state } from './state.js';

/** The shared cart store's current cart (elements re-render on change through the base class). */
export function currentCart(): Cart | null {
  return state.cart;
}
