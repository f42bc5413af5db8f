import type { ShopConfig } from '@comptoir/sdk';
import { absenceStatus, wallTimeToInstant } from '@comptoir/sdk/calendar';
import { derivePublishedConfig } from '../published-config/derive.js';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../storage/database.js';
import { deleteAddressCaps } from '../storage/address-caps.store.js';
import {
  clearRecoveryRequests,
  lockRecoveryRequests,
  requestRecovery,
  type StoredCart,
} from '../storage/cart.store.js';
import { findShopsByIds } from '../storage/shop.store.js';
import type { SequenceArm } from '../storage/recovery.table.js';
import { deleteLifecycleOrdersOfEmail } from '../storage/lifecycle-orders.store.js';
import {
  deleteEmailDataOfEmail,
  suppressedEmails,
  suppressEmail,
} from '../storage/emails.store.js';
import {
  cancelPendingJobs,
  cancelPendingJobsForEmail,
  deleteJobsOfEmail,
  insertJobs,
  listJobsOfSubject,
  listWaitingJobs,
  moveWaitingJob,
  type RecoveryJob,
} from '../storage/jobs.store.js';
import {
  deleteSequencesOfEmail,
  findSequence,
  addressesWithPendingRecovery,
  cartsWithSequence,
  insertAbsenceSubscription,
  insertSequences,
  setRecoveredStep,
} from '../storage/sequences.store.js';
import { chooseArm, stopReason, type CartFacts } from './decide.js';
import { generateId, generateToken } from '../storage/keys.js';

/** Days after a recovery email during which an order counts as recovered by it. */
export const ATTRIBUTION_DAYS = 7;

/** What a recovery job carries: the step's texts as they were when the cart was captured. */
export interface RecoveryJobContent {
  subject: Partial<Record<string, string>>;
  body: Partial<Record<string, string>>;
  couponCode?: string;
}

/** What an absence job carries. */
export interface AbsenceJobContent {
  absenceId: string;
}

/**
 * True when a cart may get recovery emails: an address with consent, items, still open, and a
 * sequence configured. A capture that finds it so asks the worker to schedule them
 * ({@link requestRecoveryAfterCapture}).
 */
export function recoveryWanted(cart: CartFacts, config: ShopConfig): boolean {
  return stopReason(cart, config) === undefined && config.recovery.steps.length > 0;
}

/**
 * A capture's part in an existing cart's recovery, inside the capture's transaction: an update
 * that made the cart ineligible (consent withdrawn, cart emptied) cancels its pending jobs at once;
 * one that made it eligible, with no sequence yet, stamps the request the worker schedules
 * ({@link scheduleRequestedRecoveries}). A new cart carries its request in its own row
 * (`insertCart`'s `recoveryRequested`): capture writes only the cart, which is what it costs.
 */
export async function requestRecoveryAfterCapture(
  trx: Db,
  cart: StoredCart,
  config: ShopConfig,
  now: Date,
): Promise<void> {
  const reason = stopReason(cart, config);
  if (reason !== undefined) {
    await cancelPendingJobs(trx, cart.shopId, [cart.id], reason);
    return;
  }
  if (config.recovery.steps.length === 0 || cart.recoveryRequestedAt !== null) return;
  if (await findSequence(trx, cart.shopId, cart.id)) return;
  await requestRecovery(trx, cart, now);
}

/** The most recovery requests one scheduling transaction takes. */
export const SCHEDULE_BATCH = 500;

/**
 * Turns waiting recovery requests into sequences and jobs, {@link SCHEDULE_BATCH} carts per
 * transaction, with each request's time as its emails' start ({@link scheduleRecoveries}), and
 * answers how many it took (the worker runs it before each claim). The carts are read again under
 * their row locks, so an order, an unsubscribe or an edit that committed after the capture is
 * seen here, and one that comes during it waits.
 */
export async function scheduleRequestedRecoveries(
  db: Kysely<Database>,
  options: { skipLocked: boolean; limit?: number },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const carts = await lockRecoveryRequests(trx, {
      limit: options.limit ?? SCHEDULE_BATCH,
      skipLocked: options.skipLocked,
    });
    if (carts.length === 0) return 0;
    const shops = await findShopsByIds(trx, [...new Set(carts.map((cart) => cart.shopId))]);
    for (const shop of shops) {
      await scheduleRecoveries(
        trx,
        shop.id,
        carts.filter((cart) => cart.shopId === shop.id),
        shop.config,
        (cart) => new Date(cart.recoveryRequestedAt as string),
      );
    }
    await clearRecoveryRequests(trx, carts);
    return carts.length;
  });
}

/**
 * Schedules or stops the recovery sequences of one shop's carts, inside the caller's transaction,
 * with a handful of statements for the whole batch: one job per step, unique on (cart, step), so
 * it never duplicates jobs; the steps' delays count from `startOf(cart)`. A cart that lost its
 * consent or its items has its pending jobs cancelled. A cart of an address that already has
 * emails waiting, or had them planned earlier in this batch, gets none (one sequence per
 * address), and a configured share of carts goes to the holdout group (no email) to measure what
 * the emails add. Carts go in the order given.
 */
export async function scheduleRecoveries(
  trx: Db,
  shopId: string,
  carts: readonly StoredCart[],
  config: ShopConfig,
  startOf: (cart: StoredCart) => Date,
): Promise<void> {
  const eligible: StoredCart[] = [];
  const stopped = new Map<string, string[]>();
  for (const cart of carts) {
    const reason = stopReason(cart, config);
    if (reason === undefined) eligible.push(cart);
    else stopped.set(reason, [...(stopped.get(reason) ?? []), cart.id]);
  }
  for (const [reason, cartIds] of stopped) await cancelPendingJobs(trx, shopId, cartIds, reason);
  if (eligible.length === 0 || config.recovery.steps.length === 0) return;

  const cartIds = eligible.map((cart) => cart.id);
  const addresses = [...new Set(eligible.map((cart) => cart.emailHash as string))];
  const sequenced = await cartsWithSequence(trx, shopId, cartIds);
  const suppressed = await suppressedEmails(trx, shopId, addresses);
  const waiting = await addressesWithPendingRecovery(trx, shopId, addresses, cartIds);
  const sequences: { cart: StoredCart; emailHash: string; arm: SequenceArm; createdAt: string }[] =
    [];
  for (const cart of eligible) {
    const emailHash = cart.emailHash as string;
    if (sequenced.has(cart.id) || suppressed.has(emailHash)) continue;
    const arm = chooseArm({
      cartId: cart.id,
      holdoutPercent: config.recovery.holdoutPercent,
      addressHasPendingSequence: waiting.has(emailHash),
    });
    if (arm === 'email') waiting.add(emailHash);
    sequences.push({ cart, emailHash, arm, createdAt: startOf(cart).toISOString() });
  }
  const created = await insertSequences(
    trx,
    shopId,
    sequences.map(({ cart, emailHash, arm, createdAt }) => ({
      cartId: cart.id,
      emailHash,
      arm,
      createdAt,
    })),
  );
  const contents = config.recovery.steps.map((step) => {
    const content: RecoveryJobContent = {
      subject: step.subject,
      body: step.body,
      ...(step.couponCode ? { couponCode: step.couponCode } : {}),
    };
    return JSON.stringify(content);
  });
  await insertJobs(
    trx,
    shopId,
    sequences
      .filter(({ cart, arm }) => arm === 'email' && created.has(cart.id))
      .flatMap(({ cart, emailHash, createdAt }) =>
        config.recovery.steps.map((step, index) => ({
          id: generateId('job'),
          kind: 'recovery' as const,
          subjectId: cart.id,
          step: index,
          content: contents[index] as string,
          emailHash,
          runAt: new Date(Date.parse(createdAt) + step.delaySeconds * 1000).toISOString(),
          token: generateToken(),
          createdAt,
        })),
      ),
  );
}

/**
 * Stops a cart's recovery when its order completes, and credits the last step sent within
 * {@link ATTRIBUTION_DAYS} days when the order counts as recovered.
 */
export async function stopRecoveryForOrder(trx: Db, cart: StoredCart, now: Date): Promise<void> {
  await cancelPendingJobs(trx, cart.shopId, [cart.id], 'order-completed');
  const since = now.getTime() - ATTRIBUTION_DAYS * 86_400_000;
  const credited = (await listJobsOfSubject(trx, cart.shopId, cart.id))
    .filter(
      (job) => job.status === 'sent' && job.sentAt !== null && Date.parse(job.sentAt) >= since,
    )
    .at(-1);
  if (credited) await setRecoveredStep(trx, cart.shopId, cart.id, credited.step);
}

/** Unsubscribes the address a job was sent to: suppressed for the shop, pending emails cancelled. */
export async function unsubscribeByJob(trx: Db, job: RecoveryJob, now: Date): Promise<void> {
  await suppressEmail(trx, job.shopId, job.emailHash, 'unsubscribed', now.toISOString());
  await cancelPendingJobsForEmail(trx, job.shopId, job.emailHash, 'unsubscribed');
}

/** Erases everything the recovery emails hold about one shopper (GDPR); pending emails go with it. */
export async function eraseRecoveryData(trx: Db, shopId: string, emailHash: string): Promise<void> {
  await deleteJobsOfEmail(trx, shopId, emailHash);
  await deleteEmailDataOfEmail(trx, shopId, emailHash);
  await deleteSequencesOfEmail(trx, shopId, emailHash);
  await deleteAddressCaps(trx, shopId, emailHash);
  await deleteLifecycleOrdersOfEmail(trx, shopId, emailHash);
}

/** A shopper's "tell me when you're back" request. */
export interface AbsenceSubscriptionInput {
  email: string;
  emailHash: string;
  consentText: string;
  absenceId: string;
  locale?: string;
}

/** The hour of the resume date at which "we're back" emails go out, shop time. */
export const ABSENCE_EMAIL_TIME = '09:00';

/**
 * The resume date (`YYYY-MM-DD`, shop time) of one absence: the first dispatch day after its end,
 * its resume buffer included, as the banner shows it — `absenceStatus(calendar, now).resumeDate`
 * of `@comptoir/sdk` on the shop's published calendar (public holidays resolved), so weekends,
 * holidays and closed days move it. When another absence is the one `now` shows (or this one is
 * not announced yet), the status is read at noon of this absence's first day, with this absence
 * first. Answers `undefined` for an unknown absence.
 */
export function absenceResumeDate(
  config: ShopConfig,
  absenceId: string,
  now: Date,
): string | undefined {
  const { calendar } = derivePublishedConfig({ id: 'resume', configVersion: 0 }, config, now);
  const absence = calendar.absences.find((candidate) => candidate.id === absenceId);
  if (!absence) return undefined;
  const current = absenceStatus(calendar, now);
  if (current.state !== 'none' && current.absence.id === absenceId) return current.resumeDate;
  const alone = {
    ...calendar,
    absences: [absence, ...calendar.absences.filter((other) => other !== absence)],
  };
  const during = absenceStatus(alone, wallTimeToInstant(absence.start, '12:00', calendar.timeZone));
  return during.state === 'active' ? during.resumeDate : undefined;
}

/**
 * When the "we're back" email of an absence goes out: {@link ABSENCE_EMAIL_TIME} (shop time) on
 * its resume date, as the config stands at `now`. `undefined` for an unknown absence.
 */
export function absenceEmailAt(config: ShopConfig, absenceId: string, now: Date): Date | undefined {
  const resumeDate = absenceResumeDate(config, absenceId, now);
  return resumeDate === undefined
    ? undefined
    : wallTimeToInstant(resumeDate, ABSENCE_EMAIL_TIME, config.calendar.timeZone);
}

/**
 * After the merchant saved the config: moves each waiting "we're back" email to its absence's
 * resume date as the new config puts it (at once when that has passed). An email whose absence
 * was deleted keeps its time: the shop will be open then.
 */
export async function rescheduleAbsenceEmails(
  trx: Db,
  shopId: string,
  config: ShopConfig,
  now: Date,
): Promise<void> {
  for (const job of await listWaitingJobs(trx, shopId, 'absence')) {
    const { absenceId } = JSON.parse(job.content) as AbsenceJobContent;
    const sendAt = absenceEmailAt(config, absenceId, now);
    if (!sendAt) continue;
    const runAt = new Date(Math.max(sendAt.getTime(), now.getTime())).toISOString();
    if (runAt !== job.runAt) await moveWaitingJob(trx, shopId, job.id, runAt, 'absence-edited');
  }
}

/**
 * Records a "tell me when you're back" request and schedules its one email for 09:00 (shop time)
 * on the absence's resume date ({@link absenceResumeDate}: the first dispatch day after the
 * absence and its buffer). Answers `undefined` for an unknown or finished absence. Subscribing
 * twice keeps one email.
 */
export async function subscribeToAbsence(
  trx: Db,
  shopId: string,
  config: ShopConfig,
  input: AbsenceSubscriptionInput,
  now: Date,
): Promise<{ id: string; sendAt: string } | undefined> {
  const sendAt = absenceEmailAt(config, input.absenceId, now);
  if (!sendAt || sendAt.getTime() <= now.getTime()) return undefined;
  const subscription = await insertAbsenceSubscription(trx, shopId, {
    id: generateId('abs'),
    absenceId: input.absenceId,
    email: input.email,
    emailHash: input.emailHash,
    locale: input.locale ?? null,
    consentText: input.consentText,
    createdAt: now.toISOString(),
  });
  const content: AbsenceJobContent = { absenceId: input.absenceId };
  await insertJobs(trx, shopId, [
    {
      id: generateId('job'),
      kind: 'absence',
      subjectId: subscription.id,
      step: 0,
      content: JSON.stringify(content),
      emailHash: input.emailHash,
      runAt: sendAt.toISOString(),
      token: generateToken(),
      createdAt: now.toISOString(),
    },
  ]);
  return { id: subscription.id, sendAt: sendAt.toISOString() };
}
