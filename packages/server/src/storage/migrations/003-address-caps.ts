import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * The per-address frequency cap as a row per (shop, address): the worker reserves it with one
 * atomic `insert … on conflict do update … where` just before sending, so two workers can never
 * both pass the cap for one address. Seeded with each address's last recovery email.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('recovery_address_caps')
    .addColumn('shop_id', 'varchar(64)', (col) =>
      col.notNull().references('shops.id').onDelete('cascade'),
    )
    .addColumn('email_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('last_sent_at', 'varchar(32)', (col) => col.notNull())
    // The job holding the cap: its own retry (a takeover after a crash) may reserve it again.
    .addColumn('job_id', 'varchar(64)')
    .addPrimaryKeyConstraint('recovery_address_caps_pkey', ['shop_id', 'email_hash'])
    .execute();
  await sql`
    insert into recovery_address_caps (shop_id, email_hash, last_sent_at, job_id)
    select shop_id, email_hash, max(created_at), null from recovery_emails
    where kind = 'recovery'
    group by shop_id, email_hash
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('recovery_address_caps').execute();
}
