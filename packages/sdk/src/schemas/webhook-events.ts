import { z } from 'zod';
import { Instant } from './primitives.js';
import { VerifiedSource } from './order-webhooks.js';

/** The event types the server sends to a merchant's webhook endpoints. */
export const WEBHOOK_EVENT_TYPES = [
  'cart.captured',
  'cart.recovered',
  'order.attributed',
  'shopper.unsubscribed',
  'shopper.erased',
  'absence.subscribed',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

const Money = { total: z.number().int(), currency: z.string().length(3) };
/** A shopper's address: only sent when they consented to be emailed, else `null`. */
const ConsentedEmail = z.string().nullable();

/** `cart.captured`: a shopper left an email with a cart. */
export const CartCapturedData = z.object({
  shopId: z.string(),
  cartId: z.string(),
  /** The platform's cart id or token, when it has one. */
  platformCartId: z.string().nullable(),
  email: ConsentedEmail,
  /** The consent as the shopper gave it: the exact text shown, and when. */
  consent: z.object({ granted: z.boolean(), text: z.string(), at: Instant }).nullable(),
  locale: z.string().nullable(),
  currency: z.string(),
  subtotal: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      url: z.string().optional(),
      imageUrl: z.string().optional(),
    }),
  ),
  capturedAt: Instant,
});
export type CartCapturedData = z.infer<typeof CartCapturedData>;

/** `cart.recovered`: a cart was bought after a recovery email. */
export const CartRecoveredData = z.object({
  shopId: z.string(),
  cartId: z.string(),
  orderId: z.string().nullable(),
  email: ConsentedEmail,
  ...Money,
  /** True when a verified source (webhook, the shop's backend) reported the order. */
  verified: z.boolean(),
  recoveredAt: Instant,
});
export type CartRecoveredData = z.infer<typeof CartRecoveredData>;

/** `order.attributed`: a verified order was matched to a cart (or to none). */
export const OrderAttributedData = z.object({
  shopId: z.string(),
  orderId: z.string(),
  source: VerifiedSource,
  cartId: z.string().nullable(),
  matchedBy: z.enum(['cart', 'cart-token', 'email']).nullable(),
  recovered: z.boolean(),
  ...Money,
  attributedAt: Instant,
});
export type OrderAttributedData = z.infer<typeof OrderAttributedData>;

/** `shopper.unsubscribed`: a shopper asked for no more emails (their mailing list should too). */
export const ShopperUnsubscribedData = z.object({
  shopId: z.string(),
  email: ConsentedEmail,
  /** SHA-256 of the trimmed, lower-cased address, hex. */
  emailHash: z.string(),
  unsubscribedAt: Instant,
});
export type ShopperUnsubscribedData = z.infer<typeof ShopperUnsubscribedData>;

/** `shopper.erased`: the merchant erased a shopper's data (GDPR): erase them downstream too. */
export const ShopperErasedData = z.object({
  shopId: z.string(),
  /** The address, when the shopper had consented (a mailing list may hold it); else `null`. */
  email: ConsentedEmail,
  emailHash: z.string(),
  erasedAt: Instant,
});
export type ShopperErasedData = z.infer<typeof ShopperErasedData>;

/** `absence.subscribed`: a shopper asked to be told when the shop is back. */
export const AbsenceSubscribedData = z.object({
  shopId: z.string(),
  subscriptionId: z.string(),
  absenceId: z.string(),
  email: z.string(),
  consentText: z.string(),
  locale: z.string().nullable(),
  /** When the "we're back" email goes out. */
  sendAt: Instant,
  subscribedAt: Instant,
});
export type AbsenceSubscribedData = z.infer<typeof AbsenceSubscribedData>;

const envelope = <Type extends WebhookEventType, Data extends z.ZodType>(type: Type, data: Data) =>
  z.object({
    type: z.literal(type),
    /** When the event happened. */
    timestamp: Instant,
    data,
    /** True for the config page's "send a test event": sample data, nothing happened. */
    test: z.boolean().optional(),
  });

/**
 * The body of every event webhook (Standard Webhooks' `{ type, timestamp, data }`), by `type`.
 * The request's `webhook-id` is the event's stable id: the same on every retry.
 */
export const WebhookEvent = z.discriminatedUnion('type', [
  envelope('cart.captured', CartCapturedData),
  envelope('cart.recovered', CartRecoveredData),
  envelope('order.attributed', OrderAttributedData),
  envelope('shopper.unsubscribed', ShopperUnsubscribedData),
  envelope('shopper.erased', ShopperErasedData),
  envelope('absence.subscribed', AbsenceSubscribedData),
]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** The `data` of one event type. */
export type WebhookEventData<Type extends WebhookEventType> = Extract<
  WebhookEvent,
  { type: Type }
>['data'];

/** `POST /v1/admin/webhook-endpoints` and `PUT …/:id`: where to send which events. */
export const WebhookEndpointInput = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  description: z.string().max(200).optional(),
  events: z.array(WebhookEventType).min(1),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInput>;

/** A webhook endpoint as the config page shows it (its secret only once, when created). */
export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(WebhookEventType),
  enabled: z.boolean(),
  /** Set when the server switched it off after repeated failures. */
  disabledReason: z.string().nullable(),
  failureStreak: z.number().int(),
  createdAt: Instant,
  /** `whsec_…`: only in the answer that created the endpoint. */
  secret: z.string().optional(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** One attempt at delivering one event to one endpoint, for the delivery log. */
export const WebhookAttempt = z.object({
  messageId: z.string(),
  endpointId: z.string(),
  type: WebhookEventType,
  attempt: z.number().int(),
  /** The receiver's HTTP status; `null` when it could not be reached. */
  statusCode: z.number().int().nullable(),
  ok: z.boolean(),
  error: z.string().nullable(),
  at: Instant,
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;
