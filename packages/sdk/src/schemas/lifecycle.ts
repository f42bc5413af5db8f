import { z } from 'zod';
import { EmailAddress, Locale, ShortText, Weekday, WellFormedText } from './primitives.js';

/**
 * The order confirmation that keeps the delivery promise: sent to every order reported with a
 * shipping address, unless the merchant switched it off or says the platform already sends one.
 */
export const OrderConfirmationSettings = z.strictObject({
  enabled: z.boolean(),
  /** The shop's platform already sends a confirmation: Comptoir sends none. */
  platformSendsOne: z.boolean(),
  /** The merchant's own paragraph, per language; `{shopName}` is replaced; blank lines split. */
  paragraph: z.partialRecord(Locale, WellFormedText.min(1).max(2000)).optional(),
});
export type OrderConfirmationSettings = z.infer<typeof OrderConfirmationSettings>;

/**
 * A marketing email's own texts per language; Comptoir's wording in six languages otherwise. Once
 * written, each needs the shop's default language (the fallback for the other languages).
 */
const MarketingTexts = {
  /** `{shopName}` and `{coupon}` (the win-back's) are replaced. */
  subject: z.partialRecord(Locale, ShortText.min(1)).optional(),
  /** Plain text; blank lines split paragraphs; `{shopName}` and `{coupon}` (the win-back's) are replaced. */
  body: z.partialRecord(Locale, WellFormedText.min(1).max(5000)).optional(),
};

/** One email `delayDays` after a shopper's last order when no new order came (marketing). */
export const WinBackSettings = z.strictObject({
  enabled: z.boolean(),
  delayDays: z.number().int().min(1, 'At least 1 day').max(730, 'At most 730 days'),
  couponCode: z
    .string()
    .max(64)
    .regex(/^[\w-]*$/, 'Letters, digits, _ and - only')
    .optional(),
  ...MarketingTexts,
});
export type WinBackSettings = z.infer<typeof WinBackSettings>;

/**
 * A review request `daysAfterDelivery` days after the LATEST estimated delivery of the order (not
 * after the order: a parcel that left late is not reviewed before it arrives), with a link per
 * line to its product page (marketing).
 */
export const ReviewRequestSettings = z.strictObject({
  enabled: z.boolean(),
  daysAfterDelivery: z.number().int().min(0).max(60, 'At most 60 days'),
  /**
   * Soft opt-in: also ask customers who did not consent to marketing emails (where the merchant's
   * law allows it for existing customers, such as the UK's PECR reg. 22 or France's art. L34-5
   * CPCE). Off by default. One-click unsubscribe, the frequency cap and the suppression list still
   * apply. The merchant is responsible for switching it on only where it is lawful.
   */
  softOptIn: z.boolean().optional(),
  ...MarketingTexts,
});
export type ReviewRequestSettings = z.infer<typeof ReviewRequestSettings>;

/** The merchant's weekly digest: sent to `to` on `weekday` at `hour`:00 in the shop's time zone. */
export const DigestSettings = z.strictObject({
  enabled: z.boolean(),
  /** The merchant's address. */
  to: EmailAddress,
  /** Default Monday. */
  weekday: Weekday.optional(),
  /** Default 8 (08:00). */
  hour: z.number().int().min(0).max(23).optional(),
});
export type DigestSettings = z.infer<typeof DigestSettings>;

/** The emails after the order (off unless configured). */
export const LifecycleSettings = z.strictObject({
  digest: DigestSettings.optional(),
  orderConfirmation: OrderConfirmationSettings.optional(),
  winBack: WinBackSettings.optional(),
  reviewRequest: ReviewRequestSettings.optional(),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettings>;
