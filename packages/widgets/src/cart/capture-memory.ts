import type { Cart } from '@comptoir/sdk/schemas';
import { state } from '../internal/state.js';
import { readStorage, removeStorage, writeStorage } from '../internal/storage.js';
// The capture and the cart sync read the cart: with them, carts are checked and applied (see
// `setCart`).
import './validate.js';

/** What this browser remembers of the cart it captured for a shop. */
export interface CapturedCart {
  /** The server's id of the saved cart (`crt_…`). */
  id: string;
  /** The platform's cart id at capture: another platform cart (after an order) is a new capture. */
  platformCartId?: string;
  /** The contents last sent to the server, so an unchanged cart sends nothing. */
  sent: string;
}

/** The localStorage key of the capture for the configured shop. */
export function memoryKey(): string | undefined {
  return state.api ? `comptoir:captured:${state.api.shop}` : undefined;
}

/** The contents that matter to the saved cart and its emails, as one comparable string. */
export function cartFingerprint(cart: Cart): string {
  return JSON.stringify([
    cart.currency,
    cart.country,
    cart.subtotal,
    cart.items.map((item) => [item.id, item.quantity, item.unitPrice, item.title]),
  ]);
}

/**
 * The cart captured in this browser, when it is still the shopper's cart. A cart with another
 * platform id (a new cart after an order) forgets the old capture, so the new cart can be captured.
 */
export function capturedCart(cart: Cart | null = state.cart): CapturedCart | undefined {
  const key = memoryKey();
  const memory = key ? readStorage<CapturedCart>(key) : undefined;
  if (!memory || typeof memory.id !== 'string') return undefined;
  if (cart?.id && memory.platformCartId && cart.id !== memory.platformCartId) {
    forgetCapture();
    return undefined;
  }
  return memory;
}

/** Remembers a capture the server accepted (`cart/sync.ts` then follows the cart's changes). */
export function rememberCapture(id: string, cart: Cart): void {
  const key = memoryKey();
  if (!key) return;
  writeStorage(key, {
    id,
    ...(cart.id ? { platformCartId: cart.id } : {}),
    sent: cartFingerprint(cart),
  } satisfies CapturedCart);
}

/** Forgets the capture: the next cart with items is offered the capture again. */
export function forgetCapture(): void {
  const key = memoryKey();
  if (key) removeStorage(key);
}
