import type { Cart, RestoreUrlSettings } from '@comptoir/sdk/schemas';

/** The cart lines a restore URL rebuilds: the platform's line or variant id and a quantity. */
export type RestoreLine = Pick<Cart['items'][number], 'id' | 'quantity'>;

/** What a restore URL is built from. */
export interface RestoreTarget {
  /** The platform's cart id, when it has one. */
  cartId?: string;
  lines: readonly RestoreLine[];
  couponCode?: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Shopify cart permalink: `/cart/<variant>:<qty>,…?discount=CODE`. Shopify line ids from
 * `/cart.js` may carry a `:key` suffix or be a `gid://shopify/ProductVariant/N`; the variant
 * number is what the permalink needs.
 */
function shopifyUrl(shopUrl: string, target: RestoreTarget): string {
  const lines = target.lines
    .map((line) => {
      const variant = /(\d+)(?::[^:]*)?$/.exec(line.id)?.[1] ?? encodeURIComponent(line.id);
      return `${variant}:${line.quantity}`;
    })
    .join(',');
  const url = new URL(
    lines === '' ? `${trimSlash(shopUrl)}/cart` : `${trimSlash(shopUrl)}/cart/${lines}`,
  );
  if (target.couponCode) url.searchParams.set('discount', target.couponCode);
  return url.href;
}

/**
 * WooCommerce: core's `?add-to-cart=<id>&quantity=<n>` adds one product; a cart of several lines
 * opens `/cart/` (WooCommerce keeps the session's cart on the shopper's device). The coupon goes in
 * `coupon_code`, which WooCommerce applies with its "apply coupon from URL" support or a small snippet.
 */
function wooCommerceUrl(shopUrl: string, target: RestoreTarget, couponParam?: string): string {
  const url = new URL(`${trimSlash(shopUrl)}/cart/`);
  const [only, ...rest] = target.lines;
  if (only && rest.length === 0) {
    url.searchParams.set('add-to-cart', only.id);
    url.searchParams.set('quantity', String(only.quantity));
  }
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
  const items = target.lines.map((line) => `${line.id}:${line.quantity}`).join(',');
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
 * Shopify's permalinks apply `discount=`; WooCommerce core applies nothing from a URL, so only a
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
