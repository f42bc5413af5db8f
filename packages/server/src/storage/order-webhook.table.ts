import type { Selectable } from 'kysely';

/** The platforms whose order webhooks Comptoir verifies. */
export type OrderPlatform = 'shopify' | 'woocommerce';

/** Where a verified order came from: a platform's webhook or the shop's backend (`sk_…`). */
export type VerifiedSource = OrderPlatform | 'backend';

/** What became of one incoming order webhook delivery. */
export type WebhookOutcome =
  'accepted' | 'ignored' | 'ping' | 'duplicate' | 'bad_signature' | 'not_configured' | 'malformed';

/** `order_sources`: a shop's signing secret for one platform. */
export interface OrderSourcesTable {
  shop_id: string;
  platform: OrderPlatform;
  secret_sealed: string;
  /** The secret's last four characters, so the merchant can tell which one is set. */
  secret_hint: string;
  first_order_at: string | null;
  last_order_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `order_webhook_log`: every delivery to a shop's webhook URL, accepted or refused. */
export interface OrderWebhookLogTable {
  id: string;
  shop_id: string;
  platform: OrderPlatform;
  topic: string | null;
  delivery_id: string | null;
  dedupe_key: string | null;
  outcome: WebhookOutcome;
  status: number;
  message: string;
  order_id: string | null;
  cart_id: string | null;
  received_at: string;
}

/** `verified_orders`: orders a trusted source reported, one row per (shop, source, order). */
export interface VerifiedOrdersTable {
  shop_id: string;
  source: VerifiedSource;
  order_id: string;
  cart_id: string | null;
  total: number;
  currency: string;
  email_hash: string | null;
  created_at: string;
}

/** `instance_secrets`: keys this server made for itself (the secrets' encryption key). */
export interface InstanceSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** An `order_webhook_log` row as read. */
export type OrderWebhookLogRow = Selectable<OrderWebhookLogTable>;
