import type { OrderLine, OrderShipping } from '@comptoir/sdk';
import type { Db } from './database.js';
import type { LifecycleOrderRow } from './lifecycle.table.js';

/** An order as the emails after it see it. */
export interface LifecycleOrder {
  id: string;
  shopId: string;
  source: string;
  orderId: string;
  email: string;
  emailHash: string;
  name: string | null;
  /** Null when the order ships nothing (digital, pickup). */
  address: NonNullable<OrderShipping['address']> | null;
  locale: string | null;
  methodId: string | null;
  items: OrderLine[];
  marketingConsent: boolean;
  /** The shopper said no to marketing emails (not just no answer): even a soft opt-in stops. */
  marketingRefused: boolean;
  orderedAt: string;
}

function toOrder(row: LifecycleOrderRow): LifecycleOrder {
  return {
    id: row.id,
    shopId: row.shop_id,
    source: row.source,
    orderId: row.order_id,
    email: row.email,
    emailHash: row.email_hash,
    name: row.name,
    address: JSON.parse(row.address) as LifecycleOrder['address'],
    locale: row.locale,
    methodId: row.method_id,
    items: JSON.parse(row.items) as OrderLine[],
    marketingConsent: Number(row.marketing_consent) === 1,
    marketingRefused: Number(row.marketing_consent) === -1,
    orderedAt: row.ordered_at,
  };
}

/**
 * Stores an order once per (shop, order id), whichever source reports it (the shop's backend and
 * the platform's webhook report the same order); answers the stored one, or `undefined` when that
 * order was stored before (a replayed or second report changes nothing).
 */
export async function insertLifecycleOrder(
  db: Db,
  order: Omit<LifecycleOrder, 'marketingConsent' | 'marketingRefused'> & {
    /** true: agreed; false: said no; undefined: no answer. */
    marketingConsent: boolean | undefined;
  },
): Promise<LifecycleOrder | undefined> {
  const row = await db
    .insertInto('lifecycle_orders')
    .values({
      id: order.id,
      shop_id: order.shopId,
      source: order.source,
      order_id: order.orderId,
      email: order.email,
      email_hash: order.emailHash,
      name: order.name,
      address: JSON.stringify(order.address),
      locale: order.locale,
      method_id: order.methodId,
      items: JSON.stringify(order.items),
      // 1 agreed, -1 said no, 0 no answer (a soft opt-in may write to the last).
      marketing_consent:
        order.marketingConsent === true ? 1 : order.marketingConsent === false ? -1 : 0,
      ordered_at: order.orderedAt,
    })
    // Once per order whatever reports it: the backend and a platform webhook, even at once.
    .onConflict((conflict) => conflict.columns(['shop_id', 'order_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toOrder(row);
}

/** A shop's stored orders by id (the worker's batch). */
export async function findLifecycleOrders(
  db: Db,
  shopId: string,
  ids: readonly string[],
): Promise<LifecycleOrder[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('lifecycle_orders')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', 'in', ids)
    .execute();
  return rows.map(toOrder);
}

/** Deletes one shopper's stored orders (GDPR erasure); answers how many. */
export async function deleteLifecycleOrdersOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<number> {
  const result = await db
    .deleteFrom('lifecycle_orders')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The instant of each address's latest order in a shop (ms), from the stored orders and the
 * verified orders (a webhook's order carries no address but counts as a new order).
 */
export async function latestOrderTimes(
  db: Db,
  shopId: string,
  emailHashes: readonly string[],
): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  if (emailHashes.length === 0) return latest;
  const note = (hash: string | null, at: string | null) => {
    if (!hash || !at) return;
    const ms = Date.parse(at);
    if (ms > (latest.get(hash) ?? -Infinity)) latest.set(hash, ms);
  };
  const stored = await db
    .selectFrom('lifecycle_orders')
    .select(['email_hash', (eb) => eb.fn.max('ordered_at').as('at')])
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .groupBy('email_hash')
    .execute();
  for (const row of stored) note(row.email_hash, row.at);
  const verified = await db
    .selectFrom('verified_orders')
    .select(['email_hash', (eb) => eb.fn.max('created_at').as('at')])
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .groupBy('email_hash')
    .execute();
  for (const row of verified) note(row.email_hash, row.at);
  return latest;
}

/** Cancels the pending win-back emails of one address in a shop (a new order came); answers how many. */
export async function cancelPendingWinBacks(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<number> {
  const result = await db
    .updateTable('recovery_jobs')
    .set({ status: 'cancelled', reason: 'new-order', lease_owner: null })
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .where('kind', '=', 'win-back')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
