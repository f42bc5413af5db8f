import type { Db } from './database.js';

/**
 * Reserves the frequency cap of one address for a send at `at`, atomically across workers and
 * dialects: one `insert … on conflict do update … where last_sent_at <= cutoff returning`
 * statement. The job that already holds the cap may reserve it again (its retry after a worker
 * died mid-send resends with the same Message-ID). Answers `{ reserved: true }` when this caller
 * may send, else the time of the send that holds the cap (`last` may be missing when that
 * reservation was released meanwhile).
 */
export async function reserveAddressCap(
  db: Db,
  shopId: string,
  emailHash: string,
  jobId: string,
  at: string,
  cutoff: string,
): Promise<{ reserved: true } | { reserved: false; last: string | undefined }> {
  const row = await db
    .insertInto('recovery_address_caps')
    .values({ shop_id: shopId, email_hash: emailHash, last_sent_at: at, job_id: jobId })
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'email_hash'])
        .doUpdateSet((eb) => ({
          last_sent_at: eb.ref('excluded.last_sent_at'),
          job_id: eb.ref('excluded.job_id'),
        }))
        .where((eb) =>
          eb.or([
            eb('recovery_address_caps.last_sent_at', '<=', cutoff),
            eb('recovery_address_caps.job_id', '=', jobId),
          ]),
        ),
    )
    .returning('last_sent_at')
    .executeTakeFirst();
  if (row) return { reserved: true };
  const held = await db
    .selectFrom('recovery_address_caps')
    .select('last_sent_at')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return { reserved: false, last: held?.last_sent_at };
}

/**
 * Gives back a reservation whose email was not accepted. Deleting is enough: the row it replaced,
 * if any, was older than the cap or this job's own earlier unaccepted attempt.
 */
export async function releaseAddressCap(
  db: Db,
  shopId: string,
  emailHash: string,
  jobId: string,
  at: string,
): Promise<void> {
  await db
    .deleteFrom('recovery_address_caps')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .where('job_id', '=', jobId)
    .where('last_sent_at', '=', at)
    .execute();
}

/** Deletes one address's cap rows (GDPR erasure). */
export async function deleteAddressCaps(db: Db, shopId: string, emailHash: string): Promise<void> {
  await db
    .deleteFrom('recovery_address_caps')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .execute();
}
