import { warnOnce } from '../internal/state.js';
import { finishRestore } from './restore-notice.js';
import { mergeRestoredCart, takeRestoreLink, type RestoreLine } from './restore.js';
import type { ShopifyCart } from './shopify.js';

// Loaded by the loader only for a restore link (`?comptoir-restore=`): the adapter itself, on
// every page of the shop, carries none of it.

/** The variant number of a Shopify line id (`/cart.js` keys read `<variant>:<hash>`). */
const variantOf = (id: string) => /(\d+)(?::[^:]*)?$/.exec(id)?.[1] ?? id;

/**
 * Restores the saved cart of a restore link (`?comptoir-restore=<variant>:<qty>,…`) into the
 * Shopify cart on this device without overwriting it: adds the missing variants and raises the
 * smaller quantities through `/cart/update.js`, then tells the page and the shopper (`finishRestore`).
 */
export async function restoreShopifyCart(
  saved: readonly RestoreLine[] | undefined = takeRestoreLink()?.saved,
  root = '/',
): Promise<void> {
  if (!saved?.length) return;
  const base = root.replace(/\/$/, '');
  try {
    const response = await fetch(`${base}/cart.js`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${base}/cart.js answered ${response.status}`);
    const cart = (await response.json()) as ShopifyCart;
    const merge = mergeRestoredCart(
      cart.items.map((line) => ({ id: variantOf(String(line.id)), quantity: line.quantity })),
      saved.map((line) => ({ id: variantOf(line.id), quantity: line.quantity })),
    );
    if (merge.raise.length > 0) {
      const updated = await fetch(`${base}/cart/update.js`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          updates: Object.fromEntries(merge.raise.map((line) => [line.id, line.quantity])),
        }),
      });
      if (!updated.ok) throw new Error(`POST ${base}/cart/update.js answered ${updated.status}`);
    }
    await finishRestore(merge);
  } catch (error) {
    warnOnce('shopify-restore', 'could not restore the saved cart', error);
  }
}
