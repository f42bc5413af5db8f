import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * What the emails after an order need of it, one row per (shop, source, order): the address it
 * ships to (JSON, shown in the confirmation, never logged), the shopper's language, the lines with
 * their product URLs, the shipping method, when it was placed and whether the shopper agreed to
 * marketing emails. Erased with the shopper (by `email_hash`).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('lifecycle_orders')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('source', 'varchar(16)', (col) => col.notNull())
    .addColumn('order_id', 'varchar(128)', (col) => col.notNull())
    .addColumn('email', 'varchar(254)', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('name', 'varchar(200)')
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('locale', 'varchar(35)')
    .addColumn('method_id', 'varchar(64)')
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('marketing_consent', 'integer', (col) => col.notNull())
    .addColumn('ordered_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('lifecycle_orders_source_order')
    .on('lifecycle_orders')
    .columns(['shop_id', 'source', 'order_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('lifecycle_orders_shop_email')
    .on('lifecycle_orders')
    .columns(['shop_id', 'email_hash', 'ordered_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('lifecycle_orders').execute();
}
