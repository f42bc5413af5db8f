import { PostgresAdapter, sql, type Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * `rate_limits`: the counters of the limits every API process shares on PostgreSQL (sign-in
 * attempts, public writes), in the layout rate-limiter-flexible's PostgreSQL store reads and
 * writes: the key, the points used in its window, and the window's end in epoch milliseconds.
 *
 * On PostgreSQL the table is UNLOGGED: every public write updates its shop's row, and a logged
 * row waits for a WAL flush at each commit (about 5 ms on a busy disk here), which would cap one
 * shop's writes near 200/s whatever the number of API processes; unlogged, an upsert takes about
 * 0.4 ms. A crash of PostgreSQL empties the counters, which only resets some limits early.
 * Created on SQLite too, so both dialects have the same tables (one SQLite process counts in memory).
 */
export async function up(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create unlogged table rate_limits (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      )
    `.execute(db);
  } else {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'varchar(255)', (col) => col.primaryKey())
      .addColumn('points', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('expire', 'bigint')
      .execute();
  }
  await db.schema.createIndex('rate_limits_expire').on('rate_limits').column('expire').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
