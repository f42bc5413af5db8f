import type { Cart } from '@comptoir/sdk/schemas';
import { notify, state, subscribe, warnOnce } from '../internal/state.js';
import { cartProblem } from './validate.js';

/**
 * Sets the cart every Comptoir element shows. A malformed cart is ignored with one warning;
 * `null` clears it. Never throws.
 */
export function setCart(cart: Cart | null): void {
  try {
    if (cart !== null) {
      const problem = cartProblem(cart);
      if (problem) {
        warnOnce('bad-cart', `setCart ignored a cart: ${problem} does not fit the Cart type`, cart);
        return;
      }
    }
    state.cart = cart;
    notify();
  } catch (error) {
    warnOnce('set-cart-failed', 'setCart failed', error);
  }
}

/** The current cart, or null before any is known. */
export function getCart(): Cart | null {
  return state.cart;
}

/** Calls `listener` whenever the cart (or the config) changes; returns the unsubscribe function. */
export const onCartChange = subscribe;

const LISTENING = Symbol.for('comptoir.cart-event');

/** Listens once per page for `document.dispatchEvent(new CustomEvent('comptoir:cart', { detail }))`. */
export function listenForCartEvents(): void {
  const doc = document as unknown as Record<symbol, boolean>;
  if (doc[LISTENING]) return;
  doc[LISTENING] = true;
  document.addEventListener('comptoir:cart', (event) => {
    setCart((event as CustomEvent<Cart | null>).detail);
  });
}

declare global {
  interface DocumentEventMap {
    'comptoir:cart': CustomEvent<Cart | null>;
  }
}
