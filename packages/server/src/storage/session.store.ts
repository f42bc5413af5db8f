import type { Db } from './database.js';
import type { SessionRow } from './session.table.js';

/** Stores a new session of the config page. */
export async function insertSession(
  db: Db,
  shopId: string,
  session: { tokenHash: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.tokenHash,
      shop_id: shopId,
      csrf_token: session.csrfToken,
      created_at: session.now.toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * The session whose cookie token hashes to `tokenHash`. Not scoped by a shop id: the token is how
 * a cookie finds its shop.
 */
export function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', tokenHash).executeTakeFirst();
}

/** Ends one session of the shop. */
export async function deleteSession(db: Db, shopId: string, tokenHash: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('shop_id', '=', shopId)
    .where('id', '=', tokenHash)
    .execute();
}

/** Ends every session of the shop except `keepTokenHash` (after a key rotation). */
export async function deleteOtherSessions(
  db: Db,
  shopId: string,
  keepTokenHash: string | undefined,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('shop_id', '=', shopId);
  if (keepTokenHash) query = query.where('id', '<>', keepTokenHash);
  await query.execute();
}

/** Removes the shop's sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Db, shopId: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('shop_id', '=', shopId)
    .where('expires_at', '<', now.toISOString())
    .execute();
}
