import { sendJson } from '../internal/api.js';
import { state, subscribe } from '../internal/state.js';
import { writeStorage } from '../internal/storage.js';
import {
  capturedCart,
  cartFingerprint,
  forgetCapture,
  memoryKey,
  type CapturedCart,
} from './capture-memory.js';

/** How long the cart must stay still before its change is sent: one request for a burst of edits. */
export const SYNC_DELAY_MS = 1500;

let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;
// One update at a time, in order: a slow older request must never land after a newer one.
let queue: Promise<void> = Promise.resolve();

function schedule(): void {
  const memory = capturedCart();
  const cart = state.cart;
  clearTimeout(timer);
  timer = undefined;
  if (!memory || !cart || cartFingerprint(cart) === memory.sent) return;
  timer = setTimeout(() => void flush(false), SYNC_DELAY_MS);
}

/** Sends the current cart now if it changed since the last update (in order, one at a time). */
export function flush(keepalive: boolean): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  queue = queue.then(() => send(keepalive));
  return queue;
}

async function send(keepalive: boolean): Promise<void> {
  const memory = capturedCart();
  const cart = state.cart;
  const key = memoryKey();
  if (!memory || !cart || !key) return;
  const sent = cartFingerprint(cart);
  if (sent === memory.sent) return;
  try {
    await sendJson('PUT', `/carts/${encodeURIComponent(memory.id)}`, { cart }, keepalive);
    // Emptied, the saved cart stops its emails on the server; the next cart is a new capture.
    if (cart.items.length === 0) forgetCapture();
    else writeStorage(key, { ...memory, sent } satisfies CapturedCart);
  } catch (error) {
    // Gone (erased) or closed (ordered): stop following it. Anything else retries on the next change.
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 409) forgetCapture();
  }
}

/**
 * Keeps the saved cart equal to the shopper's cart: every change is sent (`PUT /carts/:id`)
 * `SYNC_DELAY_MS` after the last edit, and at once when the page is hidden. Started by a capture,
 * and by the loader on every page of a browser that captured a cart. Idempotent.
 */
export function startCartSync(): void {
  if (started) return;
  started = true;
  subscribe(schedule);
  addEventListener('pagehide', () => {
    if (timer) void flush(true);
  });
  schedule();
}

// Imported only where a cart was captured (by the loader, or after a capture): start at once.
startCartSync();
