import type { Db } from './database.js';
import './order-webhook.table.js';

/** A key this server keeps for itself, by name. Not scoped by shop: it belongs to the instance. */
export async function findInstanceSecret(db: Db, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value;
}

/** Stores a key under `name` unless one is there already (the first writer wins). */
export async function insertInstanceSecret(
  db: Db,
  name: string,
  value: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('instance_secrets')
    .values({ name, value, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
