/**
 * A recovery email's restore link brings a saved cart back to a device that may hold a newer,
 * larger one: this merges instead of overwriting. Every line of both carts is kept, each at the
 * larger of its two quantities; nothing is removed or lowered. `keptNewer` says the device had
 * more than the saved cart, so the page can say "we kept your newer cart and added your saved
 * items". The Shopify and WooCommerce adapters apply the merge through the platform's cart API;
 * another shop gets a `comptoir:cart-restore` event with the merge to apply (see the README).
 */

/** The query parameter the loader acts on: `?comptoir-restore=<id>:<qty>,…` (`{items}`). */
export const RESTORE_PARAM = 'comptoir-restore';
/** The saved cart's platform id, when the link carries one: `&comptoir-cart=<id>` (`{cartId}`). */
export const RESTORE_CART_PARAM = 'comptoir-cart';

/** A cart line by the platform's line, variant or product id. */
export interface RestoreLine {
  id: string;
  quantity: number;
}

/** What restoring a saved cart on this device comes to. */
export interface RestoreMerge {
  /** The cart to have: every line of both carts, each at the larger quantity. */
  lines: RestoreLine[];
  /** The lines to add or raise on the device (at their new quantity); nothing else changes. */
  raise: RestoreLine[];
  /** The device had a line, or more of one, that the saved cart did not: its cart was kept. */
  keptNewer: boolean;
}

/** `detail` of `comptoir:cart-restore` (a shop with its own cart applies the merge). */
export interface CartRestoreRequest {
  saved: RestoreLine[];
  cartId?: string;
  /** The merge with the cart on this device; dispatches `comptoir:cart-restored` with it. */
  merge(onDevice: readonly RestoreLine[]): RestoreMerge;
}

/** Reads `id:qty,…` (an id may itself hold colons: the quantity follows the last one). */
export function parseRestoreItems(text: string): RestoreLine[] {
  return text
    .split(',')
    .map((part) => {
      const at = part.lastIndexOf(':');
      return { id: part.slice(0, at).trim(), quantity: Number(part.slice(at + 1)) };
    })
    .filter(
      (line) =>
        line.id !== '' &&
        Number.isInteger(line.quantity) &&
        line.quantity > 0 &&
        line.quantity < 1000,
    )
    .slice(0, 200);
}

/** Merges the saved cart into the device's: never overwrites, never lowers (see above). */
export function mergeRestoredCart(
  onDevice: readonly RestoreLine[],
  saved: readonly RestoreLine[],
): RestoreMerge {
  const here = new Map<string, number>();
  for (const line of onDevice) here.set(line.id, (here.get(line.id) ?? 0) + line.quantity);
  const wanted = new Map<string, number>();
  for (const line of saved) wanted.set(line.id, (wanted.get(line.id) ?? 0) + line.quantity);
  let keptNewer = false;
  const raise: RestoreLine[] = [];
  for (const [id, quantity] of here) if (quantity > (wanted.get(id) ?? 0)) keptNewer = true;
  for (const [id, quantity] of wanted) {
    if (quantity > (here.get(id) ?? 0)) raise.push({ id, quantity });
  }
  const lines = [...new Set([...here.keys(), ...wanted.keys()])].map((id) => ({
    id,
    quantity: Math.max(here.get(id) ?? 0, wanted.get(id) ?? 0),
  }));
  return { lines, raise, keptNewer };
}

/**
 * The saved cart of a restore link in the address bar, if any; the parameters are removed from
 * it (a reload or a shared URL does not restore again).
 */
export function takeRestoreLink(): { saved: RestoreLine[]; cartId?: string } | undefined {
  const url = new URL(location.href);
  const items = url.searchParams.get(RESTORE_PARAM);
  if (items === null) return undefined;
  const cartId = url.searchParams.get(RESTORE_CART_PARAM) || undefined;
  url.searchParams.delete(RESTORE_PARAM);
  url.searchParams.delete(RESTORE_CART_PARAM);
  history.replaceState(history.state, '', url.href);
  return { saved: parseRestoreItems(items), ...(cartId ? { cartId } : {}) };
}

/** Tells the page what the restore did: `comptoir:cart-restored` on `document`. */
export function announceRestore(merge: RestoreMerge): void {
  document.dispatchEvent(new CustomEvent('comptoir:cart-restored', { detail: merge }));
}

/**
 * For a shop whose cart is its own (no platform adapter): once the page's scripts have run,
 * dispatches `comptoir:cart-restore` with the saved cart and the merge to apply.
 */
export async function offerRestore(
  link: { saved: RestoreLine[]; cartId?: string } | undefined = takeRestoreLink(),
): Promise<void> {
  if (!link || link.saved.length === 0) return;
  // The page's own module scripts (its listener) run after the loader's and before
  // DOMContentLoaded, while readyState already says 'interactive': wait for DOMContentLoaded, or
  // for `load` when the loader came after it, unless the page is complete.
  if (document.readyState !== 'complete')
    await new Promise((resolve) => {
      document.addEventListener('DOMContentLoaded', resolve, { once: true });
      addEventListener('load', resolve, { once: true });
    });
  const detail: CartRestoreRequest = {
    ...link,
    merge(onDevice) {
      const merge = mergeRestoredCart(onDevice, link.saved);
      announceRestore(merge);
      return merge;
    },
  };
  document.dispatchEvent(new CustomEvent('comptoir:cart-restore', { detail }));
}

declare global {
  interface DocumentEventMap {
    'comptoir:cart-restore': CustomEvent<CartRestoreRequest>;
    'comptoir:cart-restored': CustomEvent<RestoreMerge>;
  }
}
