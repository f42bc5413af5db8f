import type { Kysely } from 'kysely';

// Migrations see an untyped database: they describe the schema as it was then, not as it is now.
type AnyDb = Kysely<unknown>;

/** Shops, config-page sessions, carts and widget events. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('shops')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('publishable_key', 'varchar(128)', (col) => col.notNull().unique())
    .addColumn('secret_key_hash', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('config', 'text', (col) => col.notNull())
    .addColumn('config_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('expires_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_shop').on('sessions').column('shop_id').execute();

  await db.schema
    .createTable('carts')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('platform_cart_id', 'varchar(128)')
    .addColumn('currency', 'varchar(3)', (col) => col.notNull())
    .addColumn('country', 'varchar(2)')
    .addColumn('subtotal', 'bigint', (col) => col.notNull())
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('email', 'varchar(254)')
    .addColumn('email_hash', 'varchar(64)')
    .addColumn('consent_granted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('consent_text', 'text')
    .addColumn('consent_at', 'varchar(32)')
    .addColumn('locale', 'varchar(35)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull().defaultTo('open'))
    .addColumn('recovery_email_at', 'varchar(32)')
    .addColumn('converted_at', 'varchar(32)')
    .addColumn('order_id', 'varchar(128)')
    .addColumn('order_total', 'bigint')
    .addColumn('order_currency', 'varchar(3)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('carts_shop_platform')
    .on('carts')
    .columns(['shop_id', 'platform_cart_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('carts_shop_created')
    .on('carts')
    .columns(['shop_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('carts_shop_email')
    .on('carts')
    .columns(['shop_id', 'email_hash'])
    .execute();

  await db.schema
    .createTable('widget_events')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('type', 'varchar(32)', (col) => col.notNull())
    .addColumn('subject', 'text')
    .addColumn('threshold', 'bigint')
    .addColumn('currency', 'varchar(3)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('widget_events_shop_created')
    .on('widget_events')
    .columns(['shop_id', 'created_at'])
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ['widget_events', 'carts', 'sessions', 'shops']) {
    await db.schema.dropTable(table).execute();
  }
}
