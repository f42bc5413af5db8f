import type { Cart, RestoreUrlSettings } from '@comptoir/sdk/schemas';

/**
 * The cart lines a restore URL rebuilds: the platform's line or variant id, the product (or
 * variation) id where the capture has one, and a quantity.
 */
export type RestoreLine = Pick<Cart['items'][number], 'id' | 'productId' | 'quantity'>;

/** What a restore URL is built from. */
export interface RestoreTarget {
  /** The platform's cart id, when it has one. */
  cartId?: string;
  lines: readonly RestoreLine[];
  couponCode?: string;
}

/** The query parameters the widgets' loader merges into the device's cart (widgets `cart/restore.ts`). */
const RESTORE_PARAM = 'comptoir-restore';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `id:qty,…` as the loader's `comptoir-restore` parameter reads it. */
function restoreItems(lines: readonly { id: string; quantity: number }[]): string {
  return lines.map((line) => `${line.id}:${line.quantity}`).join(',');
}

/**
 * Shopify: the cart page with `?comptoir-restore=<variant>:<qty>,…`, which the widgets' loader (on
 * every page of a shop that installed Comptoir) merges into the cart on the shopper's device
 * through `/cart/update.js`: every line at the larger quantity, a newer cart kept. Shopify's cart
 * permalink (`/cart/<variant>:<qty>`) is not used: it replaces the device's cart. A coupon goes
 * through Shopify's shareable discount link, `/discount/<code>?redirect=<the cart page>`, which
 * applies the code and leaves the cart alone. Line ids from `/cart.js` may carry a `:key` suffix
 * or be a `gid://shopify/ProductVariant/N`; the variant number is what the cart API needs.
 */
function shopifyUrl(shopUrl: string, target: RestoreTarget): string {
  const base = trimSlash(shopUrl);
  const cart = new URL(`${base}/cart`);
  const lines = target.lines.map((line) => ({
    id: /(\d+)(?::[^:]*)?$/.exec(line.id)?.[1] ?? line.id,
    quantity: line.quantity,
  }));
  if (lines.length > 0) cart.searchParams.set(RESTORE_PARAM, restoreItems(lines));
  if (!target.couponCode) return cart.href;
  const discount = new URL(`${base}/discount/${encodeURIComponent(target.couponCode)}`);
  discount.searchParams.set('redirect', `${cart.pathname}${cart.search}`);
  return discount.href;
}

/**
 * WooCommerce: the cart page with `?comptoir-restore=<product or variation id>:<qty>,…`, which the
 * widgets' loader merges into the session's cart through the Store API (`add-item`,
 * `update-item`), keeping a newer cart. Core's `?add-to-cart=` is not used: it adds on top of what
 * the device holds (and only one product). A line captured before captures kept the product id
 * apart (`id` was the session's line key) restores by its `productId`. The coupon goes in the
 * configured `couponParam` (a "coupon from URL" plugin or snippet applies it), else in
 * `coupon_code`, which core ignores (the email then asks for the code at checkout).
 */
function wooCommerceUrl(shopUrl: string, target: RestoreTarget, couponParam?: string): string {
  const url = new URL(`${trimSlash(shopUrl)}/cart/`);
  const lines = target.lines.map((line) => ({
    id: /^\d+$/.test(line.id) ? line.id : (line.productId ?? line.id),
    quantity: line.quantity,
  }));
  if (lines.length > 0) url.searchParams.set(RESTORE_PARAM, restoreItems(lines));
  if (target.couponCode) url.searchParams.set(couponParam ?? 'coupon_code', target.couponCode);
  return url.href;
}

/** A custom pattern: `{cartId}`, `{items}` (`id:qty,…`) and `{coupon}`, each URL-encoded. */
function customUrl(
  shopUrl: string,
  pattern: string,
  target: RestoreTarget,
  couponParam?: string,
): string {
  const items = restoreItems(target.lines);
  const filled = pattern
    .replaceAll('{cartId}', encodeURIComponent(target.cartId ?? ''))
    .replaceAll('{items}', encodeURIComponent(items))
    .replaceAll('{coupon}', encodeURIComponent(target.couponCode ?? ''));
  const url = new URL(filled, `${trimSlash(shopUrl)}/`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${trimSlash(shopUrl)}/`;
  if (couponParam && target.couponCode) url.searchParams.set(couponParam, target.couponCode);
  return url.href;
}

/**
 * Whether the restore link applies a step's coupon by itself, so the email may say "applied":
 * Shopify's shareable discount link (`/discount/<code>`) applies it; WooCommerce core applies nothing from a URL, so only a
 * configured `couponParam` counts; a custom pattern needs `{coupon}` or `couponParam`. Without
 * restore settings the link opens the shop's home page, which applies nothing.
 */
export function restoreAppliesCoupon(settings: RestoreUrlSettings | undefined): boolean {
  if (!settings) return false;
  switch (settings.preset) {
    case 'shopify':
      return true;
    case 'woocommerce':
      return settings.couponParam !== undefined;
    case 'custom':
      return settings.couponParam !== undefined || (settings.pattern ?? '').includes('{coupon}');
  }
}

/** The URL that rebuilds a cart on the shop's platform, with its coupon applied where possible. */
export function buildRestoreUrl(settings: RestoreUrlSettings, target: RestoreTarget): string {
  switch (settings.preset) {
    case 'shopify':
      return shopifyUrl(settings.shopUrl, target);
    case 'woocommerce':
      return wooCommerceUrl(settings.shopUrl, target, settings.couponParam);
    case 'custom':
      return customUrl(settings.shopUrl, settings.pattern ?? '/cart', target, settings.couponParam);
  }
}
