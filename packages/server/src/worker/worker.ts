import { randomBytes } from 'node:crypto';
import { PostgresAdapter, type Kysely } from 'kysely';
import { createMailer, type Mailer } from '../email/mailer.js';
import { silentLogger, type Logger } from '../log.js';
import type { Database } from '../storage/database.js';
import { GroupCommit, type BatchWriter } from '../storage/group-commit.js';
import {
  claimDueJobs,
  finishJob,
  releaseWithheldJob,
  rescheduleJob,
} from '../storage/jobs.store.js';
import { findShopsByIds, type Shop } from '../storage/shop.store.js';
import type { JobKind } from '../storage/recovery.table.js';
import type { Decision, Delivered, JobKindHandler, QueuedJob } from './job-kind.js';
import { createJobKinds } from './job-kinds.js';
import { backoffMs } from './timing.js';
import { SCHEDULE_BATCH, scheduleRequestedRecoveries } from './scheduler.js';

/** What a worker needs; only `db` and `publicUrl` have no default. */
export interface WorkerOptions {
  db: Kysely<Database>;
  /** The server's public base URL, for `/r/` and `/u/` links and Message-ID domains. */
  publicUrl: string;
  /** Defaults to the local outbox ({@link createMailer} with no SMTP URL); closed on stop if defaulted. */
  mailer?: Mailer;
  /**
   * The envelope sender; defaults to `no-reply@<publicUrl host>`. The worker reads no environment:
   * `MAIL_FROM` is read by server.ts (`startServer`, `startWorker`, so `comptoir serve` and
   * `comptoir worker`) with the other settings, and passed here.
   */
  fromAddress?: string;
  clock?: () => Date;
  logger?: Logger;
  /** Jobs claimed at once (default 100). */
  batchSize?: number;
  /**
   * Batches handled at once (default 2): while one batch's last messages are on the wire, the
   * next is claimed, decided and rendered, so the SMTP pool never waits for it.
   */
  batchesInFlight?: number;
  /** How long a claim lasts before another worker may take the job over (default 5 min). */
  leaseMs?: number;
  /** Wait between polls when there is nothing due (default 1 s). */
  pollMs?: number;
  /** At most one recovery email per address and shop within this window (default 12 h). */
  frequencyCapMs?: number;
  /**
   * How long an accepted email may wait to be recorded with the ones accepted right after it, in
   * one transaction (group commit; default 10 ms, 0 records each at once). It widens the
   * at-least-once window (see EMAILS.md) by at most this much.
   */
  commitDelayMs?: number;
  /** Transient failures before a job is recorded as failed (default 8). */
  maxAttempts?: number;
  /** Randomness for backoff jitter (tests pin it). */
  random?: () => number;
  /** Stop gracefully on SIGTERM and SIGINT (the CLI's `worker` sets it). */
  handleSignals?: boolean;
}

/** What one batch did. */
export interface BatchResult {
  /** Carts whose recovery requests were turned into sequences and jobs first. */
  scheduled: number;
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  deferred: number;
  /** Sends the last-moment claim stopped (an order, unsubscribe or erasure came first). */
  withheld: number;
}

/** A running worker. */
export interface RunningWorker {
  /** Stops polling, lets the current batch finish and record its results, then resolves. */
  stop(): Promise<void>;
  /**
   * Runs the next batch now instead of at the next poll (a capture asked for recovery emails).
   * Wakes that come while a batch runs make one more batch, not one each.
   */
  wake(): void;
}

interface Resolved {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  batchSize: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
  random: () => number;
  mailer: Mailer;
  skipLocked: boolean;
  kinds: Map<JobKind, JobKindHandler>;
  /** One writer per kind, so the group commit records each kind's deliveries in one call. */
  writers: Map<JobKindHandler, BatchWriter<Delivered<unknown>, void>>;
  groupCommit: GroupCommit;
}

/** The most deliveries one group commit records. */
const MAX_GROUP = 250;

function resolve(options: WorkerOptions): Resolved {
  const host = (() => {
    try {
      return new URL(options.publicUrl).hostname;
    } catch {
      return 'localhost';
    }
  })();
  const mailer = options.mailer ?? createMailer();
  const clock = options.clock ?? (() => new Date());
  const kinds = createJobKinds({
    mailer,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    fromAddress: options.fromAddress ?? `no-reply@${host}`,
    frequencyCapMs: options.frequencyCapMs ?? 12 * 3_600_000,
    clock,
    db: options.db,
  });
  return {
    db: options.db,
    clock,
    logger: options.logger ?? silentLogger(),
    batchSize: options.batchSize ?? 100,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    pollMs: options.pollMs ?? 1000,
    maxAttempts: options.maxAttempts ?? 8,
    random: options.random ?? Math.random,
    mailer,
    skipLocked: options.db.getExecutor().adapter instanceof PostgresAdapter,
    kinds: new Map(kinds.map((kind) => [kind.kind, kind])),
    writers: new Map(
      kinds.map((kind) => [
        kind,
        async (trx, delivered) => {
          await kind.record(trx, delivered);
          return delivered.map(() => undefined);
        },
      ]),
    ),
    groupCommit: new GroupCommit(options.db, {
      maxBatch: MAX_GROUP,
      delayMs: options.commitDelayMs ?? 10,
    }),
  };
}

/** Reads each shop's facts, kind by kind: a handful of queries per shop, not one per job. */
async function loadFacts(
  worker: Resolved,
  jobs: QueuedJob[],
  now: Date,
): Promise<{ shops: Map<string, Shop>; facts: Map<string, unknown> }> {
  const shops = new Map(
    (await findShopsByIds(worker.db, [...new Set(jobs.map((job) => job.shopId))])).map((shop) => [
      shop.id,
      shop,
    ]),
  );
  const groups = new Map<string, QueuedJob[]>();
  for (const job of jobs) {
    const key = `${job.shopId} ${job.kind}`;
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  const facts = new Map<string, unknown>();
  for (const [key, group] of groups) {
    const first = group[0] as QueuedJob;
    const shop = shops.get(first.shopId);
    const kind = worker.kinds.get(first.kind);
    if (shop && kind) facts.set(key, await kind.load(worker.db, shop, group, now));
  }
  return { shops, facts };
}

/**
 * One job's way after `decide` said send: reserve (the cap), deliver with the last-moment claim,
 * then record it in the group commit, or give it back (withheld), retry it with backoff, or fail it.
 */
async function deliverJob(
  worker: Resolved,
  kind: JobKindHandler,
  job: QueuedJob,
  payload: unknown,
  result: BatchResult,
): Promise<void> {
  const { db, logger } = worker;
  if (kind.reserve) {
    const reservation = await kind.reserve(db, job, payload, worker.clock());
    if (!reservation.ok) {
      await rescheduleJob(db, job, reservation.until.toISOString(), reservation.reason, true);
      result.deferred++;
      return;
    }
  }
  const outcome = await kind.deliver(payload, () => kind.claim(db, job, payload));
  if (outcome.status === 'delivered') {
    const at = worker.clock();
    const writer = worker.writers.get(kind) as BatchWriter<Delivered<unknown>, void>;
    await worker.groupCommit.write(writer, { job, payload, at });
    result.sent++;
    return;
  }
  await kind.release?.(db, job, payload);
  if (outcome.status === 'withheld') {
    await releaseWithheldJob(db, job, worker.clock().toISOString());
    result.withheld++;
    logger.info({ jobId: job.id }, 'job withheld by its last-moment check');
    return;
  }
  const { message } = outcome;
  if (outcome.permanent) {
    await finishJob(db, job, 'failed', message);
    result.failed++;
    logger.warn({ jobId: job.id, kind: job.kind, reason: message }, 'job refused');
  } else if (job.attempts >= (kind.maxAttempts ?? worker.maxAttempts)) {
    await finishJob(db, job, 'failed', `gave up after ${job.attempts} attempts: ${message}`);
    result.failed++;
    logger.warn({ jobId: job.id, kind: job.kind, reason: message }, 'job given up');
  } else {
    const delay = kind.retryDelayMs?.(job.attempts) ?? backoffMs(job.attempts, worker.random);
    const retryAt = new Date(worker.clock().getTime() + delay);
    await rescheduleJob(db, job, retryAt.toISOString(), message, false);
    result.retried++;
    logger.info({ jobId: job.id, retryAt, reason: message }, 'job will be retried');
  }
}

/**
 * Schedules the recovery emails captures asked for ({@link scheduleRequestedRecoveries}), then
 * claims one batch of due jobs and handles it: each kind decides on its jobs from facts read for
 * the batch; the jobs to send go concurrently, each claimed again at the last moment, and each
 * delivery is recorded as it comes, in the group commit.
 */
export async function runWorkerBatch(options: WorkerOptions | Resolved): Promise<BatchResult> {
  const worker = 'skipLocked' in options ? options : resolve(options);
  const now = worker.clock();
  const result: BatchResult = {
    scheduled: await scheduleRequestedRecoveries(worker.db, { skipLocked: worker.skipLocked }),
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    cancelled: 0,
    deferred: 0,
    withheld: 0,
  };
  const leaseOwner = `lease_${randomBytes(9).toString('base64url')}`;
  const jobs = await claimDueJobs(worker.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + worker.leaseMs).toISOString(),
    leaseOwner,
    limit: worker.batchSize,
    skipLocked: worker.skipLocked,
    kinds: [...worker.kinds.keys()],
  });
  result.claimed = jobs.length;
  if (jobs.length === 0) return result;
  const { shops, facts } = await loadFacts(worker, jobs, now);
  const deliveries: Promise<void>[] = [];
  for (const job of jobs) {
    const kind = worker.kinds.get(job.kind) as JobKindHandler;
    const shop = shops.get(job.shopId);
    const decision: Decision<unknown> = kind.decide(
      job,
      shop,
      facts.get(`${job.shopId} ${job.kind}`),
      now,
    );
    if (decision.action === 'cancel') {
      await finishJob(worker.db, job, 'cancelled', decision.reason);
      result.cancelled++;
    } else if (decision.action === 'defer') {
      await rescheduleJob(worker.db, job, decision.until.toISOString(), decision.reason, true);
      result.deferred++;
    } else {
      deliveries.push(deliverJob(worker, kind, job, decision.payload, result));
    }
  }
  const settled = await Promise.allSettled(deliveries);
  for (const outcome of settled) {
    // A job whose result could not be recorded (database down) is taken up again after its lease.
    if (outcome.status === 'rejected')
      worker.logger.error({ err: outcome.reason }, 'recording a job failed');
  }
  return result;
}

/**
 * Starts the recovery worker: polls for due jobs, drains them in batches, and stops cleanly
 * (finishing and recording its current batch) on `stop()` or, with `handleSignals`, on SIGTERM.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const worker = resolve(options);
  let stopping = false;
  let woken = false;
  const wakers = new Set<() => void>();
  const loop = async () => {
    while (!stopping) {
      woken = false;
      let full = false;
      try {
        const done = await runWorkerBatch(worker);
        full = done.claimed === worker.batchSize || done.scheduled === SCHEDULE_BATCH;
      } catch (error) {
        worker.logger.error({ err: error }, 'recovery worker batch failed');
      }
      if (!full && !stopping && !woken) {
        await new Promise<void>((resolveWait) => {
          const wake = () => {
            clearTimeout(timer);
            wakers.delete(wake);
            resolveWait();
          };
          const timer = setTimeout(wake, worker.pollMs);
          wakers.add(wake);
        });
      }
    }
  };
  const loops = Promise.all(
    Array.from({ length: Math.max(1, options.batchesInFlight ?? 2) }, () => loop()),
  );
  const onSignal = () => void stop();
  async function stop(): Promise<void> {
    stopping = true;
    for (const wake of [...wakers]) wake();
    await loops;
    if (options.handleSignals) {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    }
    if (!options.mailer) worker.mailer.close();
  }
  if (options.handleSignals) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  function wake(): void {
    woken = true;
    for (const waker of [...wakers]) waker();
  }
  return { stop, wake };
}
