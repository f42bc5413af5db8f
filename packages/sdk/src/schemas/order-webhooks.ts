import { z } from 'zod';
import { Instant } from './primitives.js';

/** The platforms whose order webhooks the server verifies. */
export const OrderPlatform = z.enum(['shopify', 'woocommerce']);
export type OrderPlatform = z.infer<typeof OrderPlatform>;

/** Where verified orders come from: a platform's webhook, or the shop's backend (`sk_…`). */
export const VerifiedSource = z.enum(['shopify', 'woocommerce', 'backend']);
export type VerifiedSource = z.infer<typeof VerifiedSource>;

/**
 * `PUT /v1/admin/order-webhooks/:platform`: the platform's signing secret (Shopify shows it under
 * Settings → Notifications → Webhooks, or it is the custom app's client secret). Leave it out to
 * have the server make one (WooCommerce takes any secret you type in).
 */
export const OrderWebhookSecretInput = z.strictObject({
  secret: z.string().trim().min(8).max(256).optional(),
});
export type OrderWebhookSecretInput = z.infer<typeof OrderWebhookSecretInput>;

/** One line of the order webhooks' delivery log. */
export const OrderWebhookLogLine = z.object({
  receivedAt: Instant,
  platform: OrderPlatform,
  topic: z.string().nullable(),
  outcome: z.enum([
    'accepted',
    'ignored',
    'ping',
    'duplicate',
    'bad_signature',
    'not_configured',
    'malformed',
  ]),
  status: z.number().int(),
  message: z.string(),
  orderId: z.string().nullable(),
});
export type OrderWebhookLogLine = z.infer<typeof OrderWebhookLogLine>;

/** One platform's order webhook as the config page shows it. */
export const OrderWebhookStatus = z.object({
  platform: OrderPlatform,
  /** The URL to paste into the platform. */
  url: z.string(),
  /** `off`: no secret set; `waiting`: set, no order yet; `receiving`: an order arrived. */
  state: z.enum(['off', 'waiting', 'receiving']),
  /** The secret's last four characters. */
  secretHint: z.string().nullable(),
  firstOrderAt: Instant.nullable(),
  lastOrderAt: Instant.nullable(),
});
export type OrderWebhookStatus = z.infer<typeof OrderWebhookStatus>;

/** `GET /v1/admin/order-webhooks`: both platforms and the latest deliveries, newest first. */
export const OrderWebhooks = z.object({
  platforms: z.array(OrderWebhookStatus),
  log: z.array(OrderWebhookLogLine),
});
export type OrderWebhooks = z.infer<typeof OrderWebhooks>;

/** `PUT /v1/admin/order-webhooks/:platform`: the status, and the secret when the server made it. */
export const OrderWebhookSaved = OrderWebhookStatus.extend({ secret: z.string().optional() });
export type OrderWebhookSaved = z.infer<typeof OrderWebhookSaved>;

/** What `POST /v1/hooks/{shopify,woocommerce}/:shop` answers a delivery it accepted. */
export const OrderWebhookReceipt = z.object({
  received: z.literal(true),
  /** WooCommerce's save ping. */
  ping: z.boolean().optional(),
  /** A topic that carries no order for Comptoir. */
  ignored: z.boolean().optional(),
  /** A delivery seen before (the same delivery id): nothing changed. */
  duplicate: z.boolean().optional(),
  orderId: z.string().optional(),
  /** False for a test order, an unpaid one, or one this source reported before. */
  counted: z.boolean().optional(),
  cartId: z.string().nullable().optional(),
  recovered: z.boolean().optional(),
});
export type OrderWebhookReceipt = z.infer<typeof OrderWebhookReceipt>;
