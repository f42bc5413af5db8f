import { createMailer, type Mailer } from '../email/mailer.js';
import type { ServerPlugin } from '../plugins.js';
import { absenceSubscriptions } from '../routes/public/absence-subscriptions.js';
import { restoreLinks, unsubscribeLinks } from '../routes/public/recovery-links.js';
import { adminOutbox } from '../routes/admin/outbox.js';
import { adminRecovery } from '../routes/admin/recovery.js';
import { countClicks, countEmailsSent, listEmailsOfEmail } from '../storage/emails.store.js';
import { listJobsOfEmail } from '../storage/jobs.store.js';
import {
  eraseRecoveryData,
  rescheduleAbsenceEmails,
  scheduleRecovery,
  stopRecoveryForOrder,
} from './scheduler.js';
import { startWorker } from './worker.js';

let sharedMailer: Mailer | undefined;

// The admin test send uses the same transport the worker would (`SMTP_URL`, else the outbox).
function mailer(): Mailer {
  sharedMailer ??= createMailer(process.env.SMTP_URL);
  return sharedMailer;
}

/**
 * The recovery emails as a server plugin: their routes, the hooks that schedule and stop
 * sequences inside the API's transactions, GDPR export and erasure, stats, and the worker.
 */
export const recoveryPlugin: ServerPlugin = {
  name: 'recovery-emails',
  routes(app) {
    app.route('/r', restoreLinks);
    app.route('/u', unsubscribeLinks);
    app.route('/v1/shops/:shop/absence-subscriptions', absenceSubscriptions);
    app.route('/v1/admin/outbox', adminOutbox);
    app.route('/v1/admin/recovery', adminRecovery(mailer));
  },
  async cartCaptured({ trx, cart, config, now }) {
    await scheduleRecovery(trx, cart, config, now);
  },
  async configSaved({ trx, shop, config, now }) {
    await rescheduleAbsenceEmails(trx, shop.id, config, now);
  },
  async orderCompleted({ trx, cart, now }) {
    await stopRecoveryForOrder(trx, cart, now);
  },
  async exportShopper({ trx, shop, emailHash }) {
    const jobs = await listJobsOfEmail(trx, shop.id, emailHash);
    const emails = await listEmailsOfEmail(trx, shop.id, emailHash);
    return {
      recoveryEmails: emails.map((email) => ({
        kind: email.kind,
        step: email.step,
        to: email.to,
        subject: email.subject,
        sentAt: email.createdAt,
      })),
      recoveryJobs: jobs.map((job) => ({
        kind: job.kind,
        step: job.step,
        status: job.status,
        runAt: job.runAt,
        reason: job.reason,
      })),
    };
  },
  async eraseShopper({ trx, shop, emailHash }) {
    await eraseRecoveryData(trx, shop.id, emailHash);
  },
  async stats({ db, shop, from, to }) {
    return {
      emailsSent: await countEmailsSent(db, shop.id, from, to),
      emailsClicked: await countClicks(db, shop.id, from, to),
    };
  },
  async start({ db, logger, clock, publicUrl, smtpUrl }) {
    const transport = createMailer(smtpUrl);
    const running = startWorker({ db, logger, clock, publicUrl, mailer: transport });
    return async () => {
      await running.stop();
      transport.close();
    };
  },
};
