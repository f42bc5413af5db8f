import { z } from 'zod';
import { Locale, WellFormedText } from './primitives.js';

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

/** The emails after the order (off unless configured). */
export const LifecycleSettings = z.strictObject({
  orderConfirmation: OrderConfirmationSettings.optional(),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettings>;
