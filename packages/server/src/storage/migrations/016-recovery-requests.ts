import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * A cart's request for its recovery emails: a capture that makes a cart eligible stamps
 * `recovery_requested_at` on the cart row it writes anyway, and the worker turns the request into
 * the sequence and its jobs (`scheduleRequestedRecoveries`), then clears it. The partial index
 * holds only the requests still waiting, so finding them costs the same at any table size, and a
 * new cart's entry lands at the end of its shop's range.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('carts').addColumn('recovery_requested_at', 'varchar(32)').execute();
  await db.schema
    .createIndex('carts_recovery_requested')
    .on('carts')
    .columns(['shop_id', 'recovery_requested_at'])
    .where(sql.ref('recovery_requested_at'), 'is not', null)
    .execute();
}

/** Drops the column and its index (requests still waiting are lost: run the worker first). */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('carts_recovery_requested').execute();
  await db.schema.alterTable('carts').dropColumn('recovery_requested_at').execute();
}
