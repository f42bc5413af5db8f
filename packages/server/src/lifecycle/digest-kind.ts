import { weekdayOf } from '@comptoir/sdk/calendar';
import type { OutgoingEmail } from '../email/mailer.js';
import type { RenderedEmail } from '../email/render.js';
import { generateId, hashEmail } from '../storage/keys.js';
import { insertEmails } from '../storage/emails.store.js';
import { claimForSending, configUnchanged, markJobsDelivered } from '../storage/jobs.store.js';
import type { Shop } from '../storage/shop.store.js';
import type { EmailKindSettings } from '../worker/email-kinds.js';
import { deliverEmail } from '../worker/deliver-email.js';
import { messageIdOf } from '../worker/ids.js';
import type { JobKindHandler } from '../worker/job-kind.js';
import { digestFacts, type DigestFacts } from './digest-facts.js';
import { digestInstant, digestSettings, scheduleDigest } from './digest-schedule.js';
import { renderDigest } from './render-digest.js';

/** A rendered digest and what its claim checks again. */
export interface DigestPayload {
  email: OutgoingEmail;
  rendered: RenderedEmail;
  configVersion: number;
  shop: Shop;
}

/**
 * The merchant's weekly digest: one job per (shop, week) by its unique key `dig:<shop>:<date>`,
 * so two workers (or two config saves) never make two; the queue's lease and last-moment claim
 * send it once. The send time is read again from the config when the job is decided (the day or
 * hour may have changed), in the shop's time zone across DST. Sending it schedules the next week's.
 */
export function digestKind(
  settings: EmailKindSettings,
): JobKindHandler<Map<string, DigestFacts>, DigestPayload> {
  return {
    kind: 'digest',
    async load(db, shop, jobs, now) {
      const facts = new Map<string, DigestFacts>();
      if (!digestSettings(shop.config)) return facts;
      for (const job of jobs) {
        const { sendDate } = JSON.parse(job.content) as { sendDate: string };
        facts.set(job.id, await digestFacts(db, shop.id, shop.config, sendDate, now));
      }
      return facts;
    },
    decide(job, shop, facts, now) {
      if (!shop) return { action: 'cancel', reason: 'shop-deleted' };
      const digest = digestSettings(shop.config);
      if (!digest) return { action: 'cancel', reason: 'digest-disabled' };
      const { sendDate } = JSON.parse(job.content) as { sendDate: string };
      // The merchant moved the digest to another day: that day's job replaces this one.
      if (weekdayOf(sendDate) !== (digest.weekday ?? 'mon'))
        return { action: 'cancel', reason: 'digest-rescheduled' };
      const due = digestInstant(shop.config, sendDate);
      if (due.getTime() > now.getTime())
        return { action: 'defer', until: due, reason: 'digest-hour' };
      const found = facts?.get(job.id);
      if (!found) return { action: 'cancel', reason: 'digest-disabled' };
      const { config } = shop;
      const rendered = renderDigest({
        shopName: config.shopName,
        locale: config.defaultLocale,
        currency: config.currency,
        timeZone: config.calendar.timeZone,
        facts: found,
      });
      return {
        action: 'send',
        payload: {
          email: {
            from: `"Comptoir" <${settings.fromAddress}>`,
            to: digest.to,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            messageId: messageIdOf(job.id, settings.publicUrl),
            headers: { 'Auto-Submitted': 'auto-generated' },
          },
          rendered,
          configVersion: shop.configVersion,
          shop,
        },
      };
    },
    claim(db, job, payload) {
      return claimForSending(db, job, (eb) =>
        configUnchanged(eb, job.shopId, payload.configVersion),
      );
    },
    deliver(payload, claim) {
      return deliverEmail(settings.mailer, payload.email, claim);
    },
    async record(trx, delivered) {
      const at = delivered.reduce((last, { at }) => (at > last ? at : last), new Date(0));
      await markJobsDelivered(
        trx,
        delivered.map(({ job }) => job.id),
        at.toISOString(),
      );
      const outbox = settings.mailer.transport === 'outbox';
      await insertEmails(
        trx,
        delivered.map(({ job, payload, at: acceptedAt }) => ({
          shopId: job.shopId,
          email: {
            id: generateId('eml'),
            jobId: job.id,
            kind: job.kind,
            subjectId: job.subjectId,
            step: job.step,
            to: payload.email.to,
            emailHash: hashEmail(payload.email.to),
            subject: payload.rendered.subject,
            html: outbox ? payload.rendered.html : null,
            text: outbox ? payload.rendered.text : null,
            messageId: payload.email.messageId,
            transport: settings.mailer.transport,
            createdAt: acceptedAt.toISOString(),
          },
        })),
      );
      // The next week's, once per (shop, week) whatever else schedules it.
      for (const { job, payload, at: acceptedAt } of delivered) {
        const { sendDate } = JSON.parse(job.content) as { sendDate: string };
        const after = new Date(
          Math.max(acceptedAt.getTime(), digestInstant(payload.shop.config, sendDate).getTime()),
        );
        await scheduleDigest(trx, job.shopId, payload.shop.config, after);
      }
    },
  };
}
