import type { Generated, Selectable } from 'kysely';
import type { WebhookEventType } from '@comptoir/sdk';

/** `webhook_endpoints`: where a shop's events go. */
export interface WebhookEndpointsTable {
  /** `whe_…` */
  id: string;
  shop_id: string;
  url: string;
  description: string | null;
  /** The `whsec_…` secret, sealed like the order webhooks' (see `secret-box.ts`). */
  secret_sealed: string;
  /** `WebhookEventType[]` as JSON. */
  events: string;
  enabled: Generated<number>;
  /** Failed deliveries in a row; the endpoint is switched off when it reaches the limit. */
  failure_streak: Generated<number>;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** `webhook_messages`: one event for one endpoint, with its stable id and frozen body. */
export interface WebhookMessagesTable {
  /** `msg_…`, sent as `webhook-id`. */
  id: string;
  shop_id: string;
  endpoint_id: string;
  type: WebhookEventType;
  body: string;
  event_key: string;
  created_at: string;
}

/** `webhook_attempts`: the delivery log. */
export interface WebhookAttemptsTable {
  id: string;
  shop_id: string;
  message_id: string;
  endpoint_id: string;
  type: WebhookEventType;
  attempt: number;
  status_code: number | null;
  ok: number;
  error: string | null;
  at: string;
}

/** A `webhook_endpoints` row as read. */
export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
/** A `webhook_messages` row as read. */
export type WebhookMessageRow = Selectable<WebhookMessagesTable>;
