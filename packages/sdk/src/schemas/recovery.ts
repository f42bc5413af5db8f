import { z } from 'zod';
import {
  EmailAddress,
  HttpUrl,
  Locale,
  ShortText,
  WallTime,
  WellFormedText,
} from './primitives.js';

/** One email of the recovery sequence: when it goes out after capture, and its text per language. */
export const RecoveryStep = z.strictObject({
  /** Seconds after the cart was captured. */
  delaySeconds: z
    .number()
    .int()
    .min(60, 'At least 60 seconds')
    .max(30 * 86_400, 'At most 30 days'),
  subject: z.partialRecord(Locale, ShortText.min(1)),
  /** Plain text; blank lines split paragraphs. `{shopName}` and `{coupon}` are replaced. */
  body: z.partialRecord(Locale, WellFormedText.min(1).max(5000)),
  couponCode: z
    .string()
    .max(64)
    .regex(/^[\w-]*$/, 'Letters, digits, _ and - only')
    .optional(),
});
export type RecoveryStep = z.infer<typeof RecoveryStep>;

/** How the restore link rebuilds the cart on the shop's platform. */
export const RestoreUrlSettings = z.strictObject({
  preset: z.enum(['shopify', 'woocommerce', 'custom']),
  /** The storefront's base URL, `https://shop.example`. */
  shopUrl: HttpUrl,
  /** For `custom`: a URL with `{cartId}`, `{items}` and `{coupon}` placeholders. */
  pattern: WellFormedText.max(2048).optional(),
  /**
   * The query parameter the shop applies a coupon from (WooCommerce with a "coupon from URL"
   * plugin or snippet, a custom shop): the restore link carries the step's coupon in it and the
   * email says the code is applied. Without it (and without `{coupon}` in a custom pattern) the
   * email asks the shopper to enter the code at checkout. Shopify needs none: its restore link goes
   * through Shopify's shareable discount link (`/discount/<code>`).
   */
  couponParam: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Use 1 to 40 letters, digits, dots, dashes or underscores')
    .optional(),
});
export type RestoreUrlSettings = z.infer<typeof RestoreUrlSettings>;

/** Consent rules: `explicit` needs a ticked box; `soft` (existing customers, where the law allows). */
export const ConsentMode = z.enum(['explicit', 'soft']);
export type ConsentMode = z.infer<typeof ConsentMode>;

/** The abandoned-cart recovery sequence and its guard rails. */
export const RecoverySettings = z.strictObject({
  enabled: z.boolean(),
  steps: z.array(RecoveryStep).max(5, 'At most 5 steps'),
  consentMode: ConsentMode,
  /** No email between `start` and `end` in the shop's time zone; the step waits for `end`. */
  quietHours: z.strictObject({ start: WallTime, end: WallTime }).optional(),
  /** Percentage of eligible carts that get no email, to measure what the emails really add. */
  holdoutPercent: z.number().int().min(0).max(50),
  /** Days a restore link keeps working. */
  tokenTtlDays: z.number().int().min(1).max(90),
  restoreUrl: RestoreUrlSettings.optional(),
  fromName: ShortText.optional(),
  replyTo: EmailAddress.optional(),
});
export type RecoverySettings = z.infer<typeof RecoverySettings>;
