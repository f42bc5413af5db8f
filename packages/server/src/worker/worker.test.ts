import type { ShopConfig } from '@comptoir/sdk';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createOutboxMailer, createSmtpMailer, type Mailer } from '../email/mailer.js';
import { generateId, generateToken, hashEmail } from '../storage/keys.js';
import { findCart, markCartConverted, updateCart, type StoredCart } from '../storage/cart.store.js';
import { listOutbox, suppressEmail } from '../storage/emails.store.js';
import { insertJobs, listJobsOfSubject } from '../storage/jobs.store.js';
import { updateShopConfig } from '../storage/shop.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import {
  eraseRecoveryData,
  scheduleRecoveries,
  stopRecoveryForOrder,
  subscribeToAbsence,
} from './scheduler.js';
import {
  decodeQuotedPrintable,
  seedCart,
  seedShop,
  startTestSmtp,
  type TestSmtp,
} from './test-fixtures.js';
import { runWorkerBatch, type WorkerOptions } from './worker.js';

const start = new Date('2026-03-10T10:00:00Z');
const oneStep = (delaySeconds = 60) => [
  {
    delaySeconds,
    subject: { en: 'Your cart at {shopName}' },
    body: { en: 'Come back to {shopName}.' },
  },
];

describeEachDialect('recovery worker', (database) => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  let now = start;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ url: smtp.url, maxConnections: 2 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  afterEach(async () => {
    smtp.received.length = 0;
    smtp.respond = () => undefined;
    now = start;
    await database()
      .db.updateTable('recovery_jobs')
      .set({ status: 'cancelled' })
      .where('status', '=', 'pending')
      .execute();
  });

  const options = (overrides: Partial<WorkerOptions> = {}): WorkerOptions => ({
    db: database().db,
    publicUrl: 'https://api.example',
    mailer,
    clock: () => now,
    random: () => 0,
    ...overrides,
  });
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  it('sends each step once with both parts and the one-click unsubscribe headers', async () => {
    const shop = await seedShop(database().db, now, { steps: oneStep() });
    const hostile = '<script>alert(1)</script> & "Tea"';
    const cart = await seedCart(database().db, shop, now, {
      email: 'jane@example.com',
      title: hostile,
    });
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 0 });
    advance(61);
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, sent: 1 });
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    const [job] = await listJobsOfSubject(database().db, shop.shopId, cart.id);
    expect(job).toMatchObject({ status: 'sent', step: 0 });
    expect(mail.to).toEqual(['jane@example.com']);
    expect(mail.headers.get('message-id')).toBe(`<${job!.id}@api.example>`);
    expect(mail.headers.get('list-unsubscribe')).toBe(`<https://api.example/u/${job!.token}>`);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers.get('subject')).toBe('Your cart at Atelier <Test>');
    expect(mail.raw).toContain('Content-Type: text/plain');
    expect(mail.raw).toContain('Content-Type: text/html');
    const [textPart, htmlPart] = decodeQuotedPrintable(mail.raw).split('Content-Type: text/html');
    expect(htmlPart).not.toContain('<script>');
    expect(htmlPart).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tea&quot;');
    expect(textPart).toContain(`- ${hostile} (Qty 2)`);
    const body = textPart! + htmlPart!;
    expect(body).toContain(`https://api.example/r/${job!.token}`);
    expect((await findCart(database().db, shop.shopId, cart.id))?.recoveryEmailAt).toBe(
      now.toISOString(),
    );
  });

  it('sends from the address it is given, else no-reply@ the public host; MAIL_FROM is not its to read', async () => {
    // server.ts reads MAIL_FROM with the other settings and passes it as fromAddress.
    vi.stubEnv('MAIL_FROM', 'environment@elsewhere.example');
    try {
      const shop = await seedShop(database().db, now, { steps: oneStep() });
      await seedCart(database().db, shop, now);
      advance(61);
      expect(await runWorkerBatch(options())).toMatchObject({ sent: 1 });
      await seedCart(database().db, shop, now, { email: 'other@example.com' });
      advance(61);
      expect(await runWorkerBatch(options({ fromAddress: 'boutique@shop.example' }))).toMatchObject(
        { sent: 1 },
      );
      expect(smtp.received.map((mail) => mail.from)).toEqual([
        'no-reply@api.example',
        'boutique@shop.example',
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('loses nothing while the SMTP server is down, and sends everything once when it is back', async () => {
    const shop = await seedShop(database().db, now, { steps: oneStep() });
    const carts = await Promise.all([1, 2, 3].map(() => seedCart(database().db, shop, now)));
    const down = await startTestSmtp();
    const port = down.port;
    await down.close();
    const refused = createSmtpMailer({ url: `smtp://127.0.0.1:${port}?tls=off` });
    advance(61);
    expect(await runWorkerBatch(options({ mailer: refused }))).toMatchObject({
      claimed: 3,
      retried: 3,
    });
    expect(await runWorkerBatch(options({ mailer: refused }))).toMatchObject({ claimed: 0 });
    advance(31);
    expect(await runWorkerBatch(options({ mailer: refused }))).toMatchObject({
      claimed: 3,
      retried: 3,
    });
    const back = await startTestSmtp(port);
    advance(61);
    expect(await runWorkerBatch(options({ mailer: refused }))).toMatchObject({
      claimed: 3,
      sent: 3,
    });
    advance(3600);
    expect(await runWorkerBatch(options({ mailer: refused }))).toMatchObject({ claimed: 0 });
    expect(back.received.map((mail) => mail.to[0]).sort()).toEqual(
      carts.map((cart) => cart.email).sort(),
    );
    refused.close();
    await back.close();
  });

  it('retries after a 4xx and records a 5xx as a permanent failure', async () => {
    const shop = await seedShop(database().db, now, { steps: oneStep() });
    const deferred = await seedCart(database().db, shop, now, { email: 'later@example.com' });
    const refused = await seedCart(database().db, shop, now, { email: 'nobody@example.com' });
    let tries = 0;
    smtp.respond = (mail) => {
      if (mail.to[0] === 'nobody@example.com') return [550, 'No such user'];
      return tries++ === 0 ? [451, 'Try again later'] : undefined;
    };
    advance(61);
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 2, retried: 1, failed: 1 });
    const [failed] = await listJobsOfSubject(database().db, shop.shopId, refused.id);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed!.reason).toContain('550');
    const [waiting] = await listJobsOfSubject(database().db, shop.shopId, deferred.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.reason).toContain('451');
    advance(30);
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['later@example.com']);
  });

  it('re-checks every stop condition just before sending', async () => {
    const { db } = database();
    const shop = await seedShop(db, now, { steps: oneStep() });
    const ordered = await seedCart(db, shop, now);
    const unsubscribed = await seedCart(db, shop, now);
    const emptied = await seedCart(db, shop, now);
    const withdrawn = await seedCart(db, shop, now);
    const kept = await seedCart(db, shop, now);
    const order = {
      status: 'converted' as const,
      orderId: 'o1',
      total: 2400,
      currency: 'EUR',
      at: now,
    };
    await markCartConverted(db, shop.shopId, ordered.id, order);
    await suppressEmail(
      db,
      shop.shopId,
      unsubscribed.emailHash!,
      'unsubscribed',
      now.toISOString(),
    );
    const contents = (cart: StoredCart) => ({
      platformCartId: null,
      currency: cart.currency,
      country: cart.country,
      subtotal: cart.subtotal,
      items: cart.items,
      email: cart.email,
      emailHash: cart.emailHash,
      consent: cart.consent,
      locale: cart.locale,
    });
    await updateCart(db, emptied, { ...contents(emptied), items: [], subtotal: 0 }, now);
    await updateCart(
      db,
      withdrawn,
      {
        ...contents(withdrawn),
        consent: { granted: false, text: 'Email me my cart', at: now.toISOString() },
      },
      now,
    );
    advance(61);
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 5, sent: 1, cancelled: 4 });
    expect(smtp.received.map((mail) => mail.to[0])).toEqual([kept.email]);
    const reasons = await Promise.all(
      [ordered, unsubscribed, emptied, withdrawn].map(
        async (cart) => (await listJobsOfSubject(db, shop.shopId, cart.id))[0]?.reason,
      ),
    );
    expect(reasons).toEqual([
      'order-completed',
      'unsubscribed',
      'cart-emptied',
      'consent-withdrawn',
    ]);
  });

  it('waits for the new end of an absence the merchant extended after the shopper asked', async () => {
    const { db } = database();
    const shop = await seedShop(db, now);
    const withAbsence = (end: string): ShopConfig => ({
      ...shop.config,
      calendar: {
        ...shop.config.calendar,
        absences: [{ id: 'spring', start: '2026-03-09', end }],
      },
    });
    await updateShopConfig(db, shop.shopId, withAbsence('2026-03-13'), undefined, now);
    const subscribed = await db.transaction().execute((trx) =>
      subscribeToAbsence(
        trx,
        shop.shopId,
        withAbsence('2026-03-13'),
        {
          email: 'jane@example.com',
          emailHash: hashEmail('jane@example.com'),
          consentText: 'Tell me',
          absenceId: 'spring',
        },
        now,
      ),
    );
    expect(subscribed?.sendAt).toBe('2026-03-16T09:00:00.000Z');
    await updateShopConfig(db, shop.shopId, withAbsence('2026-03-20'), undefined, now);

    now = new Date('2026-03-16T09:00:00Z');
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, deferred: 1, sent: 0 });
    const [job] = await listJobsOfSubject(db, shop.shopId, subscribed!.id);
    expect(job).toMatchObject({ reason: 'absence-extended', runAt: '2026-03-23T09:00:00.000Z' });
    expect(smtp.received).toHaveLength(0);
    now = new Date('2026-03-23T09:00:00Z');
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('caps emails per address and waits out quiet hours in the shop time zone', async () => {
    const { db } = database();
    const shop = await seedShop(db, now, {
      steps: [...oneStep(60), ...oneStep(120)],
      quietHours: { start: '22:00', end: '07:00' },
    });
    const cart = await seedCart(db, shop, now);
    advance(121);
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 2, sent: 1, deferred: 1 });
    const [, capped] = await listJobsOfSubject(db, shop.shopId, cart.id);
    expect(capped).toMatchObject({ status: 'pending', reason: 'frequency-cap', attempts: 0 });
    expect(capped!.runAt).toBe(new Date(now.getTime() + 12 * 3_600_000).toISOString());
    now = new Date(capped!.runAt); // 22:02 UTC: inside the quiet hours
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, deferred: 1 });
    const [, quiet] = await listJobsOfSubject(db, shop.shopId, cart.id);
    expect(quiet).toMatchObject({ reason: 'quiet-hours', runAt: '2026-03-11T07:00:00.000Z' });
    now = new Date('2026-03-11T07:00:00Z');
    expect(await runWorkerBatch(options())).toMatchObject({ claimed: 1, sent: 1 });
  });

  it('keeps mail in the local outbox without SMTP, and credits the step of a recovered order', async () => {
    const { db } = database();
    const shop = await seedShop(db, now, { steps: oneStep() });
    const cart = await seedCart(db, shop, now);
    await db
      .transaction()
      .execute((trx) => scheduleRecoveries(trx, shop.shopId, [cart], shop.config, () => now));
    advance(61);
    expect(await runWorkerBatch(options({ mailer: createOutboxMailer() }))).toMatchObject({
      sent: 1,
    });
    const [email] = await listOutbox(db, shop.shopId, 10);
    expect(email).toMatchObject({ transport: 'outbox', to: cart.email, step: 0 });
    expect(email!.html).toContain('Linen apron');
    expect(email!.text).toContain('Linen apron');
    const order = {
      status: 'recovered' as const,
      orderId: 'o2',
      total: 2400,
      currency: 'EUR',
      at: now,
    };
    await markCartConverted(db, shop.shopId, cart.id, order);
    await db
      .transaction()
      .execute(async (trx) =>
        stopRecoveryForOrder(trx, (await findCart(trx, shop.shopId, cart.id))!, now),
      );
    const sequence = await db
      .selectFrom('recovery_sequences')
      .selectAll()
      .where('cart_id', '=', cart.id)
      .executeTakeFirst();
    expect(sequence).toMatchObject({ arm: 'email', recovered_step: 0 });
    expect(hashEmail(cart.email!)).toBe(sequence!.email_hash);
  });

  it('caps an address across concurrent workers: two carts, one address, one email', async () => {
    const { db } = database();
    const shop = await seedShop(db, now, { steps: oneStep() });
    const first = await seedCart(db, shop, now, { email: 'race@example.com' });
    const second = await seedCart(db, shop, now, { email: 'race@example.com' });
    // One sequence per address: give the second cart a due job by hand, as an older schedule would.
    const [job] = await listJobsOfSubject(db, shop.shopId, first.id);
    await insertJobs(db, shop.shopId, [
      {
        id: generateId('job'),
        kind: 'recovery',
        subjectId: second.id,
        step: 0,
        content: job!.content,
        emailHash: job!.emailHash,
        runAt: job!.runAt,
        token: generateToken(),
        createdAt: job!.createdAt,
      },
    ]);
    advance(61);
    // Two workers (each its own lease owner), each claiming one of the two jobs at the same instant.
    const results = await Promise.all([
      runWorkerBatch(options({ batchSize: 1 })),
      runWorkerBatch(options({ batchSize: 1 })),
    ]);
    expect(results.map((result) => result.claimed)).toEqual([1, 1]);
    expect(results.map((result) => result.sent + result.deferred)).toEqual([1, 1]);
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['race@example.com']);
    const jobs = [
      ...(await listJobsOfSubject(db, shop.shopId, first.id)),
      ...(await listJobsOfSubject(db, shop.shopId, second.id)),
    ];
    expect(jobs.map((one) => one.status).sort()).toEqual(['pending', 'sent']);
    const capped = jobs.find((one) => one.status === 'pending');
    expect(capped).toMatchObject({ reason: 'frequency-cap', attempts: 0 });
    expect(capped!.runAt).toBe(new Date(now.getTime() + 12 * 3_600_000).toISOString());
    // GDPR erasure forgets the address's cap too.
    await db.transaction().execute((trx) => eraseRecoveryData(trx, shop.shopId, job!.emailHash));
    const caps = await db
      .selectFrom('recovery_address_caps')
      .selectAll()
      .where('shop_id', '=', shop.shopId)
      .execute();
    expect(caps).toEqual([]);
  });

  it('gives a second cart of the same address no second sequence, and honours the holdout', async () => {
    const { db } = database();
    const shop = await seedShop(db, now, { steps: oneStep() });
    const first = await seedCart(db, shop, now, { email: 'twice@example.com' });
    const second = await seedCart(db, shop, now, { email: 'twice@example.com' });
    expect(await listJobsOfSubject(db, shop.shopId, first.id)).toHaveLength(1);
    expect(await listJobsOfSubject(db, shop.shopId, second.id)).toHaveLength(0);
    const held = await seedShop(db, now, { steps: oneStep(), holdoutPercent: 50 });
    const carts = await Promise.all(Array.from({ length: 20 }, () => seedCart(db, held, now)));
    const arms = await db
      .selectFrom('recovery_sequences')
      .select('arm')
      .where('shop_id', '=', held.shopId)
      .execute();
    const holdout = arms.filter((row) => row.arm === 'holdout').length;
    expect(holdout).toBeGreaterThan(0);
    expect(holdout).toBeLessThan(carts.length);
  });
});
