/**
 * The attributes each element documents (its reactive properties, packages/widgets/README.md), by
 * tag. A placement may set only these, plus {@link COMMON_ELEMENT_ATTRIBUTES}: anything else could
 * be an event handler (`onfocus`) that would run script on every shop page. Free of zod, so the
 * loader can check the published config with it for a few bytes.
 */
export const ELEMENT_ATTRIBUTES = {
  'comptoir-absence-banner': ['notify', 'no-dismiss'],
  'comptoir-free-shipping': ['country', 'threshold', 'currency', 'product-id'],
  'comptoir-shipping-cutoff': ['method', 'cutoff', 'time-zone', 'dispatch-days', 'product-id'],
  'comptoir-holiday-deadline': ['event', 'product-id'],
  'comptoir-faq': ['category', 'heading-level', 'no-search', 'no-json-ld'],
  'comptoir-cart-capture': ['mode', 'anchor', 'open'],
  'comptoir-announcement-bar': ['no-dismiss'],
} as const satisfies Record<string, readonly string[]>;

/** Attributes every element honours: `lang` picks its language. */
export const COMMON_ELEMENT_ATTRIBUTES = ['lang'] as const;

/** The attributes a placement of `tag` may set (none for an unknown tag). */
export function placementAttributesOf(tag: string): readonly string[] {
  const own: readonly string[] | undefined = (
    ELEMENT_ATTRIBUTES as Record<string, readonly string[]>
  )[tag];
  return own ? [...own, ...COMMON_ELEMENT_ATTRIBUTES] : [];
}

/** True when a placement of `tag` may set the attribute `name`. */
export function isPlacementAttribute(tag: string, name: string): boolean {
  return placementAttributesOf(tag).includes(name);
}
