import { releaseAddressCap, reserveAddressCap } from '../storage/address-caps.store.js';
import type { Db } from '../storage/database.js';
import type { QueuedJob } from './job-kind.js';

/**
 * The per-address frequency cap as a kind's `reserve`/`release` hooks, shared by every marketing
 * email (recovery steps, win-back, review request): one `recovery_address_caps` row per (shop,
 * address), reserved atomically, so of several workers sending to one address at once only one
 * gets it and the others wait until the cap allows. `forget` ends a reservation once its delivery
 * is recorded.
 */
export function addressCapHooks(frequencyCapMs: number) {
  // Reservations by job, from `reserve` to the end of its delivery (this worker's own).
  const reservedAt = new Map<string, string>();
  return {
    async reserve(
      db: Db,
      job: QueuedJob,
      payload: { emailHash: string },
      now: Date,
    ): Promise<{ ok: true } | { ok: false; until: Date; reason: string }> {
      const cutoff = new Date(now.getTime() - frequencyCapMs).toISOString();
      const at = now.toISOString();
      const reservation = await reserveAddressCap(
        db,
        job.shopId,
        payload.emailHash,
        job.id,
        at,
        cutoff,
      );
      if (reservation.reserved) {
        reservedAt.set(job.id, at);
        return { ok: true };
      }
      // Released meanwhile (its send failed): try again at once rather than wait a whole cap.
      const until =
        reservation.last === undefined
          ? now
          : new Date(Date.parse(reservation.last) + frequencyCapMs);
      return { ok: false, until, reason: 'frequency-cap' };
    },
    // Not delivered: the address was not emailed, so the cap goes back.
    async release(db: Db, job: QueuedJob, payload: { emailHash: string }): Promise<void> {
      const at = reservedAt.get(job.id);
      reservedAt.delete(job.id);
      if (at !== undefined) await releaseAddressCap(db, job.shopId, payload.emailHash, job.id, at);
    },
    forget(jobIds: Iterable<string>): void {
      for (const id of jobIds) reservedAt.delete(id);
    },
  };
}
