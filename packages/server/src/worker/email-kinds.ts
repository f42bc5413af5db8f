import type { ShopConfig } from '@comptoir/sdk';
import type { Transaction } from 'kysely';
import { renderAbsenceEmail, renderRecoveryEmail, type RenderedEmail } from '../email/render.js';
import type { Mailer, OutgoingEmail } from '../email/mailer.js';
import { restoreAppliesCoupon } from '../email/restore-url.js';
import { addressCapHooks } from './address-cap.js';
import {
  findCartsByIds,
  markCartRecovered,
  markCartsEmailed,
  type StoredCart,
} from '../storage/cart.store.js';
import type { Database, Db } from '../storage/database.js';
import {
  insertEmails,
  lastRecoveryEmailTimes,
  suppressedEmails,
  type NewEmail,
} from '../storage/emails.store.js';
import {
  absenceEmailStillWanted,
  claimForSending,
  markJobsDelivered,
  recoveryEmailStillWanted,
} from '../storage/jobs.store.js';
import {
  findAbsenceSubscriptions,
  setRecoveredStep,
  type AbsenceSubscription,
} from '../storage/sequences.store.js';
import type { Shop } from '../storage/shop.store.js';
import { decideAbsenceEmail, decideRecoveryEmail, type Verdict } from './decide.js';
import { deliverEmail } from './deliver-email.js';
import { messageIdOf } from './ids.js';
import { generateId } from '../storage/keys.js';
import type { Decision, Delivered, JobKindHandler, QueuedJob } from './job-kind.js';
import {
  absenceEmailAt,
  ATTRIBUTION_DAYS,
  type AbsenceJobContent,
  type RecoveryJobContent,
} from './scheduler.js';

/** What the email kinds need from the worker. */
export interface EmailKindSettings {
  mailer: Mailer;
  /** The server's public base URL (no trailing slash), for links and Message-ID domains. */
  publicUrl: string;
  fromAddress: string;
  frequencyCapMs: number;
  clock: () => Date;
}

/** A rendered email ready to go, and what its claim checks again. */
export interface EmailPayload {
  email: OutgoingEmail;
  rendered: RenderedEmail;
  to: string;
  emailHash: string;
  configVersion: number;
  /** Recovery emails: the cart, and whether the shop accepts carts with no consent answer. */
  cart?: StoredCart;
  softConsent?: boolean;
}

/**
 * The message of a job's email, from the shop's sender name and reply-to: with one-click
 * unsubscribe headers when it has an unsubscribe link (every marketing email), without for a
 * transactional one (the order confirmation). The config page's test send builds its message here
 * too, so the merchant's test carries the headers a shopper's email does.
 */
export function outgoingEmail(
  settings: Pick<EmailKindSettings, 'publicUrl' | 'fromAddress'>,
  config: ShopConfig,
  job: Pick<QueuedJob, 'id'>,
  to: string,
  rendered: RenderedEmail,
  unsubscribeUrl?: string,
): OutgoingEmail {
  const fromName = config.recovery.fromName ?? config.shopName;
  return {
    from: `"${fromName.replace(/["\\\r\n]/g, '')}" <${settings.fromAddress}>`,
    to,
    ...(config.recovery.replyTo ? { replyTo: config.recovery.replyTo } : {}),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    messageId: messageIdOf(job.id, settings.publicUrl),
    headers: unsubscribeUrl
      ? {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        }
      : { 'Auto-Submitted': 'auto-generated' },
  };
}

function fromVerdict(verdict: Verdict, payload: () => EmailPayload): Decision<EmailPayload> {
  return verdict.action === 'send' ? { action: 'send', payload: payload() } : verdict;
}

/** What recording a sent email needs of its kind's payload. */
export type SentEmailPayload = Pick<EmailPayload, 'email' | 'rendered' | 'to' | 'emailHash'>;

/** The `recovery_emails` row of a delivered email; without its address when the job was erased. */
function emailRow(
  settings: EmailKindSettings,
  { job, payload, at }: Delivered<SentEmailPayload>,
  erased: boolean,
): { shopId: string; email: NewEmail } {
  const outbox = settings.mailer.transport === 'outbox';
  return {
    shopId: job.shopId,
    email: {
      id: generateId('eml'),
      jobId: job.id,
      kind: job.kind,
      subjectId: job.subjectId,
      step: job.step,
      // A shopper erased while their email was on the wire: it is counted, they are not kept.
      to: erased ? '' : payload.to,
      emailHash: erased ? '' : payload.emailHash,
      subject: payload.rendered.subject,
      html: outbox && !erased ? payload.rendered.html : null,
      text: outbox && !erased ? payload.rendered.text : null,
      messageId: payload.email.messageId,
      transport: settings.mailer.transport,
      createdAt: at.toISOString(),
    },
  };
}

/** The group's time for the jobs and carts: its last acceptance (milliseconds apart). */
function latest(delivered: Delivered<SentEmailPayload>[]): string {
  return delivered.reduce((last, { at }) => (at > last ? at : last), new Date(0)).toISOString();
}

interface RecoveryFacts {
  carts: Map<string, StoredCart>;
  suppressed: Set<string>;
  lastSent: Map<string, number>;
}

/** Recovery steps: an abandoned cart's sequence, one email per step. */
export function recoveryEmailKind(
  settings: EmailKindSettings,
): JobKindHandler<RecoveryFacts, EmailPayload> {
  const cap = addressCapHooks(settings.frequencyCapMs);
  return {
    kind: 'recovery',
    async load(db, shop, jobs, now) {
      const carts = await findCartsByIds(
        db,
        shop.id,
        jobs.map((job) => job.subjectId),
      );
      const hashes = new Set(jobs.map((job) => job.emailHash));
      for (const cart of carts) if (cart.emailHash) hashes.add(cart.emailHash);
      const since = new Date(now.getTime() - settings.frequencyCapMs).toISOString();
      const last = await lastRecoveryEmailTimes(db, shop.id, [...hashes], since);
      return {
        carts: new Map(carts.map((cart) => [cart.id, cart])),
        suppressed: await suppressedEmails(db, shop.id, [...hashes]),
        lastSent: new Map([...last].map(([hash, at]) => [hash, Date.parse(at)])),
      };
    },
    decide(job, shop, facts, now) {
      const cart = facts?.carts.get(job.subjectId);
      const hash = cart?.emailHash ?? job.emailHash;
      const verdict = decideRecoveryEmail({
        config: shop?.config,
        cart,
        suppressed:
          (facts?.suppressed.has(hash) ?? false) || (facts?.suppressed.has(job.emailHash) ?? false),
        lastSentAt: facts?.lastSent.get(hash),
        frequencyCapMs: settings.frequencyCapMs,
        now,
      });
      // A later step to the same address in this batch waits for the cap (the earlier step goes
      // first: jobs come sorted by step); the atomic reservation covers other batches.
      if (verdict.action === 'send') facts?.lastSent.set(hash, now.getTime());
      return fromVerdict(verdict, () => {
        const { config } = shop as Shop;
        const openCart = cart as StoredCart;
        const unsubscribeUrl = `${settings.publicUrl}/u/${job.token}`;
        const rendered = renderRecoveryEmail({
          shopName: config.shopName,
          defaultLocale: config.defaultLocale,
          ...(openCart.locale ? { locale: openCart.locale } : {}),
          step: JSON.parse(job.content) as RecoveryJobContent,
          cart: openCart,
          restoreUrl: `${settings.publicUrl}/r/${job.token}`,
          unsubscribeUrl,
          couponApplies: restoreAppliesCoupon(config.recovery.restoreUrl),
        });
        const to = openCart.email as string;
        return {
          email: outgoingEmail(settings, config, job, to, rendered, unsubscribeUrl),
          rendered,
          to,
          emailHash: hash,
          configVersion: (shop as Shop).configVersion,
          cart: openCart,
          softConsent: config.recovery.consentMode === 'soft',
        };
      });
    },
    reserve: cap.reserve,
    release: cap.release,
    claim(db, job, payload) {
      return claimForSending(
        db,
        job,
        recoveryEmailStillWanted(job.shopId, {
          cartId: job.subjectId,
          emailHash: payload.emailHash,
          configVersion: payload.configVersion,
          softConsent: payload.softConsent ?? false,
        }),
      );
    },
    deliver(payload, claim) {
      return deliverEmail(settings.mailer, payload.email, claim);
    },
    async record(trx, delivered) {
      cap.forget(delivered.map(({ job }) => job.id));
      const at = latest(delivered);
      // Carts first (the server's lock order), then the jobs, then the rest.
      const converted = new Map<string, string>();
      const byShop = groupByShop(delivered);
      for (const [shopId, group] of byShop) {
        const ids = group.map(({ job }) => job.subjectId);
        for (const cart of await markCartsEmailed(trx, shopId, ids, at))
          converted.set(cart.id, cart.convertedAt);
      }
      await recordSentEmails(trx, settings, delivered);
      // An order recorded after the relay accepted its cart's email, but before this commit,
      // saw no email: credit the email now, as the order would have.
      for (const { job, at: acceptedAt } of delivered) {
        const convertedAt = converted.get(job.subjectId);
        if (convertedAt === undefined || Date.parse(convertedAt) < acceptedAt.getTime()) continue;
        if (Date.parse(convertedAt) - acceptedAt.getTime() > ATTRIBUTION_DAYS * 86_400_000)
          continue;
        if (await markCartRecovered(trx, job.shopId, job.subjectId))
          await setRecoveredStep(trx, job.shopId, job.subjectId, job.step);
      }
    },
  };
}

/**
 * Records delivered emails, for every email kind: the jobs `sent` (whatever became of them
 * meanwhile), then one `recovery_emails` row each, without the address of a job erased meanwhile.
 * A kind that writes `carts` does so before calling this (the server's lock order).
 */
export async function recordSentEmails(
  trx: Transaction<Database>,
  settings: EmailKindSettings,
  delivered: Delivered<SentEmailPayload>[],
): Promise<void> {
  const existing = await markJobsDelivered(
    trx,
    delivered.map(({ job }) => job.id),
    latest(delivered),
  );
  await insertEmails(
    trx,
    delivered.map((entry) => emailRow(settings, entry, !existing.has(entry.job.id))),
  );
}

function groupByShop<T extends { job: QueuedJob }>(entries: T[]): Map<string, T[]> {
  const byShop = new Map<string, T[]>();
  for (const entry of entries) {
    const group = byShop.get(entry.job.shopId);
    if (group) group.push(entry);
    else byShop.set(entry.job.shopId, [entry]);
  }
  return byShop;
}

interface AbsenceFacts {
  subscriptions: Map<string, AbsenceSubscription>;
  suppressed: Set<string>;
}

/** "We're back" emails: one to each shopper who asked, when the shop's absence ends. */
export function absenceEmailKind(
  settings: EmailKindSettings,
): JobKindHandler<AbsenceFacts, EmailPayload> {
  return {
    kind: 'absence',
    async load(db: Db, shop: Shop, jobs: QueuedJob[]) {
      const subscriptions = await findAbsenceSubscriptions(
        db,
        shop.id,
        jobs.map((job) => job.subjectId),
      );
      const hashes = new Set(jobs.map((job) => job.emailHash));
      for (const subscription of subscriptions) hashes.add(subscription.emailHash);
      return {
        subscriptions: new Map(subscriptions.map((entry) => [entry.id, entry])),
        suppressed: await suppressedEmails(db, shop.id, [...hashes]),
      };
    },
    decide(job, shop, facts, now) {
      const subscription = facts?.subscriptions.get(job.subjectId);
      const { absenceId } = JSON.parse(job.content) as AbsenceJobContent;
      const hash = subscription?.emailHash ?? job.emailHash;
      const verdict = decideAbsenceEmail({
        config: shop?.config,
        subscribed: subscription !== undefined,
        suppressed:
          (facts?.suppressed.has(hash) ?? false) || (facts?.suppressed.has(job.emailHash) ?? false),
        // The merchant may have extended the absence since the shopper asked.
        sendAt: shop && subscription ? absenceEmailAt(shop.config, absenceId, now) : undefined,
        now,
      });
      return fromVerdict(verdict, () => {
        const { config } = shop as Shop;
        const found = subscription as AbsenceSubscription;
        const unsubscribeUrl = `${settings.publicUrl}/u/${job.token}`;
        const shopUrl = config.recovery.restoreUrl?.shopUrl;
        const rendered = renderAbsenceEmail({
          shopName: config.shopName,
          defaultLocale: config.defaultLocale,
          ...(found.locale ? { locale: found.locale } : {}),
          ...(shopUrl ? { shopUrl } : {}),
          unsubscribeUrl,
        });
        return {
          email: outgoingEmail(settings, config, job, found.email, rendered, unsubscribeUrl),
          rendered,
          to: found.email,
          emailHash: hash,
          configVersion: (shop as Shop).configVersion,
        };
      });
    },
    claim(db, job, payload) {
      return claimForSending(
        db,
        job,
        absenceEmailStillWanted(job.shopId, {
          subscriptionId: job.subjectId,
          emailHash: payload.emailHash,
          configVersion: payload.configVersion,
        }),
      );
    },
    deliver(payload, claim) {
      return deliverEmail(settings.mailer, payload.email, claim);
    },
    record(trx, delivered) {
      return recordSentEmails(trx, settings, delivered);
    },
  };
}
