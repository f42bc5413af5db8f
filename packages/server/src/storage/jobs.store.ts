import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from './database.js';
import { prepared, type PreparedQuery } from './prepared.js';
import type { JobKind, JobRow, JobStatus } from './recovery.table.js';

/** A job as the worker and routes see it. */
export interface RecoveryJob {
  id: string;
  shopId: string;
  kind: JobKind;
  subjectId: string;
  step: number;
  content: string;
  emailHash: string;
  status: JobStatus;
  runAt: string;
  attempts: number;
  leaseOwner: string | null;
  token: string;
  reason: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** Maps a `recovery_jobs` row to a {@link RecoveryJob}. */
export function toJob(row: JobRow): RecoveryJob {
  return {
    id: row.id,
    shopId: row.shop_id,
    kind: row.kind,
    subjectId: row.subject_id,
    step: Number(row.step),
    content: row.content,
    emailHash: row.email_hash,
    status: row.status,
    runAt: row.run_at,
    attempts: Number(row.attempts),
    leaseOwner: row.lease_owner,
    token: row.token,
    reason: row.reason,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

/** A job to create. */
export interface NewJob {
  id: string;
  kind: JobKind;
  subjectId: string;
  step: number;
  content: string;
  emailHash: string;
  runAt: string;
  token: string;
  createdAt: string;
}

function jobRow(shopId: string, job: NewJob) {
  return {
    id: job.id,
    shop_id: shopId,
    kind: job.kind,
    subject_id: job.subjectId,
    step: job.step,
    content: job.content,
    email_hash: job.emailHash,
    status: 'pending' as const,
    run_at: job.runAt,
    attempts: 0,
    lease_owner: null,
    token: job.token,
    reason: null,
    sent_at: null,
    created_at: job.createdAt,
  };
}

type JobInsert = ReturnType<typeof jobRow>;
/** The columns of {@link jobRow} that differ from job to job (the rest are constants). */
const VARYING_COLUMNS = [
  'id',
  'shop_id',
  'kind',
  'subject_id',
  'step',
  'content',
  'email_hash',
  'run_at',
  'token',
  'created_at',
] as const;

/** Job counts up to this get a prepared insert each (a sequence has a few steps). */
const PREPARED_JOB_COUNTS = 8;
const insertJobRows = new Map<number, PreparedQuery<Record<string, unknown>, unknown>>();

/** The prepared insert of `count` jobs: placeholders `id0`, `shop_id0`, … `created_at<count-1>`. */
function insertJobsQuery(count: number): PreparedQuery<Record<string, unknown>, unknown> {
  let query = insertJobRows.get(count);
  if (!query) {
    query = prepared((db, p: Record<string, unknown>) =>
      db
        .insertInto('recovery_jobs')
        .values(
          Array.from({ length: count }, (_, index) => {
            const row: Record<string, unknown> = jobRow('', {} as NewJob);
            for (const column of VARYING_COLUMNS) row[column] = p[`${column}${index}`];
            return row as JobInsert;
          }),
        )
        .onConflict((conflict) => conflict.columns(['subject_id', 'step']).doNothing()),
    );
    insertJobRows.set(count, query);
  }
  return query;
}

/** Inserts jobs; one that already exists for its (subject, step) is left as it is. */
export async function insertJobs(db: Db, shopId: string, jobs: readonly NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map((job) => jobRow(shopId, job));
  if (rows.length > PREPARED_JOB_COUNTS) {
    // 1,000 rows of 15 values each stay under SQLite's 32,766 bound parameters a statement.
    for (let start = 0; start < rows.length; start += 1000) {
      await db
        .insertInto('recovery_jobs')
        .values(rows.slice(start, start + 1000))
        .onConflict((conflict) => conflict.columns(['subject_id', 'step']).doNothing())
        .execute();
    }
    return;
  }
  // Every capture that starts a sequence runs this: compiled once per job count (prepared.ts).
  const values: Record<string, unknown> = {};
  rows.forEach((row, index) => {
    for (const column of VARYING_COLUMNS) values[`${column}${index}`] = row[column];
  });
  await insertJobsQuery(rows.length).execute(db, values);
}

/** Options of {@link claimDueJobs}. */
export interface ClaimOptions {
  now: string;
  /** The end of the lease: a claimed job becomes due again then if nobody finished it. */
  leaseUntil: string;
  /** A fresh id for this claim; only its holder may finish the jobs. */
  leaseOwner: string;
  limit: number;
  /** PostgreSQL: lock the chosen rows with `FOR UPDATE SKIP LOCKED` so workers never share one. */
  skipLocked: boolean;
  /** Only jobs of these kinds (the ones this worker knows); default all. */
  kinds?: readonly JobKind[];
}

/**
 * Claims up to `limit` due jobs of every shop (the worker serves them all): the oldest pending rows
 * whose `run_at` has passed get the lease. On SQLite the single statement is its own
 * single-writer transaction; on PostgreSQL concurrent claimers skip each other's locked rows.
 * Jobs a worker left `sending` (it died during their delivery) are taken back first, once their
 * lease has run out: they go back to `pending` under the new lease, and are checked and sent again
 * with the same Message-ID.
 */
export async function claimDueJobs(db: Db, options: ClaimOptions): Promise<RecoveryJob[]> {
  const lease = {
    run_at: options.leaseUntil,
    lease_owner: options.leaseOwner,
    attempts: sql<number>`attempts + 1`,
  };
  // Usually empty: one probe of the (status, run_at) index.
  let stranded = db
    .selectFrom('recovery_jobs')
    .select('id')
    .where('status', '=', 'sending')
    .where('run_at', '<=', options.now)
    .$if(options.kinds !== undefined, (query) => query.where('kind', 'in', options.kinds ?? []))
    .limit(options.limit);
  if (options.skipLocked) stranded = stranded.forUpdate().skipLocked();
  const retaken = await db
    .updateTable('recovery_jobs')
    .set({ ...lease, status: 'pending', reason: 'taken over after its lease ran out' })
    .where('id', 'in', stranded)
    .returningAll()
    .execute();
  let due = db
    .selectFrom('recovery_jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', options.now)
    .$if(options.kinds !== undefined, (query) => query.where('kind', 'in', options.kinds ?? []))
    .orderBy('run_at')
    .limit(options.limit - retaken.length);
  if (options.skipLocked) due = due.forUpdate().skipLocked();
  const rows =
    retaken.length >= options.limit
      ? []
      : await db
          .updateTable('recovery_jobs')
          .set(lease)
          // The subquery alone picks the rows: a second filter on `status` here would let the
          // planner walk the (status, run_at) index over every pending row instead of looking up
          // the chosen ids.
          .where('id', 'in', due)
          .returningAll()
          .execute();
  // RETURNING has no order: earlier steps of one sequence go first, so a frequency cap defers
  // the later step, never the first one.
  return [...retaken, ...rows]
    .map(toJob)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.step - b.step);
}

/** A condition on the job's row, for {@link claimForSending}. */
export type JobCondition = (
  eb: ExpressionBuilder<Database, 'recovery_jobs'>,
) => Expression<SqlBool>;

/**
 * The last-moment claim of one job: moves it from `pending` (under this lease) to `sending` in one
 * `update … where id = ? and status = 'pending' and lease_owner = ? and <condition> returning`
 * statement, so an order, unsubscribe or erasure committed before it wins, and one committed after
 * finds the job `sending` (it leaves it alone: that delivery is under way). Answers whether the job
 * may go. `condition` is the kind's own (see {@link recoveryEmailStillWanted}).
 */
export async function claimForSending(
  db: Db,
  job: Pick<RecoveryJob, 'id' | 'shopId' | 'leaseOwner'>,
  condition?: JobCondition,
): Promise<boolean> {
  let query = db
    .updateTable('recovery_jobs')
    .set({ status: 'sending' })
    .where('id', '=', job.id)
    .where('shop_id', '=', job.shopId)
    .where('status', '=', 'pending')
    .where('lease_owner', '=', job.leaseOwner);
  if (condition) query = query.where(condition);
  const row = await query.returning('id').executeTakeFirst();
  return row !== undefined;
}

/** What a recovery email's claim checks again, as the worker saw it when it rendered the email. */
export interface RecoveryEmailExpectation {
  cartId: string;
  emailHash: string;
  /** The shop's `config_version` the decision read (recovery on, consent mode, quiet hours…). */
  configVersion: number;
  /** `consentMode: 'soft'`: a cart with no consent answer may be emailed. */
  softConsent: boolean;
}

/**
 * The condition of a recovery email's claim: its cart is still open, has items, the same address
 * and consent; the address is not suppressed; the shop's config has not changed since the decision.
 * The cart part is `stopReason` of worker/decide.ts in SQL, column for column (`toStoredCart`
 * reads a consent only when its text and time are both there): worker/claim-agrees.test.ts holds the two
 * to the same answers over every combination of the columns they read.
 */
export function recoveryEmailStillWanted(
  shopId: string,
  expected: RecoveryEmailExpectation,
): JobCondition {
  return (eb) =>
    eb.and([
      eb.exists(
        eb
          .selectFrom('carts')
          .select(sql.lit(1).as('one'))
          .where('carts.id', '=', expected.cartId)
          .where('carts.shop_id', '=', shopId)
          .where('carts.status', '=', 'open')
          .where('carts.email', 'is not', null)
          .where('carts.email', '!=', '')
          .where('carts.email_hash', '=', expected.emailHash)
          .where('carts.items', '!=', '[]')
          .where((cart) => {
            // hasConsent: a consent on file (text and time) that was granted; in the soft mode,
            // also no consent on file at all.
            const granted = cart.and([
              cart('carts.consent_granted', '=', 1),
              cart('carts.consent_text', 'is not', null),
              cart('carts.consent_at', 'is not', null),
            ]);
            return expected.softConsent
              ? cart.or([
                  granted,
                  cart('carts.consent_text', 'is', null),
                  cart('carts.consent_at', 'is', null),
                ])
              : granted;
          }),
      ),
      notSuppressed(eb, shopId, expected.emailHash),
      configUnchanged(eb, shopId, expected.configVersion),
    ]);
}

/** The condition of a "we're back" email's claim: its subscription is still there, not suppressed. */
export function absenceEmailStillWanted(
  shopId: string,
  expected: { subscriptionId: string; emailHash: string; configVersion: number },
): JobCondition {
  return (eb) =>
    eb.and([
      eb.exists(
        eb
          .selectFrom('absence_subscriptions')
          .select(sql.lit(1).as('one'))
          .where('absence_subscriptions.id', '=', expected.subscriptionId)
          .where('absence_subscriptions.shop_id', '=', shopId),
      ),
      notSuppressed(eb, shopId, expected.emailHash),
      configUnchanged(eb, shopId, expected.configVersion),
    ]);
}

/** A claim's condition: the address is not on the shop's suppression list (unsubscribed). */
export function notSuppressed(
  eb: ExpressionBuilder<Database, 'recovery_jobs'>,
  shopId: string,
  emailHash: string,
): Expression<SqlBool> {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('recovery_suppressions')
        .select(sql.lit(1).as('one'))
        .where('recovery_suppressions.shop_id', '=', shopId)
        .where('recovery_suppressions.email_hash', '=', emailHash),
    ),
  );
}

/** A claim's condition: the shop's config is still the version the decision read. */
export function configUnchanged(
  eb: ExpressionBuilder<Database, 'recovery_jobs'>,
  shopId: string,
  configVersion: number,
): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('shops')
      .select(sql.lit(1).as('one'))
      .where('shops.id', '=', shopId)
      .where('shops.config_version', '=', configVersion),
  );
}

/**
 * Records deliveries: the jobs become `sent`, whatever their state (what the relay accepted is
 * recorded, always: a job cancelled or taken over meanwhile is still one that went out). Answers
 * the ids that still exist (an erasure may have deleted the others).
 */
export async function markJobsDelivered(
  db: Db,
  jobIds: readonly string[],
  sentAt: string,
): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .updateTable('recovery_jobs')
    .set({ status: 'sent', sent_at: sentAt, lease_owner: null, reason: null })
    .where('id', 'in', jobIds)
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Gives back a job whose last-moment claim said no (if it is still pending: an order or erasure
 * usually got there first and cancelled it). It is due again at once and decided afresh; the
 * attempt counts, so a job that keeps being refused ends `failed` after the attempts allowed.
 */
export async function releaseWithheldJob(db: Db, job: RecoveryJob, now: string): Promise<void> {
  await db
    .updateTable('recovery_jobs')
    .set({ run_at: now, lease_owner: null, reason: 'withheld at the last moment' })
    .where('id', '=', job.id)
    .where('shop_id', '=', job.shopId)
    .where('lease_owner', '=', job.leaseOwner)
    .where('status', '=', 'pending')
    .execute();
}

/** Finishes a claimed job (pending or sending) without sending: cancelled or failed, with the reason. */
export async function finishJob(
  db: Db,
  job: RecoveryJob,
  status: 'cancelled' | 'failed',
  reason: string,
): Promise<void> {
  await db
    .updateTable('recovery_jobs')
    .set({ status, reason, lease_owner: null })
    .where('id', '=', job.id)
    .where('shop_id', '=', job.shopId)
    .where('lease_owner', '=', job.leaseOwner)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/**
 * Gives a claimed job (pending or sending) back for a later run: after a transient failure (the
 * attempt counts), or
 * when quiet hours or the frequency cap say "later" (`refundAttempt`: it does not count).
 */
export async function rescheduleJob(
  db: Db,
  job: RecoveryJob,
  runAt: string,
  reason: string,
  refundAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('recovery_jobs')
    .set({
      status: 'pending',
      run_at: runAt,
      reason,
      lease_owner: null,
      attempts: refundAttempt ? Math.max(0, job.attempts - 1) : job.attempts,
    })
    .where('id', '=', job.id)
    .where('shop_id', '=', job.shopId)
    .where('lease_owner', '=', job.leaseOwner)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/** A shop's pending jobs of one kind that no worker holds. */
export async function listWaitingJobs(
  db: Db,
  shopId: string,
  kind: RecoveryJob['kind'],
): Promise<RecoveryJob[]> {
  const rows = await db
    .selectFrom('recovery_jobs')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .where('lease_owner', 'is', null)
    .execute();
  return rows.map(toJob);
}

/** Moves a waiting job (pending, held by no worker) to another time. */
export async function moveWaitingJob(
  db: Db,
  shopId: string,
  jobId: string,
  runAt: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('recovery_jobs')
    .set({ run_at: runAt, reason })
    .where('shop_id', '=', shopId)
    .where('id', '=', jobId)
    .where('status', '=', 'pending')
    .where('lease_owner', 'is', null)
    .execute();
}

/** Cancels a shop's pending jobs that `which` picks, with `reason`; answers how many. */
async function cancelPendingWhere(
  db: Db,
  shopId: string,
  reason: string,
  which: JobCondition,
): Promise<number> {
  const result = await db
    .updateTable('recovery_jobs')
    .set({ status: 'cancelled', reason, lease_owner: null })
    .where('shop_id', '=', shopId)
    .where(which)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Cancels the pending jobs of some subjects (carts or subscriptions); answers how many. */
export async function cancelPendingJobs(
  db: Db,
  shopId: string,
  subjectIds: readonly string[],
  reason: string,
): Promise<number> {
  if (subjectIds.length === 0) return 0;
  return cancelPendingWhere(db, shopId, reason, (eb) => eb('subject_id', 'in', subjectIds));
}

/**
 * Cancels every pending marketing job to one address in a shop (unsubscribe); an order
 * confirmation is transactional and still goes.
 */
export function cancelPendingJobsForEmail(
  db: Db,
  shopId: string,
  emailHash: string,
  reason: string,
): Promise<number> {
  return cancelPendingWhere(db, shopId, reason, (eb) =>
    eb.and([eb('email_hash', '=', emailHash), eb('kind', '!=', 'confirmation')]),
  );
}

/**
 * Cancels every pending recovery email (not "we're back" emails, which the shopper asked for) to
 * one address in a shop: an order matched by that address stops them all.
 */
export function cancelPendingRecoveryJobsForEmail(
  db: Db,
  shopId: string,
  emailHash: string,
  reason: string,
): Promise<number> {
  return cancelPendingWhere(db, shopId, reason, (eb) =>
    eb.and([eb('email_hash', '=', emailHash), eb('kind', '=', 'recovery')]),
  );
}

/** The job behind a link token, whichever shop it belongs to (the token is the credential). */
export async function findJobByToken(db: Db, token: string): Promise<RecoveryJob | undefined> {
  const row = await db
    .selectFrom('recovery_jobs')
    .selectAll()
    .where('token', '=', token)
    .executeTakeFirst();
  return row && toJob(row);
}

/** The jobs of one cart or subscription, by step. */
export async function listJobsOfSubject(
  db: Db,
  shopId: string,
  subjectId: string,
): Promise<RecoveryJob[]> {
  const rows = await db
    .selectFrom('recovery_jobs')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('subject_id', '=', subjectId)
    .orderBy('step')
    .execute();
  return rows.map(toJob);
}

/** The jobs of one shopper, for a GDPR export. */
export async function listJobsOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<RecoveryJob[]> {
  const rows = await db
    .selectFrom('recovery_jobs')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .orderBy('created_at')
    .execute();
  return rows.map(toJob);
}

/** Deletes one shopper's jobs (GDPR erasure); pending ones are thereby cancelled. */
export async function deleteJobsOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<number> {
  const result = await db
    .deleteFrom('recovery_jobs')
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
