import type { Transaction } from 'kysely';
import type { Database, Db } from '../storage/database.js';
import type { RecoveryJob } from '../storage/jobs.store.js';
import type { JobKind } from '../storage/recovery.table.js';
import type { Shop } from '../storage/shop.store.js';

/** A claimed job of the durable queue. */
export type QueuedJob = RecoveryJob;

/** What a kind decided for one job. `send` carries what its `deliver` needs. */
export type Decision<Payload> =
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; until: Date; reason: string }
  | { action: 'send'; payload: Payload };

/** How one delivery attempt ended. */
export type DeliveryOutcome =
  | { status: 'delivered' }
  /** The last-moment claim said no: nothing was delivered. */
  | { status: 'withheld' }
  | { status: 'failed'; permanent: boolean; message: string };

/** A job whose delivery was accepted, handed to its kind's `record`. */
export interface Delivered<Payload> {
  job: QueuedJob;
  payload: Payload;
  /** When the receiver accepted it. */
  at: Date;
}

/**
 * One kind of job on the queue (a recovery step, a "we're back" email, a webhook delivery). The
 * queue claims due jobs with a lease, hands each kind its jobs, and does the rest the same way for
 * all: cancel or defer what `decide` says, retry transient failures with backoff, give up after
 * `maxAttempts`, and record what was delivered in the server's one group commit.
 *
 * Add a kind: write an object of this shape and list it in `job-kinds.ts`.
 */
export interface JobKindHandler<Facts = unknown, Payload = unknown> {
  readonly kind: JobKind;
  /** Attempts before the queue gives up on a job of this kind (default: the worker's). */
  readonly maxAttempts?: number;
  /** The wait before retry number `attempts` (default: the worker's exponential backoff). */
  retryDelayMs?(attempts: number): number;
  /** Reads what `decide` needs for one shop's jobs of this kind, in a few queries (not per job). */
  load(db: Db, shop: Shop, jobs: QueuedJob[], now: Date): Promise<Facts>;
  /**
   * What to do with one job, from the batch's facts (`shop` undefined: deleted); no I/O. The
   * queue calls it for the batch's jobs in order, so it may note its own decisions in `facts`
   * (a second email to one address in a batch waits for the cap).
   */
  decide(
    job: QueuedJob,
    shop: Shop | undefined,
    facts: Facts | undefined,
    now: Date,
  ): Decision<Payload>;
  /**
   * Optional: takes what the delivery needs before it starts (the frequency cap); answers when to
   * try again instead. `release` gives it back when nothing was delivered.
   */
  reserve?(
    db: Db,
    job: QueuedJob,
    payload: Payload,
    now: Date,
  ): Promise<{ ok: true } | { ok: false; until: Date; reason: string }>;
  release?(db: Db, job: QueuedJob, payload: Payload): Promise<void>;
  /**
   * The last-moment claim: one short statement that moves the job from `pending` to `sending`
   * only if it is still wanted (see `claimForSending`). Answers whether it may go.
   */
  claim(db: Db, job: QueuedJob, payload: Payload): Promise<boolean>;
  /**
   * Delivers the payload. It must call `claim` as late as it can, right before the bytes leave,
   * and deliver nothing when `claim` answers false (outcome `withheld`).
   */
  deliver(payload: Payload, claim: () => Promise<boolean>): Promise<DeliveryOutcome>;
  /**
   * Records deliveries inside the group commit's transaction, whatever became of the jobs
   * meanwhile (`markJobsDelivered`). One lock order for the whole server: write `carts` first,
   * then `recovery_jobs`, then the rest.
   */
  record(trx: Transaction<Database>, delivered: Delivered<Payload>[]): Promise<void>;
}
