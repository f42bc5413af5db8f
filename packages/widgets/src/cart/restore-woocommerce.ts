import { warnOnce } from '../internal/state.js';
import { finishRestore } from './restore-notice.js';
import { mergeRestoredCart, takeRestoreLink, type RestoreLine } from './restore.js';
import type { WooCart } from './woocommerce.js';

// Loaded by the loader only for a restore link (`?comptoir-restore=`): the adapter itself, on
// every page of the shop, carries none of it.

/**
 * Restores the saved cart of a restore link (`?comptoir-restore=<product id>:<qty>,…`) into the
 * WooCommerce cart on this device without overwriting it: adds the missing products and raises
 * the smaller quantities through the Store API (with its nonce), then tells the page and the shopper
 * (`finishRestore`).
 */
export async function restoreWooCommerceCart(
  saved: readonly RestoreLine[] | undefined = takeRestoreLink()?.saved,
  root = '/',
): Promise<void> {
  if (!saved?.length) return;
  const base = `${root.replace(/\/$/, '')}/wp-json/wc/store/v1/cart`;
  try {
    const response = await fetch(base, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`GET ${base} answered ${response.status}`);
    const nonce =
      response.headers.get('Nonce') ?? response.headers.get('X-WC-Store-API-Nonce') ?? '';
    const cart = (await response.json()) as WooCart;
    // A saved line names its product (or variation) id, or the line key it had in this session.
    const keys = new Set(saved.map((line) => line.id));
    const merge = mergeRestoredCart(
      cart.items.map((item) => ({
        id: keys.has(item.key) ? item.key : String(item.id),
        quantity: item.quantity,
      })),
      saved,
    );
    for (const line of merge.raise) {
      const existing = cart.items.find(
        (item) => item.key === line.id || String(item.id) === line.id,
      );
      // A line key of another session names nothing the Store API can add.
      if (!existing && !/^\d+$/.test(line.id)) continue;
      // The same product may sit on several lines (other options): raise one by what is missing.
      const onOthers = cart.items
        .filter(
          (item) => item !== existing && (item.key === line.id || String(item.id) === line.id),
        )
        .reduce((sum, item) => sum + item.quantity, 0);
      const written = await fetch(`${base}/${existing ? 'update-item' : 'add-item'}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', Nonce: nonce },
        body: JSON.stringify(
          existing
            ? { key: existing.key, quantity: line.quantity - onOthers }
            : { id: Number(line.id), quantity: line.quantity },
        ),
      });
      if (!written.ok) throw new Error(`POST ${written.url} answered ${written.status}`);
    }
    await finishRestore(merge);
  } catch (error) {
    warnOnce('woocommerce-restore', 'could not restore the saved cart', error);
  }
}
