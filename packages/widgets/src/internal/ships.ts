import type { Cart, PublishedConfig } from '@comptoir/sdk/schemas';

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
    // As the announcement bar's paths: exact, or a prefix ending in `*`.
    exclusions.paths.some((pattern) => `${location.pathname}*`.startsWith(pattern)) ||
    (!!cart?.items.length && cart.items.every((item) => excluded(item.productId ?? item.id)))
  );
}
