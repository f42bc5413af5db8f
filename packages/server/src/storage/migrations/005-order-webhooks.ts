import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Order webhooks in: each shop's signing secret per platform (encrypted, never only hashed: an
 * HMAC needs the secret itself), the delivery log the config page shows (with the key that makes a
 * replayed delivery a duplicate), verified orders counted once per (source, order), the carts'
 * `order_verified` flag, and the instance key that encrypts secrets when `COMPTOIR_SECRETS_KEY`
 * is not set.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('order_sources')
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('platform', 'varchar(16)', (col) => col.notNull())
    // AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, base64url, bound to (shop, platform).
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    .addColumn('secret_hint', 'varchar(16)', (col) => col.notNull())
    .addColumn('first_order_at', 'varchar(32)')
    .addColumn('last_order_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_sources_pkey', ['shop_id', 'platform'])
    .execute();

  await db.schema
    .createTable('order_webhook_log')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('platform', 'varchar(16)', (col) => col.notNull())
    .addColumn('topic', 'varchar(64)')
    .addColumn('delivery_id', 'varchar(128)')
    // Set only on deliveries that were acted upon: a second one with the same key is a replay.
    .addColumn('dedupe_key', 'varchar(160)')
    .addColumn('outcome', 'varchar(24)', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('order_id', 'varchar(128)')
    .addColumn('cart_id', 'varchar(64)')
    .addColumn('received_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('order_webhook_log_dedupe')
    .on('order_webhook_log')
    .columns(['shop_id', 'platform', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('order_webhook_log_shop_received')
    .on('order_webhook_log')
    .columns(['shop_id', 'received_at', 'id'])
    .execute();

  await db.schema
    .createTable('verified_orders')
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('source', 'varchar(16)', (col) => col.notNull())
    .addColumn('order_id', 'varchar(128)', (col) => col.notNull())
    .addColumn('cart_id', 'varchar(64)')
    .addColumn('total', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'varchar(3)', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('verified_orders_pkey', ['shop_id', 'source', 'order_id'])
    .execute();

  await db.schema
    .alterTable('carts')
    .addColumn('order_verified', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('instance_secrets')
    .addColumn('name', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('carts').dropColumn('order_verified').execute();
  for (const table of [
    'instance_secrets',
    'verified_orders',
    'order_webhook_log',
    'order_sources',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
