import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Event webhooks out: the merchant's endpoints (their `whsec_…` secret encrypted, the event types
 * they take, switched off after repeated failures), one message per (event, endpoint) with its
 * stable `webhook-id` and frozen body, and every delivery attempt with its status code.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    // JSON array of event types.
    .addColumn('events', 'text', (col) => col.notNull())
    .addColumn('enabled', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('failure_streak', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_shop')
    .on('webhook_endpoints')
    .column('shop_id')
    .execute();

  await db.schema
    .createTable('webhook_messages')
    // `msg_…`: the `webhook-id` every retry of this message carries.
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('endpoint_id', 'varchar(64)', (col) =>
      col.notNull().references('webhook_endpoints.id').onDelete('cascade'),
    )
    .addColumn('type', 'varchar(32)', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    // What makes an event unique (`cart.captured:crt_…`): the same event is queued once.
    .addColumn('event_key', 'varchar(160)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_messages_event')
    .on('webhook_messages')
    .columns(['endpoint_id', 'event_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('webhook_messages_shop_created')
    .on('webhook_messages')
    .columns(['shop_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('message_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('endpoint_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('type', 'varchar(32)', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('ok', 'integer', (col) => col.notNull())
    .addColumn('error', 'text')
    .addColumn('at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_shop_at')
    .on('webhook_attempts')
    .columns(['shop_id', 'at'])
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ['webhook_attempts', 'webhook_messages', 'webhook_endpoints']) {
    await db.schema.dropTable(table).execute();
  }
}
