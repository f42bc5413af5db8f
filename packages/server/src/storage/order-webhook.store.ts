import type { Db } from './database.js';
import type {
  OrderPlatform,
  OrderWebhookLogRow,
  VerifiedSource,
  WebhookOutcome,
} from './order-webhook.table.js';
import './order-webhook.table.js';

/** A shop's order webhook for one platform, as the code sees it (the secret still sealed). */
export interface OrderSource {
  shopId: string;
  platform: OrderPlatform;
  secretSealed: string;
  secretHint: string;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  updatedAt: string;
}

/** The shop's order sources, one per configured platform. */
export async function listOrderSources(db: Db, shopId: string): Promise<OrderSource[]> {
  const rows = await db
    .selectFrom('order_sources')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('platform')
    .execute();
  return rows.map((row) => ({
    shopId: row.shop_id,
    platform: row.platform,
    secretSealed: row.secret_sealed,
    secretHint: row.secret_hint,
    firstOrderAt: row.first_order_at,
    lastOrderAt: row.last_order_at,
    updatedAt: row.updated_at,
  }));
}

/** The shop's order source for one platform, if it set one up. */
export async function findOrderSource(
  db: Db,
  shopId: string,
  platform: OrderPlatform,
): Promise<OrderSource | undefined> {
  return (await listOrderSources(db, shopId)).find((source) => source.platform === platform);
}

/** Sets (or replaces) the shop's sealed signing secret for a platform. */
export async function saveOrderSource(
  db: Db,
  shopId: string,
  platform: OrderPlatform,
  secret: { sealed: string; hint: string },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('order_sources')
    .values({
      shop_id: shopId,
      platform,
      secret_sealed: secret.sealed,
      secret_hint: secret.hint,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'platform'])
        .doUpdateSet({ secret_sealed: secret.sealed, secret_hint: secret.hint, updated_at: at }),
    )
    .execute();
}

/** Removes the shop's webhook for a platform; answers whether there was one. */
export async function deleteOrderSource(
  db: Db,
  shopId: string,
  platform: OrderPlatform,
): Promise<boolean> {
  const result = await db
    .deleteFrom('order_sources')
    .where('shop_id', '=', shopId)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Notes that an order arrived through the platform's webhook (the first one turns it green). */
export async function markOrderReceived(
  db: Db,
  shopId: string,
  platform: OrderPlatform,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('order_sources')
    .set((eb) => ({
      first_order_at: eb.fn.coalesce('first_order_at', eb.val(at)),
      last_order_at: at,
    }))
    .where('shop_id', '=', shopId)
    .where('platform', '=', platform)
    .execute();
}

/** One line of the delivery log, as written. */
export interface WebhookLogEntry {
  id: string;
  platform: OrderPlatform;
  topic: string | null;
  deliveryId: string | null;
  /** Set for deliveries acted upon: the same key again is a replay. */
  dedupeKey: string | null;
  outcome: WebhookOutcome;
  status: number;
  message: string;
  orderId: string | null;
  cartId: string | null;
  receivedAt: string;
}

/**
 * Writes a delivery log line. With a `dedupeKey` it answers false, writing nothing, when a line
 * with the same key exists: that delivery was already acted upon (the unique index decides, so
 * two copies arriving together cannot both pass).
 */
export async function insertWebhookLog(
  db: Db,
  shopId: string,
  entry: WebhookLogEntry,
): Promise<boolean> {
  const result = await db
    .insertInto('order_webhook_log')
    .values({
      id: entry.id,
      shop_id: shopId,
      platform: entry.platform,
      topic: entry.topic,
      delivery_id: entry.deliveryId,
      dedupe_key: entry.dedupeKey,
      outcome: entry.outcome,
      status: entry.status,
      message: entry.message,
      order_id: entry.orderId,
      cart_id: entry.cartId,
      received_at: entry.receivedAt,
    })
    .onConflict((oc) => oc.columns(['shop_id', 'platform', 'dedupe_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The shop's latest delivery log lines, newest first. */
export async function listWebhookLog(
  db: Db,
  shopId: string,
  limit: number,
): Promise<OrderWebhookLogRow[]> {
  return db
    .selectFrom('order_webhook_log')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A verified order as recorded. */
export interface VerifiedOrder {
  source: VerifiedSource;
  orderId: string;
  cartId: string | null;
  total: number;
  currency: string;
  emailHash: string | null;
}

/** Records a verified order once; answers false when this (source, order) was recorded before. */
export async function insertVerifiedOrder(
  db: Db,
  shopId: string,
  order: VerifiedOrder,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('verified_orders')
    .values({
      shop_id: shopId,
      source: order.source,
      order_id: order.orderId,
      cart_id: order.cartId,
      total: order.total,
      currency: order.currency,
      email_hash: order.emailHash,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['shop_id', 'source', 'order_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Which verified sources the shop has: platforms with a webhook set up, and `backend` once its
 * backend reported an order with the secret key. Empty: only storefront reports exist.
 */
export async function verifiedSourcesOf(db: Db, shopId: string): Promise<VerifiedSource[]> {
  const configured = await db
    .selectFrom('order_sources')
    .select('platform as source')
    .where('shop_id', '=', shopId)
    .execute();
  const reported = await db
    .selectFrom('verified_orders')
    .select('source')
    .distinct()
    .where('shop_id', '=', shopId)
    .execute();
  return [...new Set([...configured, ...reported].map((row) => row.source))].sort();
}

/** Erases a shopper's email hash from the shop's verified orders (GDPR); the totals stay. */
export async function eraseShopperFromVerifiedOrders(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<void> {
  await db
    .updateTable('verified_orders')
    .set({ email_hash: null })
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .execute();
}
