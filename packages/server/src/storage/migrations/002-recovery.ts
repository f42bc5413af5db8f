import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Recovery emails: one job row per (sequence, step), the sequence assignment of each cart
 * (emailed, holdout or duplicate), absence subscriptions, sent mail and the local outbox,
 * suppressions (unsubscribes) and restore-link clicks.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('recovery_sequences')
    .addColumn('cart_id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('arm', 'varchar(16)', (col) => col.notNull())
    .addColumn('recovered_step', 'integer')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_sequences_shop_email')
    .on('recovery_sequences')
    .columns(['shop_id', 'email_hash'])
    .execute();
  await db.schema
    .createIndex('recovery_sequences_shop_created')
    .on('recovery_sequences')
    .columns(['shop_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('absence_subscriptions')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('absence_id', 'varchar(128)', (col) => col.notNull())
    .addColumn('email', 'varchar(254)', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('locale', 'varchar(35)')
    .addColumn('consent_text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('absence_subscriptions_unique')
    .on('absence_subscriptions')
    .columns(['shop_id', 'absence_id', 'email_hash'])
    .unique()
    .execute();

  await db.schema
    .createTable('recovery_jobs')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    // The cart (`crt_…`) or absence subscription (`abs_…`) the job belongs to.
    .addColumn('subject_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('step', 'integer', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    // Due time while pending; while claimed, the end of the claimer's lease.
    .addColumn('run_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('lease_owner', 'varchar(64)')
    .addColumn('token', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('reason', 'text')
    .addColumn('sent_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_jobs_subject_step')
    .on('recovery_jobs')
    .columns(['subject_id', 'step'])
    .unique()
    .execute();
  // Finding due jobs walks this index from its start: its cost does not grow with the table.
  await db.schema
    .createIndex('recovery_jobs_due')
    .on('recovery_jobs')
    .columns(['status', 'run_at'])
    .execute();
  await db.schema
    .createIndex('recovery_jobs_shop_email')
    .on('recovery_jobs')
    .columns(['shop_id', 'email_hash'])
    .execute();

  await db.schema
    .createTable('recovery_emails')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('job_id', 'varchar(64)', (col) => col.unique())
    .addColumn('kind', 'varchar(16)', (col) => col.notNull())
    .addColumn('subject_id', 'varchar(64)')
    .addColumn('step', 'integer')
    .addColumn('to_address', 'varchar(254)', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    // The rendered parts are kept only for the local outbox.
    .addColumn('html', 'text')
    .addColumn('text', 'text')
    .addColumn('message_id', 'varchar(255)', (col) => col.notNull())
    .addColumn('transport', 'varchar(16)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_emails_shop_created')
    .on('recovery_emails')
    .columns(['shop_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('recovery_emails_shop_email')
    .on('recovery_emails')
    .columns(['shop_id', 'email_hash', 'created_at'])
    .execute();

  await db.schema
    .createTable('recovery_suppressions')
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('reason', 'varchar(32)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('recovery_suppressions_pk', ['shop_id', 'email_hash'])
    .execute();

  await db.schema
    .createTable('recovery_clicks')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('job_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('subject_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('step', 'integer', (col) => col.notNull())
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('clicked_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_clicks_shop_clicked')
    .on('recovery_clicks')
    .columns(['shop_id', 'clicked_at'])
    .execute();
}

/** Drops the recovery tables. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'recovery_clicks',
    'recovery_suppressions',
    'recovery_emails',
    'recovery_jobs',
    'absence_subscriptions',
    'recovery_sequences',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
