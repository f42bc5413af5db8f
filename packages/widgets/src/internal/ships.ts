import type { Cart, PublishedConfig } from '@comptoir/sdk/schemas';

/** Whether a page path matches a pattern: exact, or a prefix when the pattern ends in `*`. */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/**
 * Whether the shipping widgets have nothing to say here (`config.shippingExclusions`): on the
 * page of a product that does not ship (the element's `product-id`), on a page whose path
 * matches, or for a cart holding only such products (a gift card on its own).
 */
export function shippingExcluded(
  config: PublishedConfig | undefined,
  productId: string | undefined,
  cart: Cart | null,
): boolean {
  const exclusions = config?.shippingExclusions;
  if (!exclusions) return false;
  const excluded = (id: string | undefined) => !!id && exclusions.productIds.includes(id);
  return (
    excluded(productId) ||
    exclusions.paths.some((pattern) => pathMatches(pattern, location.pathname)) ||
    (!!cart?.items.length && cart.items.every((item) => excluded(item.productId ?? item.id)))
  );
}
