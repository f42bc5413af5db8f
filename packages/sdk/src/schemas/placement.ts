import { z } from 'zod';

/** The six elements Comptoir defines. */
export const ELEMENT_TAGS = [
  'comptoir-absence-banner',
  'comptoir-free-shipping',
  'comptoir-shipping-cutoff',
  'comptoir-holiday-deadline',
  'comptoir-faq',
  'comptoir-cart-capture',
] as const;

/** The tag name of one of Comptoir's elements. */
export const ElementTag = z.enum(ELEMENT_TAGS);
export type ElementTag = z.infer<typeof ElementTag>;

/** Where a placed element goes relative to the element the selector finds. */
export const PlacementPosition = z.enum(['before', 'after', 'prepend', 'append']);
export type PlacementPosition = z.infer<typeof PlacementPosition>;

/** An element the loader inserts by CSS selector, for shops that cannot edit their theme. */
export const Placement = z.strictObject({
  element: ElementTag,
  selector: z.string().min(1, 'Required').max(300, 'At most 300 characters'),
  position: PlacementPosition,
  /** Attributes set on the placed element (for example `method` on the shipping cutoff). */
  attributes: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Attribute names are lower-case words'),
      z.string().max(200),
    )
    .optional(),
});
export type Placement = z.infer<typeof Placement>;
