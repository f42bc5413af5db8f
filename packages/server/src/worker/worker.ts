import { randomBytes } from 'node:crypto';
import { PostgresAdapter, type Kysely } from 'kysely';
import { renderAbsenceEmail, renderRecoveryEmail, type RenderedEmail } from '../email/render.js';
import { createMailer, isDeliveryError, type Mailer, type OutgoingEmail } from '../email/mailer.js';
import { maskEmail, silentLogger, type Logger } from '../log.js';
import { markCartsEmailed, toStoredCart, type StoredCart } from '../storage/cart.store.js';
import type { Database, Db } from '../storage/database.js';
import { releaseAddressCap, reserveAddressCap } from '../storage/address-caps.store.js';
import {
  insertEmails,
  lastRecoveryEmailTimes,
  suppressedEmails,
  type NewEmail,
} from '../storage/emails.store.js';
import {
  claimDueJobs,
  finishJob,
  markJobsSent,
  rescheduleJob,
  type RecoveryJob,
} from '../storage/jobs.store.js';
import { findAbsenceSubscriptions, type AbsenceSubscription } from '../storage/sequences.store.js';
import { toShop, type Shop } from '../storage/shop.store.js';
import { messageIdOf, newId } from './ids.js';
import {
  absenceEmailAt,
  stopReason,
  type AbsenceJobContent,
  type RecoveryJobContent,
} from './scheduler.js';
import { backoffMs, outsideQuietHours } from './timing.js';

/** What a worker needs; only `db` and `publicUrl` have no default. */
export interface WorkerOptions {
  db: Kysely<Database>;
  /** The server's public base URL, for `/r/` and `/u/` links and Message-ID domains. */
  publicUrl: string;
  /** Defaults to the local outbox ({@link createMailer} with no SMTP URL); closed on stop if defaulted. */
  mailer?: Mailer;
  /** The envelope sender; defaults to `MAIL_FROM`, else `no-reply@<PUBLIC_URL host>`. */
  fromAddress?: string;
  clock?: () => Date;
  logger?: Logger;
  /** Jobs claimed at once (default 100). */
  batchSize?: number;
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
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  deferred: number;
}

/** A running worker. */
export interface RunningWorker {
  /** Stops polling, lets the current batch finish and record its results, then resolves. */
  stop(): Promise<void>;
}

type Resolved = Required<Omit<WorkerOptions, 'handleSignals' | 'mailer' | 'fromAddress'>> & {
  mailer: Mailer;
  fromAddress: string;
  skipLocked: boolean;
};

function resolve(options: WorkerOptions): Resolved {
  const host = (() => {
    try {
      return new URL(options.publicUrl).hostname;
    } catch {
      return 'localhost';
    }
  })();
  return {
    db: options.db,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    mailer: options.mailer ?? createMailer(),
    fromAddress: options.fromAddress ?? process.env.MAIL_FROM ?? `no-reply@${host}`,
    clock: options.clock ?? (() => new Date()),
    logger: options.logger ?? silentLogger(),
    batchSize: options.batchSize ?? 100,
    leaseMs: options.leaseMs ?? 5 * 60_000,
    pollMs: options.pollMs ?? 1000,
    frequencyCapMs: options.frequencyCapMs ?? 12 * 3_600_000,
    commitDelayMs: options.commitDelayMs ?? 10,
    maxAttempts: options.maxAttempts ?? 8,
    random: options.random ?? Math.random,
    skipLocked: options.db.getExecutor().adapter instanceof PostgresAdapter,
  };
}

type Decision =
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; until: Date; reason: string }
  | {
      action: 'send';
      email: OutgoingEmail;
      rendered: RenderedEmail;
      to: string;
      /** The address whose frequency cap the send must reserve first (recovery emails only). */
      capHash?: string;
      cart?: StoredCart;
    };

interface BatchContext {
  shops: Map<string, Shop | undefined>;
  carts: Map<string, StoredCart | undefined>;
  subscriptions: Map<string, AbsenceSubscription>;
  suppressed: Set<string>;
  lastSent: Map<string, number>;
}

/** The shops of a batch, in one query. */
async function findShops(db: Db, shopIds: readonly string[]): Promise<Map<string, Shop>> {
  const rows = await db.selectFrom('shops').selectAll().where('id', 'in', shopIds).execute();
  return new Map(rows.map((row) => [row.id, toShop(row)]));
}

/** The carts of a batch's recovery jobs in one shop, in one `where id in (…)` query. */
async function findCarts(
  db: Db,
  shopId: string,
  cartIds: readonly string[],
): Promise<StoredCart[]> {
  if (cartIds.length === 0) return [];
  const rows = await db
    .selectFrom('carts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', 'in', cartIds)
    .execute();
  return rows.map(toStoredCart);
}

/**
 * Reads what the decisions of a batch need with a handful of queries per shop (not per job):
 * the shops, their carts, absence subscriptions, suppressed addresses and last send times. The
 * send times (of committed emails) are a snapshot that spares most capped jobs a round trip; the
 * cap itself is reserved atomically just before each send ({@link reserveAddressCap}).
 */
async function loadContext(
  worker: Resolved,
  jobs: RecoveryJob[],
  now: Date,
): Promise<BatchContext> {
  const { db } = worker;
  const byShop = new Map<string, RecoveryJob[]>();
  for (const job of jobs) {
    const list = byShop.get(job.shopId);
    if (list) list.push(job);
    else byShop.set(job.shopId, [job]);
  }
  const shops = await findShops(db, [...byShop.keys()]);
  const context: BatchContext = {
    shops: new Map([...byShop.keys()].map((shopId) => [shopId, shops.get(shopId)])),
    carts: new Map(),
    subscriptions: new Map(),
    suppressed: new Set(),
    lastSent: new Map(),
  };
  const since = new Date(now.getTime() - worker.frequencyCapMs).toISOString();
  for (const [shopId, shopJobs] of byShop) {
    if (!shops.has(shopId)) continue;
    const cartIds = shopJobs.filter((job) => job.kind === 'recovery').map((job) => job.subjectId);
    const hashes = new Set(shopJobs.map((job) => job.emailHash));
    for (const cart of await findCarts(db, shopId, cartIds)) {
      context.carts.set(cart.id, cart);
      if (cart.emailHash) hashes.add(cart.emailHash);
    }
    const absenceIds = shopJobs.filter((job) => job.kind === 'absence').map((job) => job.subjectId);
    for (const subscription of await findAbsenceSubscriptions(db, shopId, absenceIds)) {
      context.subscriptions.set(subscription.id, subscription);
    }
    for (const hash of await suppressedEmails(db, shopId, [...hashes])) {
      context.suppressed.add(`${shopId}:${hash}`);
    }
    for (const [hash, last] of await lastRecoveryEmailTimes(db, shopId, [...hashes], since)) {
      context.lastSent.set(`${shopId}:${hash}`, Date.parse(last));
    }
  }
  return context;
}

function decide(worker: Resolved, job: RecoveryJob, context: BatchContext, now: Date): Decision {
  const shop = context.shops.get(job.shopId);
  if (!shop) return { action: 'cancel', reason: 'shop-deleted' };
  const { config } = shop;
  const links = {
    restoreUrl: `${worker.publicUrl}/r/${job.token}`,
    unsubscribeUrl: `${worker.publicUrl}/u/${job.token}`,
  };
  let to: string;
  let emailHash: string;
  let rendered: RenderedEmail;
  let cart: StoredCart | undefined;
  if (job.kind === 'recovery') {
    cart = context.carts.get(job.subjectId);
    if (!cart) return { action: 'cancel', reason: 'cart-erased' };
    const reason = stopReason(cart, config);
    if (reason) return { action: 'cancel', reason };
    to = cart.email as string;
    emailHash = cart.emailHash as string;
    const content = JSON.parse(job.content) as RecoveryJobContent;
    rendered = renderRecoveryEmail({
      shopName: config.shopName,
      defaultLocale: config.defaultLocale,
      ...(cart.locale ? { locale: cart.locale } : {}),
      step: content,
      cart,
      ...links,
    });
  } else {
    const subscription = context.subscriptions.get(job.subjectId);
    if (!subscription) return { action: 'cancel', reason: 'subscription-erased' };
    // The merchant may have extended the absence since the shopper asked: wait for its new end.
    // (A deleted absence sends now: the shop is open.)
    const { absenceId } = JSON.parse(job.content) as AbsenceJobContent;
    const sendAt = absenceEmailAt(config, absenceId, now);
    if (sendAt && sendAt.getTime() > now.getTime())
      return { action: 'defer', until: sendAt, reason: 'absence-extended' };
    to = subscription.email;
    emailHash = subscription.emailHash;
    const shopUrl = config.recovery.restoreUrl?.shopUrl;
    rendered = renderAbsenceEmail({
      shopName: config.shopName,
      defaultLocale: config.defaultLocale,
      ...(subscription.locale ? { locale: subscription.locale } : {}),
      ...(shopUrl ? { shopUrl } : {}),
      unsubscribeUrl: links.unsubscribeUrl,
    });
  }
  const key = `${job.shopId}:${emailHash}`;
  if (context.suppressed.has(key) || context.suppressed.has(`${job.shopId}:${job.emailHash}`)) {
    return { action: 'cancel', reason: 'unsubscribed' };
  }
  const allowed = outsideQuietHours(now, config.recovery.quietHours, config.calendar.timeZone);
  if (allowed.getTime() > now.getTime())
    return { action: 'defer', until: allowed, reason: 'quiet-hours' };
  if (job.kind === 'recovery') {
    const last = context.lastSent.get(key);
    if (last !== undefined && now.getTime() - last < worker.frequencyCapMs) {
      return {
        action: 'defer',
        until: new Date(last + worker.frequencyCapMs),
        reason: 'frequency-cap',
      };
    }
    context.lastSent.set(key, now.getTime());
  }
  const fromName = config.recovery.fromName ?? config.shopName;
  const email: OutgoingEmail = {
    from: `"${fromName.replace(/["\\\r\n]/g, '')}" <${worker.fromAddress}>`,
    to,
    ...(config.recovery.replyTo ? { replyTo: config.recovery.replyTo } : {}),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: messageIdOf(job.id, worker.publicUrl),
    headers: {
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
  return {
    action: 'send',
    email,
    rendered,
    to,
    ...(job.kind === 'recovery' ? { capHash: emailHash } : {}),
    ...(cart ? { cart } : {}),
  };
}

async function deliver(
  worker: Resolved,
  recorder: SentRecorder,
  job: RecoveryJob,
  decision: Extract<Decision, { action: 'send' }>,
  result: BatchResult,
): Promise<void> {
  const { db, logger } = worker;
  // The frequency cap, reserved atomically: of several workers sending to one address at once,
  // only one gets the row; the others defer their job until the cap allows it.
  let reservedAt: string | undefined;
  if (decision.capHash !== undefined) {
    const at = worker.clock();
    const cutoff = new Date(at.getTime() - worker.frequencyCapMs).toISOString();
    const reservation = await reserveAddressCap(
      db,
      job.shopId,
      decision.capHash,
      job.id,
      at.toISOString(),
      cutoff,
    );
    if (!reservation.reserved) {
      // Released meanwhile (its send failed): try again at once rather than wait a whole cap.
      const until =
        reservation.last === undefined
          ? at
          : new Date(Date.parse(reservation.last) + worker.frequencyCapMs);
      await rescheduleJob(db, job, until.toISOString(), 'frequency-cap', true);
      result.deferred++;
      return;
    }
    reservedAt = at.toISOString();
  }
  try {
    await worker.mailer.send(decision.email);
  } catch (error) {
    // Not accepted: the address was not emailed, so the cap goes back.
    if (reservedAt !== undefined && decision.capHash !== undefined)
      await releaseAddressCap(db, job.shopId, decision.capHash, job.id, reservedAt);
    const failure = isDeliveryError(error) ? error : undefined;
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const now = worker.clock();
    if (failure?.permanent) {
      await finishJob(db, job, 'failed', message);
      result.failed++;
      logger.warn(
        { jobId: job.id, to: maskEmail(decision.to), reason: message },
        'recovery email refused',
      );
    } else if (job.attempts >= worker.maxAttempts) {
      await finishJob(db, job, 'failed', `gave up after ${job.attempts} attempts: ${message}`);
      result.failed++;
      logger.warn({ jobId: job.id, reason: message }, 'recovery email given up');
    } else {
      const retryAt = new Date(now.getTime() + backoffMs(job.attempts, worker.random));
      await rescheduleJob(db, job, retryAt.toISOString(), message, false);
      result.retried++;
      logger.info({ jobId: job.id, retryAt, reason: message }, 'recovery email will be retried');
    }
    return;
  }
  const sentAt = worker.clock();
  const outbox = worker.mailer.transport === 'outbox';
  const recorded = await recorder.record({
    job,
    sentAt,
    email: {
      id: newId('eml'),
      jobId: job.id,
      kind: job.kind,
      subjectId: job.subjectId,
      step: job.step,
      to: decision.to,
      emailHash: decision.cart?.emailHash ?? job.emailHash,
      subject: decision.rendered.subject,
      html: outbox ? decision.rendered.html : null,
      text: outbox ? decision.rendered.text : null,
      messageId: decision.email.messageId,
      transport: worker.mailer.transport,
      createdAt: sentAt.toISOString(),
    },
  });
  if (recorded) result.sent++;
  else logger.warn({ jobId: job.id }, 'recovery job lease lost before its result was recorded');
}

interface SentRecord {
  job: RecoveryJob;
  sentAt: Date;
  email: NewEmail;
}

/** The most emails one group commit records. */
const MAX_GROUP = 250;

/**
 * Group commit: each accepted email is queued for recording at once; results that arrive while a
 * commit runs wait for the next one, so one transaction of three statements (jobs `sent` where the
 * lease is still ours, the `recovery_emails` rows, the carts' `recovery_email_at`) records every
 * email accepted meanwhile; an email waits at most `commitDelayMs` for company. The at-least-once
 * window stays small (an email accepted but not yet committed: the last `commitDelayMs` plus one
 * commit), and the database does a fraction of the work. All records of one recorder come from
 * one claim, so they share its lease owner.
 */
class SentRecorder {
  private queue: {
    record: SentRecord;
    done: (recorded: boolean) => void;
    fail: (error: unknown) => void;
  }[] = [];
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly leaseOwner: string,
    private readonly delayMs: number,
  ) {}

  /** Queues an accepted email; resolves once committed: true, or false when the lease was lost. */
  record(record: SentRecord): Promise<boolean> {
    return new Promise((done, fail) => {
      this.queue.push({ record, done, fail });
      // A commit under way takes the newcomers as soon as it ends; else wait a little for company.
      if (this.flushing) return;
      if (this.delayMs <= 0 || this.queue.length >= MAX_GROUP) this.start();
      else this.timer ??= setTimeout(() => this.start(), this.delayMs);
    });
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const pending = this.queue.splice(0, MAX_GROUP);
      try {
        const records = pending.map((entry) => entry.record);
        const owned = await this.db.transaction().execute((trx) => this.commit(trx, records));
        for (const entry of pending) entry.done(owned.has(entry.record.job.id));
      } catch (error) {
        for (const entry of pending) entry.fail(error);
      }
    }
    this.flushing = undefined;
  }

  private async commit(trx: Db, records: SentRecord[]): Promise<Set<string>> {
    // The job rows' and carts' time is the last acceptance of the group (milliseconds apart);
    // each `recovery_emails` row keeps its own.
    const sentAt = records.reduce(
      (latest, { sentAt }) => (sentAt > latest ? sentAt : latest),
      new Date(0),
    );
    const at = sentAt.toISOString();
    const owned = await markJobsSent(
      trx,
      this.leaseOwner,
      records.map(({ job }) => job.id),
      at,
    );
    const recorded = records.filter(({ job }) => owned.has(job.id));
    await insertEmails(
      trx,
      recorded.map(({ job, email }) => ({ shopId: job.shopId, email })),
    );
    const cartsByShop = new Map<string, string[]>();
    for (const { job } of recorded) {
      if (job.kind !== 'recovery') continue;
      cartsByShop.set(job.shopId, [...(cartsByShop.get(job.shopId) ?? []), job.subjectId]);
    }
    for (const [shopId, cartIds] of cartsByShop) await markCartsEmailed(trx, shopId, cartIds, at);
    return owned;
  }
}

/**
 * Claims one batch of due jobs and handles it: re-checks every stop condition, defers for quiet
 * hours and the frequency cap, sends the rest concurrently and records each result as it comes.
 */
export async function runWorkerBatch(options: WorkerOptions | Resolved): Promise<BatchResult> {
  const worker = 'skipLocked' in options ? options : resolve(options);
  const now = worker.clock();
  const result: BatchResult = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    cancelled: 0,
    deferred: 0,
  };
  const leaseOwner = `lease_${randomBytes(9).toString('base64url')}`;
  const jobs = await claimDueJobs(worker.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + worker.leaseMs).toISOString(),
    leaseOwner,
    limit: worker.batchSize,
    skipLocked: worker.skipLocked,
  });
  result.claimed = jobs.length;
  if (jobs.length === 0) return result;
  const context = await loadContext(worker, jobs, now);
  const deliveries: Promise<void>[] = [];
  const recorder = new SentRecorder(worker.db, leaseOwner, worker.commitDelayMs);
  for (const job of jobs) {
    const decision = decide(worker, job, context, now);
    if (decision.action === 'cancel') {
      await finishJob(worker.db, job, 'cancelled', decision.reason);
      result.cancelled++;
    } else if (decision.action === 'defer') {
      await rescheduleJob(worker.db, job, decision.until.toISOString(), decision.reason, true);
      result.deferred++;
    } else {
      deliveries.push(deliver(worker, recorder, job, decision, result));
    }
  }
  const settled = await Promise.allSettled(deliveries);
  for (const outcome of settled) {
    // A job whose result could not be recorded (database down) is taken up again after its lease.
    if (outcome.status === 'rejected')
      worker.logger.error({ err: outcome.reason }, 'recording a recovery email failed');
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
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopping) {
      let full = false;
      try {
        full = (await runWorkerBatch(worker)).claimed === worker.batchSize;
      } catch (error) {
        worker.logger.error({ err: error }, 'recovery worker batch failed');
      }
      if (!full && !stopping) {
        await new Promise<void>((resolveWait) => {
          const timer = setTimeout(resolveWait, worker.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolveWait();
          };
        });
        wake = undefined;
      }
    }
  })();
  const onSignal = () => void stop();
  async function stop(): Promise<void> {
    stopping = true;
    wake?.();
    await loop;
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
  return { stop };
}
