import { Hono } from 'hono';
import { ShopperRequest, ShopperErased, ShopperExport } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { hashEmail } from '../../../storage/keys.js';
import { jsonBody } from '../../middleware/json-body.js';
import { eraseShopperFromCarts, findCartsByEmailHash } from '../../../storage/cart.store.js';
import { eraseShopperFromVerifiedOrders } from '../../../storage/order-webhook.store.js';
import { eraseAddressFromMessages } from '../../../storage/webhook.store.js';
import { listEmailsOfEmail } from '../../../storage/emails.store.js';
import { listJobsOfEmail } from '../../../storage/jobs.store.js';
import type { Db } from '../../../storage/database.js';
import { inRetriedTransaction } from '../../../storage/transaction-retry.js';
import { eraseRecoveryData } from '../../../worker/scheduler.js';
import { sendEvent } from '../../../webhooks/events.js';
import { toAdminCart } from './carts.js';
import { describeAdminRoutes } from '../openapi.js';

/** What the recovery emails hold about one shopper: the emails sent and the jobs scheduled. */
async function recoveryDataOf(db: Db, shopId: string, emailHash: string) {
  const jobs = await listJobsOfEmail(db, shopId, emailHash);
  const emails = await listEmailsOfEmail(db, shopId, emailHash);
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
}

/**
 * One shopper's data, by email (GDPR): `POST /export` answers everything stored about them;
 * `POST /erase` removes it and cancels their pending emails.
 */
export const adminShoppers = new Hono<AppEnv>()
  .post('/export', jsonBody(ShopperRequest), async (c) => {
    const { db } = c.get('deps');
    const shop = c.get('shop');
    const { email } = c.req.valid('json');
    const emailHash = hashEmail(email);
    const carts = await findCartsByEmailHash(db, shop.id, emailHash);
    const extra = await recoveryDataOf(db, shop.id, emailHash);
    return c.json({ email, carts: carts.map(toAdminCart), extra });
  })
  .post('/erase', jsonBody(ShopperRequest), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const { email } = c.req.valid('json');
    const emailHash = hashEmail(email);
    const now = clock();
    // Carts first, then the jobs: the server's one lock order (the worker records a send in that
    // order; the other way round, the two deadlock on PostgreSQL). Deadlocks are retried anyway.
    const cartsErased = await inRetriedTransaction(db, async (trx) => {
      // A mailing list downstream may hold the address only if the shopper consented.
      const carts = await findCartsByEmailHash(trx, shop.id, emailHash);
      const consented = carts.some((cart) => cart.consent?.granted);
      // Events already queued or sent carry the address as the carts held it.
      await eraseAddressFromMessages(trx, shop.id, [
        email.trim(),
        email.trim().toLowerCase(),
        ...carts.flatMap((cart) => (cart.email ? [cart.email] : [])),
      ]);
      const erased = await eraseShopperFromCarts(trx, shop.id, emailHash, now);
      await eraseRecoveryData(trx, shop.id, emailHash);
      await eraseShopperFromVerifiedOrders(trx, shop.id, emailHash);
      await sendEvent(
        trx,
        shop.id,
        {
          type: 'shopper.erased',
          timestamp: now.toISOString(),
          data: {
            shopId: shop.id,
            email: consented ? email.trim() : null,
            emailHash,
            erasedAt: now.toISOString(),
          },
        },
        `shopper.erased:${emailHash}:${now.toISOString()}`,
        now,
      );
      return erased;
    });
    return c.json({ email, cartsErased });
  });

describeAdminRoutes(adminShoppers, {
  'POST /export': {
    summary: 'Everything stored about one shopper (GDPR)',
    status: 200,
    answer: ShopperExport,
  },
  'POST /erase': {
    summary: "Erase one shopper's data (GDPR)",
    status: 200,
    answer: ShopperErased,
  },
});
