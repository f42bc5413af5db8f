import type { Db } from './database.js';
import { prepared } from './prepared.js';
import type { EmailRow, RecoveryEmailsTable } from './recovery.table.js';

/** A sent or outboxed email as the code sees it. */
export interface SentEmail {
  id: string;
  shopId: string;
  jobId: string | null;
  kind: RecoveryEmailsTable['kind'];
  subjectId: string | null;
  step: number | null;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  messageId: string;
  transport: 'smtp' | 'outbox';
  createdAt: string;
}

/** Maps a `recovery_emails` row to a {@link SentEmail}. */
export function toSentEmail(row: EmailRow): SentEmail {
  return {
    id: row.id,
    shopId: row.shop_id,
    jobId: row.job_id,
    kind: row.kind,
    subjectId: row.subject_id,
    step: row.step === null ? null : Number(row.step),
    to: row.to_address,
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: row.message_id,
    transport: row.transport,
    createdAt: row.created_at,
  };
}

/** An email to record. */
export type NewEmail = Omit<SentEmail, 'shopId'> & { emailHash: string };

function emailValues(shopId: string, email: NewEmail) {
  return {
    id: email.id,
    shop_id: shopId,
    job_id: email.jobId,
    kind: email.kind,
    subject_id: email.subjectId,
    step: email.step,
    to_address: email.to,
    email_hash: email.emailHash,
    subject: email.subject,
    html: email.html,
    text: email.text,
    message_id: email.messageId,
    transport: email.transport,
    created_at: email.createdAt,
  };
}

/** Records an email that went out (or into the outbox). */
export async function insertEmail(db: Db, shopId: string, email: NewEmail): Promise<void> {
  await db.insertInto('recovery_emails').values(emailValues(shopId, email)).execute();
}

/**
 * Records many emails, of any shops, in one statement per 100 (the worker's group commit). A job
 * has at most one row: a second delivery of it (taken over after a crash, same Message-ID) adds
 * none.
 */
export async function insertEmails(
  db: Db,
  emails: readonly { shopId: string; email: NewEmail }[],
): Promise<void> {
  for (let first = 0; first < emails.length; first += 100) {
    const chunk = emails.slice(first, first + 100);
    await db
      .insertInto('recovery_emails')
      .values(chunk.map(({ shopId, email }) => emailValues(shopId, email)))
      .onConflict((conflict) => conflict.column('job_id').doNothing())
      .execute();
  }
}

/** A page of the local outbox, newest first; `cursor` is the last id of the previous page. */
export async function listOutbox(
  db: Db,
  shopId: string,
  limit: number,
  cursor?: { createdAt: string; id: string },
): Promise<SentEmail[]> {
  let query = db
    .selectFrom('recovery_emails')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('transport', '=', 'outbox');
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', cursor.createdAt),
        eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSentEmail);
}

/** The recovery emails sent about one cart, oldest first. */
export async function listCartEmails(db: Db, shopId: string, cartId: string): Promise<SentEmail[]> {
  const rows = await db
    .selectFrom('recovery_emails')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('kind', '=', 'recovery')
    .where('subject_id', '=', cartId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toSentEmail);
}

/** One email of a shop. */
export async function findEmail(
  db: Db,
  shopId: string,
  id: string,
): Promise<SentEmail | undefined> {
  const row = await db
    .selectFrom('recovery_emails')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toSentEmail(row);
}

/** When each of these addresses last got a recovery email from the shop, since `since`. */
export async function lastRecoveryEmailTimes(
  db: Db,
  shopId: string,
  emailHashes: readonly string[],
  since: string,
): Promise<Map<string, string>> {
  if (emailHashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('recovery_emails')
    .select(['email_hash'])
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .where('kind', '=', 'recovery')
    .where('created_at', '>=', since)
    .groupBy('email_hash')
    .execute();
  return new Map(rows.map((row) => [row.email_hash, String(row.last)]));
}

/** Counts recovery emails sent in `[from, to)`. */
export async function countEmailsSent(
  db: Db,
  shopId: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('recovery_emails')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('kind', 'in', ['recovery', 'absence'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One shopper's emails, for a GDPR export. */
export async function listEmailsOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<SentEmail[]> {
  const rows = await db
    .selectFrom('recovery_emails')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .orderBy('created_at')
    .execute();
  return rows.map(toSentEmail);
}

/**
 * Erases one shopper from the shop's emails (GDPR): each sent email keeps a row without its
 * address or rendered parts, so the stats count what went out whether the erasure came before or
 * after the send was recorded; their clicks and suppressions are deleted.
 */
export async function deleteEmailDataOfEmail(
  db: Db,
  shopId: string,
  emailHash: string,
): Promise<void> {
  await db
    .updateTable('recovery_emails')
    .set({ to_address: '', email_hash: '', html: null, text: null })
    .where('shop_id', '=', shopId)
    .where('email_hash', '=', emailHash)
    .execute();
  for (const table of ['recovery_clicks', 'recovery_suppressions'] as const) {
    await db
      .deleteFrom(table)
      .where('shop_id', '=', shopId)
      .where('email_hash', '=', emailHash)
      .execute();
  }
}

/** Adds an address to the shop's suppression list; adding it twice is harmless. */
export async function suppressEmail(
  db: Db,
  shopId: string,
  emailHash: string,
  reason: 'unsubscribed' | 'bounced',
  at: string,
): Promise<void> {
  await db
    .insertInto('recovery_suppressions')
    .values({ shop_id: shopId, email_hash: emailHash, reason, created_at: at })
    .onConflict((conflict) => conflict.columns(['shop_id', 'email_hash']).doNothing())
    .execute();
}

// One address: what every cart capture with an email asks (compiled once, see prepared.ts).
const selectSuppression = prepared((db, p: { shopId: string; emailHash: string }) =>
  db
    .selectFrom('recovery_suppressions')
    .select('email_hash')
    .where('shop_id', '=', p.shopId)
    .where('email_hash', '=', p.emailHash),
);

/** The addresses among these that the shop must not email. */
export async function suppressedEmails(
  db: Db,
  shopId: string,
  emailHashes: readonly string[],
): Promise<Set<string>> {
  if (emailHashes.length === 0) return new Set();
  if (emailHashes.length === 1) {
    const [emailHash] = emailHashes as [string];
    const row = await selectSuppression.first(db, { shopId, emailHash });
    return new Set(row ? [row.email_hash] : []);
  }
  const rows = await db
    .selectFrom('recovery_suppressions')
    .select('email_hash')
    .where('shop_id', '=', shopId)
    .where('email_hash', 'in', emailHashes)
    .execute();
  return new Set(rows.map((row) => row.email_hash));
}

/** A restore-link click to record. */
export interface NewClick {
  id: string;
  jobId: string;
  subjectId: string;
  step: number;
  emailHash: string;
  clickedAt: string;
}

/** Records a restore-link click. */
export async function insertClick(db: Db, shopId: string, click: NewClick): Promise<void> {
  await db
    .insertInto('recovery_clicks')
    .values({
      id: click.id,
      shop_id: shopId,
      job_id: click.jobId,
      subject_id: click.subjectId,
      step: click.step,
      email_hash: click.emailHash,
      clicked_at: click.clickedAt,
    })
    .execute();
}

/** Counts the recovery emails' restore-link clicks in `[from, to)`. */
export async function countClicks(
  db: Db,
  shopId: string,
  from: string,
  to: string,
): Promise<number> {
  return (await clicksByKind(db, shopId, from, to)).get('recovery') ?? 0;
}

/** Link clicks in `[from, to)` by the kind of email they came from (recovery, win-back, …). */
export async function clicksByKind(
  db: Db,
  shopId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('recovery_clicks')
    .innerJoin('recovery_jobs', (join) =>
      join
        .onRef('recovery_jobs.id', '=', 'recovery_clicks.job_id')
        .onRef('recovery_jobs.shop_id', '=', 'recovery_clicks.shop_id'),
    )
    .select(['recovery_jobs.kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('recovery_clicks.shop_id', '=', shopId)
    .where('recovery_clicks.clicked_at', '>=', from)
    .where('recovery_clicks.clicked_at', '<', to)
    .groupBy('recovery_jobs.kind')
    .execute();
  return new Map(rows.map((row) => [row.kind, Number(row.count)]));
}
