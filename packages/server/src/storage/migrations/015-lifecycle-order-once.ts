import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * One stored order per (shop, order id), whatever reports it: the shop's backend (`sk_…`) and the
 * platform's webhook report the same order under their own source, and 013's key (shop, source,
 * order id) let both schedule an order confirmation. An order already stored twice keeps its
 * first row; the later row is deleted, so its jobs still waiting are cancelled by the worker
 * (`order-erased`) and the emails it already sent keep their `recovery_emails` rows.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`
    delete from lifecycle_orders
    where exists (
      select 1 from lifecycle_orders as earlier
      where earlier.shop_id = lifecycle_orders.shop_id
        and earlier.order_id = lifecycle_orders.order_id
        and (earlier.ordered_at < lifecycle_orders.ordered_at
          or (earlier.ordered_at = lifecycle_orders.ordered_at and earlier.id < lifecycle_orders.id))
    )
  `.execute(db);
  await db.schema.dropIndex('lifecycle_orders_source_order').execute();
  await db.schema
    .createIndex('lifecycle_orders_shop_order')
    .on('lifecycle_orders')
    .columns(['shop_id', 'order_id'])
    .unique()
    .execute();
}

/** Back to 013's key (the rows deleted by {@link up} are not restored). */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('lifecycle_orders_shop_order').execute();
  await db.schema
    .createIndex('lifecycle_orders_source_order')
    .on('lifecycle_orders')
    .columns(['shop_id', 'source', 'order_id'])
    .unique()
    .execute();
}
