import { z } from 'zod';
import { localizedText } from './localized-text.js';
import { CssSelector, HttpUrl, LongText } from './primitives.js';

/** How the cart email capture appears: in the page, anchored to an element, or on exit intent. */
export const CaptureMode = z.enum(['inline', 'popover', 'exit-intent']);
export type CaptureMode = z.infer<typeof CaptureMode>;

/** The cart email capture's settings. */
export const CaptureSettings = z.strictObject({
  enabled: z.boolean(),
  mode: CaptureMode,
  /** CSS selector of the element a popover is anchored to (the cart button, say). */
  anchorSelector: CssSelector.optional(),
  /**
   * CSS selector of email fields the shop already has (checkout, account, newsletter): when a
   * shopper types an address there, the capture offers to save the cart for it, with the same
   * unticked consent box.
   */
  emailFieldSelector: CssSelector.optional(),
  /** The consent sentence shown beside the unticked box; stored with every consent. */
  consentText: localizedText(LongText.min(1, 'Required')),
  privacyUrl: HttpUrl.optional(),
  /** Days the capture stays hidden after the shopper dismisses it. */
  dismissDays: z.number().int().min(0).max(365),
  /** Seconds on the page before a popover appears. */
  delaySeconds: z.number().int().min(0).max(600),
});
export type CaptureSettings = z.infer<typeof CaptureSettings>;
