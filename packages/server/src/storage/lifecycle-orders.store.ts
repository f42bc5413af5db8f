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
  address: OrderShipping['address'];
  locale: string | null;
  methodId: string | null;
  items: OrderLine[];
  marketingConsent: boolean;
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
    address: JSON.parse(row.address) as OrderShipping['address'],
    locale: row.locale,
    methodId: row.method_id,
    items: JSON.parse(row.items) as OrderLine[],
    marketingConsent: Number(row.marketing_consent) === 1,
    orderedAt: row.ordered_at,
  };
}

/**
 * Stores an order once per (shop, source, order id); answers the stored one, or `undefined` when
 * that order was stored before (a replayed report changes nothing).
 */
export async function insertLifecycleOrder(
  db: Db,
  order: Omit<LifecycleOrder, 'marketingConsent'> & { marketingConsent: boolean },
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
      marketing_consent: order.marketingConsent ? 1 : 0,
      ordered_at: order.orderedAt,
    })
    .onConflict((conflict) => conflict.columns(['shop_id', 'source', 'order_id']).doNothing())
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
