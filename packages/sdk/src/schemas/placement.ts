import { z } from 'zod';
import { isPlacementAttribute, placementAttributesOf } from './element-attributes.js';
import { CssSelector, WellFormedText } from './primitives.js';

/** The seven elements Comptoir defines. */
export const ELEMENT_TAGS = [
  'comptoir-absence-banner',
  'comptoir-free-shipping',
  'comptoir-shipping-cutoff',
  'comptoir-holiday-deadline',
  'comptoir-faq',
  'comptoir-cart-capture',
  'comptoir-announcement-bar',
] as const;

/** The tag name of one of Comptoir's elements. */
export const ElementTag = z.enum(ELEMENT_TAGS);
export type ElementTag = z.infer<typeof ElementTag>;

/** Where a placed element goes relative to the element the selector finds. */
export const PlacementPosition = z.enum(['before', 'after', 'prepend', 'append']);
export type PlacementPosition = z.infer<typeof PlacementPosition>;

/**
 * An element the loader inserts by CSS selector, for shops that cannot edit their theme. Its
 * `attributes` are the element's documented ones only ({@link placementAttributesOf}): the config
 * is the merchant's, but an `onfocus` in it would run script on every page of the shop.
 */
export const Placement = z
  .strictObject({
    element: ElementTag,
    selector: CssSelector.min(1, 'Required'),
    position: PlacementPosition,
    /** Attributes set on the placed element (for example `method` on the shipping cutoff). */
    attributes: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Attribute names are lower-case words'),
        WellFormedText.max(200),
      )
      .optional(),
  })
  .superRefine((placement, context) => {
    for (const name of Object.keys(placement.attributes ?? {})) {
      if (isPlacementAttribute(placement.element, name)) continue;
      context.addIssue({
        code: 'custom',
        path: ['attributes', name],
        message: `${placement.element} has no attribute "${name}"; use ${placementAttributesOf(placement.element).join(', ')}`,
      });
    }
  });
export type Placement = z.infer<typeof Placement>;
