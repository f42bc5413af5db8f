import type { Cart } from '@comptoir/sdk/schemas';
import { notify, state, subscribe, warnOnce } from '../internal/state.js';

type CartCheck = (cart: unknown) => string | undefined;

/** `cartProblem` once `cart/validate.ts` is loaded; until then a cart waits in `waiting`. */
let check: CartCheck | undefined;
let waiting: { cart: Cart } | undefined;

/**
 * Sets the cart every Comptoir element shows. A malformed cart is ignored with one warning;
 * `null` clears it. Never throws.
 *
 * The check (`cart/validate.ts`) comes with the code that reads the cart (the shipping elements,
 * the cart capture, the cart sync, the package's entry), not with the loader: until it is loaded,
 * the latest cart waits and nothing reads it. On a page with only the banner, none loads.
 */
export function setCart(cart: Cart | null): void {
  try {
    waiting = undefined;
    if (cart !== null) {
      if (!check) {
        waiting = { cart };
        return;
      }
      const problem = check(cart);
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

/**
 * Called by `cart/validate.ts` as it loads, before any module that reads the cart runs: checks
 * and applies the cart set before it came.
 */
export function useCartCheck(problem: CartCheck): void {
  check = problem;
  if (waiting) setCart(waiting.cart);
}

/**
 * The current cart, or null before any is known (or while it waits for the check: see `setCart`;
 * the package's entry loads the check).
 */
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
