import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../email/mailer.js';
import { hashEmail } from '../storage/keys.js';
import { reserveAddressCap } from '../storage/address-caps.store.js';
import { listJobsOfEmail } from '../storage/jobs.store.js';
import { insertVerifiedOrder } from '../storage/order-webhook.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../http/test-app.js';
import { decodeQuotedPrintable, startTestSmtp, type TestSmtp } from '../worker/test-fixtures.js';
import { runWorkerBatch } from '../worker/worker.js';

const DAY = 86_400_000;

describeEachDialect('win-back and review request', (database) => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createSmtpMailer({ url: smtp.url, maxConnections: 1 });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  // The worker serves every shop: leave no due job to the next test.
  afterEach(async () => {
    await database()
      .db.updateTable('recovery_jobs')
      .set({ status: 'cancelled' })
      .where('status', '=', 'pending')
      .execute();
  });

  const secret = (t: TestApp) => ({ authorization: `Bearer ${t.shopA.secretKey}` });
  async function configure(t: TestApp, lifecycle: unknown) {
    const config = await (await t.app.request('/v1/admin/config', { headers: secret(t) })).json();
    config.lifecycle = lifecycle;
    const saved = await t.json('PUT', '/v1/admin/config', config, secret(t));
    expect(saved.status).toBe(200);
  }
  async function order(
    t: TestApp,
    email: string,
    orderId: string,
    /** null: no answer. */
    marketingConsent: boolean | null = true,
  ) {
    const created = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      {
        cart: {
          currency: 'EUR',
          subtotal: 1200,
          items: [{ id: '1', title: 'Tea', quantity: 1, unitPrice: 1200 }],
        },
      },
      { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
    );
    const { id: cartId } = (await created.json()) as { id: string };
    const answer = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      {
        cartId,
        orderId,
        total: 1200,
        currency: 'EUR',
        shipping: {
          email,
          address: { line1: '1 rue', city: 'Paris', country: 'FR' },
          locale: 'en',
          methodId: 'standard',
          items: [
            { title: 'Green <tea>', quantity: 1, url: 'https://shop-a.example/p/green-tea' },
            { title: 'Pot', quantity: 1 },
          ],
          ...(marketingConsent === null ? {} : { marketingConsent }),
        },
      },
      secret(t),
    );
    expect(answer.status).toBe(201);
  }
  const jobsOf = async (t: TestApp, email: string) =>
    (await listJobsOfEmail(database().db, t.shopA.shopId, hashEmail(email))).map((job) => ({
      kind: job.kind,
      status: job.status,
      reason: job.reason,
      runAt: job.runAt,
      token: job.token,
    }));
  const worker = (now: Date, relay: Mailer = mailer) => ({
    db: database().db,
    publicUrl: 'https://api.example',
    mailer: relay,
    clock: () => now,
  });
  const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));

  it('sends one win-back N days after the LAST order, with its coupon; a new order stops the first', async () => {
    const t = await createTestApp(database().db);
    await configure(t, { winBack: { enabled: true, delayDays: 30, couponCode: 'COMEBACK' } });
    const t0 = new Date('2026-03-02T09:00:00Z');
    t.setNow(t0);
    await order(t, 'wb.jane@example.com', 'w1');
    await order(t, 'wb.nocons@example.com', 'w2', false);
    expect(await jobsOf(t, 'wb.nocons@example.com')).toEqual([]);
    t.setNow(new Date(t0.getTime() + 10 * DAY));
    await order(t, 'wb.jane@example.com', 'w3');
    const jobs = await jobsOf(t, 'wb.jane@example.com');
    expect(jobs.map((job) => [job.kind, job.status, job.reason])).toEqual([
      ['win-back', 'cancelled', 'new-order'],
      ['win-back', 'pending', null],
    ]);
    expect(jobs[1]!.runAt).toBe(new Date(t0.getTime() + 40 * DAY).toISOString());
    // 30 days after the first order: nothing (the shopper ordered again since).
    await runWorkerBatch(worker(new Date(t0.getTime() + 31 * DAY)));
    expect(mailsTo('wb.jane@example.com')).toHaveLength(0);
    expect(await runWorkerBatch(worker(new Date(t0.getTime() + 40 * DAY + 60_000)))).toMatchObject({
      sent: 1,
    });
    const [mail] = mailsTo('wb.jane@example.com');
    expect(mail?.headers.get('list-unsubscribe')).toBe(`<https://api.example/u/${jobs[1]!.token}>`);
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Its unsubscribe page names what it is about: offers, not a cart.
    const page = await (await t.app.request(`/u/${jobs[1]!.token}`)).text();
    expect(page).toContain(
      'Stop receiving offers to order again and other marketing emails from Shop A?',
    );
    expect(page).not.toContain('cart');
    const raw = decodeQuotedPrintable(mail!.raw);
    expect(raw).toContain('We miss you at Shop A');
    expect(raw).toContain('Use the code COMEBACK on your next order.');
    // She orders again two days later: the stats credit the win-back.
    t.setNow(new Date(t0.getTime() + 42 * DAY));
    await order(t, 'wb.jane@example.com', 'w4');
    const stats = await t.app.request('/v1/admin/stats?from=2026-04-01&to=2026-04-30', {
      headers: secret(t),
    });
    expect(stats.status).toBe(200);
    const { lifecycle } = (await stats.json()) as {
      lifecycle: { flow: string; sent: number; attributedOrders: number | null }[];
    };
    expect(lifecycle).toContainEqual({
      flow: 'win-back',
      sent: 1,
      clicks: 0,
      attributedOrders: 1,
    });
    expect(lifecycle).toContainEqual({
      flow: 'review-request',
      sent: 0,
      clicks: 0,
      attributedOrders: null,
    });
    // She orders once more ten days later: the order two days after the email still counts
    // (the rule of the recovery emails: an order within 7 days after it), the later one does not.
    t.setNow(new Date(t0.getTime() + 52 * DAY));
    await order(t, 'wb.jane@example.com', 'w5');
    const again = await t.app.request('/v1/admin/stats?from=2026-04-01&to=2026-04-30', {
      headers: secret(t),
    });
    const after = (await again.json()) as { lifecycle: { flow: string }[] };
    expect(after.lifecycle.find((row) => row.flow === 'win-back')).toMatchObject({
      attributedOrders: 1,
    });
  });

  it.each([
    ['through the backend with an address', 'backend'],
    ['through a webhook, no address (only the claim sees it)', 'webhook'],
  ] as const)(
    'withholds a win-back whose shopper orders while the worker claims it: %s',
    async (_name, via) => {
      const t = await createTestApp(database().db);
      await configure(t, { winBack: { enabled: true, delayDays: 7 } });
      const t0 = new Date('2026-03-02T09:00:00Z');
      t.setNow(t0);
      await order(t, 'wb.race@example.com', 'r1');
      // A relay that, before answering RCPT TO, lets the shopper order again: the order commits
      // after the worker decided and rendered the email, before its last-moment claim.
      let accepted = 0;
      let ordered = false;
      const relay = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onRcptTo(_address, _session, callback) {
          t.setNow(new Date(t0.getTime() + 7 * DAY + 1000));
          const placed =
            via === 'backend'
              ? order(t, 'wb.race@example.com', 'r2')
              : insertVerifiedOrder(
                  database().db,
                  t.shopA.shopId,
                  {
                    source: 'shopify',
                    orderId: 'r2',
                    cartId: null,
                    total: 900,
                    currency: 'EUR',
                    emailHash: hashEmail('wb.race@example.com'),
                  },
                  new Date(t0.getTime() + 7 * DAY + 1000),
                );
          placed.then(
            () => {
              ordered = true;
              callback();
            },
            (error: Error) => callback(error),
          );
        },
        onData(stream, _session, callback) {
          stream.resume();
          stream.on('end', () => {
            accepted++;
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
      relay.on('error', () => undefined);
      const port = (relay.server.address() as AddressInfo).port;
      const raceMailer = createSmtpMailer({
        url: `smtp://127.0.0.1:${port}?tls=off`,
        maxConnections: 1,
      });
      try {
        const due = new Date(t0.getTime() + 7 * DAY + 1);
        expect(await runWorkerBatch(worker(due, raceMailer))).toMatchObject({
          sent: 0,
          withheld: 1,
        });
        expect(ordered).toBe(true);
        expect(accepted).toBe(0);
        // Decided afresh: the new order stops it for good.
        await runWorkerBatch(worker(new Date(due.getTime() + 2000), raceMailer));
        const jobs = await jobsOf(t, 'wb.race@example.com');
        expect(jobs.map((job) => [job.status, job.reason])).toEqual(
          via === 'backend'
            ? [
                ['cancelled', 'new-order'],
                ['pending', null],
              ]
            : [['cancelled', 'new-order']],
        );
        expect(accepted).toBe(0);
      } finally {
        raceMailer.close();
        await new Promise<void>((resolve) => relay.close(() => resolve()));
      }
    },
  );

  it('shares the frequency cap with the recovery emails and stops every marketing email on unsubscribe', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    await configure(t, {
      winBack: { enabled: true, delayDays: 7 },
      reviewRequest: { enabled: true, daysAfterDelivery: 0 },
    });
    const t0 = new Date('2026-03-02T09:00:00Z');
    t.setNow(t0);
    await order(t, 'wb.cap@example.com', 'c1');
    // Review request: delivery window Wed 4 – Fri 6 Mar, so Fri 6 Mar 10:00 in Paris.
    const review = new Date('2026-03-06T09:00:00Z');
    // A recovery email went to the address an hour before.
    await reserveAddressCap(
      db,
      t.shopA.shopId,
      hashEmail('wb.cap@example.com'),
      'job_recovery',
      new Date(review.getTime() - 3_600_000).toISOString(),
      new Date(0).toISOString(),
    );
    expect(await runWorkerBatch(worker(review))).toMatchObject({ sent: 0, deferred: 1 });
    let jobs = await jobsOf(t, 'wb.cap@example.com');
    const reviewJob = jobs.find((job) => job.kind === 'review-request')!;
    expect([reviewJob.reason, reviewJob.runAt]).toEqual([
      'frequency-cap',
      new Date(review.getTime() + 11 * 3_600_000).toISOString(),
    ]);
    // Once the cap allows it, it goes, with its one-click unsubscribe.
    const later = new Date(review.getTime() + 11 * 3_600_000);
    expect(await runWorkerBatch(worker(later))).toMatchObject({ sent: 1 });
    expect(mailsTo('wb.cap@example.com')).toHaveLength(1);
    const page = await (await t.app.request(`/u/${reviewJob.token}`)).text();
    expect(page).toContain(
      'Stop receiving review requests and other marketing emails from Shop A?',
    );
    // One click on the review request's unsubscribe: the win-back waiting for Mar 9 goes too.
    const unsubscribe = await t.app.request(`/u/${reviewJob.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    jobs = await jobsOf(t, 'wb.cap@example.com');
    expect(jobs.map((job) => [job.kind, job.status, job.reason]).sort()).toEqual([
      ['review-request', 'sent', null],
      ['win-back', 'cancelled', 'unsubscribed'],
    ]);
    await runWorkerBatch(worker(new Date(t0.getTime() + 8 * DAY)));
    expect(mailsTo('wb.cap@example.com')).toHaveLength(1);
  });

  it('sends the review request only after the latest estimated delivery, with a link per product', async () => {
    const t = await createTestApp(database().db);
    await configure(t, { reviewRequest: { enabled: true, daysAfterDelivery: 3 } });
    // Friday 4 Dec 2026, 15:30 in Paris: leaves Monday 7, arrives Wed 9 – Fri 11 (Standard 2–4).
    t.setNow(new Date('2026-12-04T14:30:00Z'));
    await order(t, 'rv.jane@example.com', 'v1');
    const [job] = await jobsOf(t, 'rv.jane@example.com');
    // Three days after Fri 11 Dec: Mon 14 Dec at 10:00 in Paris, not three days after the order.
    expect(job?.runAt).toBe('2026-12-14T09:00:00.000Z');
    expect(await runWorkerBatch(worker(new Date('2026-12-14T08:59:00Z')))).toMatchObject({
      claimed: 0,
    });
    expect(await runWorkerBatch(worker(new Date('2026-12-14T09:00:00Z')))).toMatchObject({
      sent: 1,
    });
    const [mail] = mailsTo('rv.jane@example.com');
    const raw = decodeQuotedPrintable(mail!.raw);
    expect(raw).toContain('How was your order from Shop A?');
    // The product link is tracked: /r/<token>/<line> records the click and redirects.
    expect(raw).toContain(`href="https://api.example/r/${job!.token}/0"`);
    expect(raw).not.toContain('href="https://shop-a.example/p/green-tea"');
    expect(raw).toContain('Review Green &lt;tea&gt;');
    // A line without a product page gets no link.
    expect(raw).not.toContain('Review Pot');
    t.setNow('2026-12-15T10:00:00Z');
    const click = await t.app.request(`/r/${job!.token}/0`);
    expect([click.status, click.headers.get('location')]).toEqual([
      302,
      'https://shop-a.example/p/green-tea',
    ]);
    expect((await t.app.request(`/r/${job!.token}/1`)).status).toBe(404);
    expect((await t.app.request(`/r/${job!.token}/7`)).status).toBe(404);
    const stats = await t.app.request('/v1/admin/stats?from=2026-12-01&to=2026-12-31', {
      headers: secret(t),
    });
    const { lifecycle } = (await stats.json()) as { lifecycle: { flow: string }[] };
    expect(lifecycle.find((row) => row.flow === 'review-request')).toEqual({
      flow: 'review-request',
      sent: 1,
      clicks: 1,
      attributedOrders: null,
    });
  });

  it('tracks the win-back button: /r/<token> records the click and goes to the storefront', async () => {
    const t = await createTestApp(database().db);
    await configure(t, { winBack: { enabled: true, delayDays: 5 } });
    const t0 = new Date('2026-05-04T09:00:00Z');
    t.setNow(t0);
    await order(t, 'wb.click@example.com', 'k1');
    expect(await runWorkerBatch(worker(new Date(t0.getTime() + 5 * DAY + 1000)))).toMatchObject({
      sent: 1,
    });
    const [job] = await jobsOf(t, 'wb.click@example.com');
    const raw = decodeQuotedPrintable(mailsTo('wb.click@example.com')[0]!.raw);
    expect(raw).toContain(`href="https://api.example/r/${job!.token}"`);
    t.setNow(new Date(t0.getTime() + 6 * DAY));
    for (let i = 0; i < 2; i++) {
      const click = await t.app.request(`/r/${job!.token}`);
      expect([click.status, click.headers.get('location')]).toEqual([302, `${ORIGIN_A}/`]);
    }
    const stats = await t.app.request('/v1/admin/stats?from=2026-05-01&to=2026-05-31', {
      headers: secret(t),
    });
    const body = (await stats.json()) as {
      emailsClicked: number;
      lifecycle: { flow: string }[];
    };
    expect(body.lifecycle.find((row) => row.flow === 'win-back')).toMatchObject({ clicks: 2 });
    // The recovery emails' own click count is not inflated by the win-back's.
    expect(body.emailsClicked).toBe(0);
  });

  it('sends review requests without consent only under the soft opt-in, still stopped by unsubscribe', async () => {
    const t = await createTestApp(database().db);
    // Off (the default): an order without consent gets no review request.
    await configure(t, {
      winBack: { enabled: true, delayDays: 30 },
      reviewRequest: { enabled: true, daysAfterDelivery: 0 },
    });
    t.setNow(new Date('2026-03-02T09:00:00Z'));
    await order(t, 'so.off@example.com', 's1', null);
    expect(await jobsOf(t, 'so.off@example.com')).toEqual([]);
    // On: the review request goes (the win-back still needs consent).
    await configure(t, {
      winBack: { enabled: true, delayDays: 30 },
      reviewRequest: { enabled: true, daysAfterDelivery: 0, softOptIn: true },
    });
    await order(t, 'so.on@example.com', 's2', null);
    await order(t, 'so.gone@example.com', 's3', null);
    expect((await jobsOf(t, 'so.on@example.com')).map((job) => job.kind)).toEqual([
      'review-request',
    ]);
    // An explicit no (marketingConsent: false, Shopify's `unsubscribed`) stops even the soft opt-in.
    await order(t, 'so.no@example.com', 's5', false);
    expect(await jobsOf(t, 'so.no@example.com')).toEqual([]);
    // so.gone unsubscribes (from an earlier email of the shop): theirs is cancelled.
    const [gone] = await jobsOf(t, 'so.gone@example.com');
    await database()
      .db.updateTable('recovery_jobs')
      .set({ status: 'sent', sent_at: '2026-03-02T09:00:00.000Z' })
      .where('token', '=', gone!.token)
      .execute();
    const unsubscribe = await t.app.request(`/u/${gone!.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    await order(t, 'so.gone@example.com', 's4', null);
    // Fri 6 Mar at 10:00 in Paris (window Wed 4 – Fri 6).
    expect(await runWorkerBatch(worker(new Date('2026-03-06T09:00:00Z')))).toMatchObject({
      sent: 1,
    });
    const [mail] = mailsTo('so.on@example.com');
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mailsTo('so.gone@example.com')).toHaveLength(0);
    expect((await jobsOf(t, 'so.gone@example.com')).map((job) => job.reason)).toContain(
      'unsubscribed',
    );
  });

  it.each([
    // Fri 20 Mar 2026 15:30 CET, after the cutoff: leaves Mon 23, arrives Wed 25 – Fri 27; two
    // days later is Sun 29 March, the day Paris moves to summer time: 10:00 CEST is 08:00Z.
    ['into summer time', '2026-03-20T14:30:00Z', 2, '2026-03-29T08:00:00.000Z'],
    // Fri 23 Oct 2026 15:30 CEST: leaves Mon 26, arrives Wed 28 – Fri 30; three days later is
    // Mon 2 Nov, after the return to winter time on 25 Oct: 10:00 CET is 09:00Z.
    ['into winter time', '2026-10-23T13:30:00Z', 3, '2026-11-02T09:00:00.000Z'],
  ] as const)(
    'times the review request at 10:00 Paris across a DST change (%s)',
    async (_name, orderedAt, days, due) => {
      const t = await createTestApp(database().db);
      await configure(t, { reviewRequest: { enabled: true, daysAfterDelivery: days } });
      t.setNow(orderedAt);
      const email = `rv.dst.${days}@example.com`;
      await order(t, email, `dst-${days}`);
      const [job] = await jobsOf(t, email);
      expect(job?.runAt).toBe(due);
      const at = new Date(due);
      expect(await runWorkerBatch(worker(new Date(at.getTime() - 60_000)))).toMatchObject({
        claimed: 0,
      });
      expect(await runWorkerBatch(worker(at))).toMatchObject({ sent: 1 });
      expect(mailsTo(email)).toHaveLength(1);
    },
  );
});
