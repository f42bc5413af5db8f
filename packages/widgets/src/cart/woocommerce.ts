import type { Cart } from '@comptoir/sdk/schemas';
import { warnOnce } from '../internal/state.js';
import { afterRequests } from './request-hook.js';
import { setCart } from './store.js';

interface WooPrices {
  price: string;
  currency_code: string;
  currency_minor_unit: number;
}
export interface WooItem {
  /** The line's key in this session's cart (`update-item` needs it; no other session knows it). */
  key: string;
  /** The product's id, or the variation's for a variable product (what `add-item` takes). */
  id: number;
  quantity: number;
  name: string;
  prices: WooPrices;
  permalink?: string;
  images?: { src: string }[];
}
export interface WooCart {
  items: WooItem[];
  totals: {
    total_items: string;
    total_discount?: string;
    currency_code: string;
    currency_minor_unit: number;
  };
  shipping_address?: { country?: string };
}

/**
 * Rescales a Store API amount (in the shop's own number of decimals) to ISO minor units. The ISO
 * digits come straight from `Intl` (as `currencyDigits` in @comptoir/sdk/money finds them): that
 * module is then the free-shipping bar's alone, in its chunk, instead of a chunk of its own.
 */
function minor(amount: string, shopDigits: number, currency: string): number {
  const iso = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
  const value = Number(amount) * 10 ** ((iso.maximumFractionDigits ?? 2) - shopDigits);
  return Math.max(0, Math.round(value));
}

/**
 * Maps the WooCommerce Store API cart (`/wp-json/wc/store/v1/cart`) to Comptoir's cart. A line's
 * id is its product (or variation) id, which a restore link can add to any session's cart; the
 * line key names the line in this session only (the restore reads it from the live cart).
 */
export function fromWooCommerceCart(cart: WooCart): Cart {
  const currency = cart.totals.currency_code.toUpperCase();
  const digits = cart.totals.currency_minor_unit;
  const country = cart.shipping_address?.country;
  return {
    currency,
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
    subtotal:
      minor(cart.totals.total_items, digits, currency) -
      Math.min(
        minor(cart.totals.total_items, digits, currency),
        minor(cart.totals.total_discount ?? '0', digits, currency),
      ),
    items: cart.items.slice(0, 200).map((item) => ({
      id: String(item.id),
      productId: String(item.id),
      title: item.name,
      quantity: item.quantity,
      unitPrice: minor(item.prices.price, item.prices.currency_minor_unit, currency),
      ...(item.permalink ? { url: item.permalink } : {}),
      ...(item.images?.[0]?.src ? { imageUrl: item.images[0].src } : {}),
    })),
  };
}

const EVENTS = [
  'added_to_cart',
  'removed_from_cart',
  'wc-blocks_added_to_cart',
  'wc-blocks_removed_from_cart',
];
let started = false;

/**
 * Reads the WooCommerce Store API cart now, after the add-to-cart and remove-from-cart DOM events,
 * and after the page's own writes to the Store API or `?wc-ajax=` endpoints.
 */
export function startWooCommerceAdapter(root = '/'): Promise<void> {
  const url = `${root.replace(/\/$/, '')}/wp-json/wc/store/v1/cart`;
  let pending: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (pending ??= (async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        setCart(fromWooCommerceCart((await response.json()) as WooCart));
      } catch (error) {
        warnOnce('woocommerce-cart', 'could not read the WooCommerce cart', error);
      } finally {
        pending = undefined;
      }
    })());
  if (!started) {
    started = true;
    for (const type of EVENTS) document.body.addEventListener(type, () => void refresh());
    afterRequests(
      (target, method) =>
        target.origin === location.origin &&
        method !== 'GET' &&
        (target.pathname.includes('/wc/store/') || target.searchParams.has('wc-ajax')),
      () => void refresh(),
    );
  }
  return refresh();
}
