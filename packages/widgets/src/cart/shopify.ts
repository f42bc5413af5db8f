import type { Cart, CartItem } from '@comptoir/sdk/schemas';
import { warnOnce } from '../internal/state.js';
import { afterRequests } from './request-hook.js';
import { setCart } from './store.js';

interface ShopifyLine {
  key?: string;
  id: number | string;
  product_id?: number | string;
  title: string;
  quantity: number;
  final_price?: number;
  price: number;
  url?: string;
  image?: string | null;
}
export interface ShopifyCart {
  token?: string;
  currency: string;
  total_price: number;
  items: ShopifyLine[];
}

const absolute = (url: string | null | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url, location.href).href;
  } catch {
    return undefined;
  }
};

/** Maps Shopify's `/cart.js` document to Comptoir's cart. */
export function fromShopifyCart(cart: ShopifyCart, country?: string): Cart {
  return {
    ...(cart.token ? { id: cart.token.split('?')[0] } : {}),
    currency: cart.currency.toUpperCase(),
    ...(country ? { country } : {}),
    subtotal: cart.total_price,
    items: cart.items.slice(0, 200).map((line): CartItem => ({
      id: String(line.key ?? line.id),
      ...(line.product_id !== undefined ? { productId: String(line.product_id) } : {}),
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.final_price ?? line.price,
      ...(absolute(line.url) ? { url: absolute(line.url) } : {}),
      ...(absolute(line.image) ? { imageUrl: absolute(line.image) } : {}),
    })),
  };
}

let started = false;

/**
 * Reads Shopify's `/cart.js` now and again after each theme request to `/cart/*`
 * (add, change, update, clear), so the widgets follow a cart that changes without a reload.
 */
export function startShopifyAdapter(root = '/'): Promise<void> {
  const url = `${root.replace(/\/$/, '')}/cart.js`;
  let pending: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (pending ??= (async () => {
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
        const country = (window as { Shopify?: { country?: string } }).Shopify?.country;
        setCart(fromShopifyCart((await response.json()) as ShopifyCart, country));
      } catch (error) {
        warnOnce('shopify-cart', 'could not read the Shopify cart', error);
      } finally {
        pending = undefined;
      }
    })());
  if (!started) {
    started = true;
    afterRequests(
      (target, method) =>
        target.origin === location.origin &&
        /\/cart\/(add|change|update|clear)(\.js)?$/.test(target.pathname) &&
        method !== 'GET',
      () => void refresh(),
    );
  }
  return refresh();
}
