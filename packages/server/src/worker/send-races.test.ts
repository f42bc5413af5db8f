import { afterEach, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '../email/mailer.js';
import { countEmailsSent } from '../storage/emails.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../http/test-app.js';
import { seedDueJobs, startTestSmtp, type TestSmtp } from './test-fixtures.js';
import { startWorker, type RunningWorker } from './worker.js';

// The races of issue 11, with the real pieces: the order and unsubscribe routes of the app, the
// worker loop, a pooled nodemailer transport and an smtp-server relay, all in this process.

/** Polls `done` every 20 ms until it holds; fails after `timeoutMs`. */
async function eventually(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`Not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDialect('sends racing orders and unsubscribes', (database) => {
  let smtp: TestSmtp | undefined;
  let mailer: Mailer | undefined;
  let worker: RunningWorker | undefined;

  afterEach(async () => {
    await worker?.stop();
    mailer?.close();
    await smtp?.close();
    worker = undefined;
    mailer = undefined;
    smtp = undefined;
  });

  async function setUp(carts: number, delayMs: number) {
    const { db } = database();
    const t = await createTestApp(db);
    const shopId = t.shopA.shopId;
    const jobIds = await seedDueJobs(db, { shopId }, carts, new Date(Date.now() - 60_000));
    const rows = await db
      .selectFrom('carts')
      .innerJoin('recovery_jobs', 'recovery_jobs.subject_id', 'carts.id')
      .select(['carts.id as cartId', 'carts.email', 'recovery_jobs.token'])
      .where('carts.shop_id', '=', shopId)
      .execute();
    const relay = await startTestSmtp();
    relay.delayMs = delayMs;
    smtp = relay;
    mailer = createSmtpMailer({ url: relay.url, maxConnections: 10 });
    return { db, t, shopId, jobIds, carts: rows.map((row) => ({ ...row, email: row.email! })) };
  }

  function order(t: TestApp, shopId: string, cartId: string) {
    return t.json(
      'POST',
      `/v1/shops/${shopId}/orders`,
      { cartId, orderId: `ord_${cartId}`, total: 2400, currency: 'EUR' },
      { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A },
    );
  }

  function start(db: ReturnType<typeof database>['db'], overrides = {}) {
    worker = startWorker({
      db,
      publicUrl: 'https://api.example',
      mailer: mailer!,
      pollMs: 20,
      ...overrides,
    });
  }

  async function drained(db: ReturnType<typeof database>['db'], shopId: string) {
    const row = await db
      .selectFrom('recovery_jobs')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('status', 'not in', ['sent', 'cancelled', 'failed'])
      .executeTakeFirst();
    return row === undefined;
  }

  async function recorded(db: ReturnType<typeof database>['db'], shopId: string) {
    const emails = await db
      .selectFrom('recovery_emails')
      .select(['to_address', 'message_id'])
      .where('shop_id', '=', shopId)
      .execute();
    const sentJobs = await db
      .selectFrom('recovery_jobs')
      .select(['id', 'attempts'])
      .where('shop_id', '=', shopId)
      .where('status', '=', 'sent')
      .execute();
    const stats = await countEmailsSent(db, shopId, '2000-01-01', '2100-01-01');
    return { emails, sentJobs, stats };
  }

  it('never starts an email after its cart’s order was answered 201 (slow relay)', async () => {
    const { db, t, shopId, carts } = await setUp(40, 500);
    const relay = smtp!;
    const firstAccepted = new Promise<void>((resolve) => {
      relay.respond = () => {
        resolve();
        return undefined;
      };
    });
    start(db);
    await firstAccepted;
    const answeredAt = new Map<string, number>();
    const statuses = await Promise.all(
      carts.map(async (cart) => {
        const response = await order(t, shopId, cart.cartId);
        answeredAt.set(cart.email, performance.now());
        return response.status;
      }),
    );
    expect(statuses.every((status) => status === 201)).toBe(true);
    await eventually(() => drained(db, shopId));
    // Let the worker finish what it had started: whatever it still sends counts.
    await worker?.stop();
    const late = relay.received.filter(
      (mail) => mail.mailFromAt > (answeredAt.get(mail.to[0] ?? '') ?? Infinity),
    );
    expect(late.map((mail) => mail.to[0])).toEqual([]);
    // And what went out is recorded, once each.
    const { emails, stats } = await recorded(db, shopId);
    expect(relay.received.length).toBeGreaterThan(0);
    expect(emails.length).toBe(relay.received.length);
    expect(stats).toBe(relay.received.length);
  }, 30_000);

  it('never starts an email after its cart’s order was answered 201 (fast relay, orders during a drain)', async () => {
    const { db, t, shopId, carts } = await setUp(600, 0);
    const relay = smtp!;
    // Orders for carts picked all over the queue, one each time ten more emails are accepted.
    const ordered = carts.filter((_, index) => index % 10 === 7);
    const answeredAt = new Map<string, number>();
    const orders: Promise<number>[] = [];
    relay.respond = () => {
      const next = ordered[orders.length];
      if (relay.received.length % 10 === 0 && next) {
        orders.push(
          order(t, shopId, next.cartId).then((response) => {
            answeredAt.set(next.email, performance.now());
            return response.status;
          }),
        );
      }
      return undefined;
    };
    start(db, { batchSize: 100 });
    await eventually(() => drained(db, shopId));
    await worker?.stop();
    const statuses = await Promise.all(orders);
    expect(statuses.length).toBeGreaterThan(30);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const late = relay.received.filter(
      (mail) => mail.mailFromAt > (answeredAt.get(mail.to[0] ?? '') ?? Infinity),
    );
    expect(late.map((mail) => mail.to[0])).toEqual([]);
    const { emails, stats } = await recorded(db, shopId);
    expect(emails.length).toBe(relay.received.length);
    expect(stats).toBe(relay.received.length);
  }, 60_000);

  it('aborts the SMTP transaction of an email whose cart was ordered after its MAIL FROM, before its claim', async () => {
    const { db, t, shopId, carts } = await setUp(2, 0);
    const relay = smtp!;
    const [first, second] = carts;
    const transport = mailer!;
    // The order lands inside the first email's SMTP transaction: after the relay answered DATA,
    // just before the worker's last-moment claim.
    const racing: Mailer = {
      transport: 'smtp',
      send: (email, options) =>
        transport.send(email, {
          beforeData: async () => {
            if (email.to === first!.email) {
              expect((await order(t, shopId, first!.cartId)).status).toBe(201);
            }
            return (await options?.beforeData?.()) ?? true;
          },
        }),
      close: () => transport.close(),
    };
    worker = startWorker({ db, publicUrl: 'https://api.example', mailer: racing, pollMs: 20 });
    await eventually(() => drained(db, shopId));
    await worker.stop();
    // The relay saw the first transaction begin and end without a message; the second went out.
    expect(relay.received.map((mail) => mail.to[0])).toEqual([second!.email]);
    // The relay counts the abort when it sees the closed socket, which can come after the worker
    // has recorded the cancellation and stopped.
    await expect.poll(() => relay.aborted).toBe(1);
    const jobs = await db
      .selectFrom('recovery_jobs')
      .select(['subject_id', 'status', 'reason'])
      .where('shop_id', '=', shopId)
      .execute();
    expect(jobs.find((job) => job.subject_id === first!.cartId)).toMatchObject({
      status: 'cancelled',
      reason: 'order-completed',
    });
    const { emails } = await recorded(db, shopId);
    expect(emails.map((email) => email.to_address)).toEqual([second!.email]);
  }, 30_000);

  it('records every email the relay accepted, when the cart is ordered or erased while it is on the wire', async () => {
    const { db, t, shopId, carts } = await setUp(50, 150);
    const relay = smtp!;
    const byEmail = new Map(carts.map((cart, index) => [cart.email, { ...cart, index }]));
    const reactions: Promise<Response>[] = [];
    const erased = new Set<string>();
    relay.onMessageBytes = (to) => {
      const cart = byEmail.get(to[0] ?? '');
      if (!cart) return;
      // While their email is being transferred, 4 in 5 shoppers order; the others are erased.
      if (cart.index % 5 === 4) {
        erased.add(cart.email);
        reactions.push(
          t.json(
            'POST',
            '/v1/admin/shoppers/erase',
            { email: cart.email },
            { authorization: `Bearer ${t.shopA.secretKey}` },
          ),
        );
      } else reactions.push(order(t, shopId, cart.cartId));
    };
    start(db);
    await eventually(() => drained(db, shopId));
    await worker?.stop();
    const statuses = await Promise.all(reactions.map(async (response) => (await response).status));
    expect(statuses.filter((status) => status >= 300)).toEqual([]);
    expect(erased.size).toBe(10);
    const { emails, sentJobs, stats } = await recorded(db, shopId);
    expect(relay.received.length).toBe(50);
    expect(emails.length).toBe(relay.received.length);
    expect(stats).toBe(relay.received.length);
    // The erased shoppers' jobs are gone, and their rows keep no address.
    expect(sentJobs.length).toBe(40);
    expect(new Set(emails.map((email) => email.to_address).filter(Boolean))).toEqual(
      new Set(relay.received.map((mail) => mail.to[0]).filter((to) => !erased.has(to ?? ''))),
    );
    // The frequency cap counts the others' emails: each of those addresses holds its cap row.
    const caps = await db
      .selectFrom('recovery_address_caps')
      .select('email_hash')
      .where('shop_id', '=', shopId)
      .execute();
    expect(caps.length).toBe(40);
  }, 30_000);

  it('orders racing the group commit: no 500, no lost order, no email sent twice', async () => {
    const { db, t, shopId, carts } = await setUp(200, 0);
    const relay = smtp!;
    const byEmail = new Map(carts.map((cart) => [cart.email, cart]));
    const orders: Promise<Response>[] = [];
    // Each order arrives as its email is accepted: while the worker records that email.
    relay.respond = (mail) => {
      const cart = byEmail.get(mail.to[0] ?? '');
      if (cart) orders.push(order(t, shopId, cart.cartId));
      return undefined;
    };
    // A short lease, so that a group lost to a deadlock would be re-sent within the test; one
    // batch at a time, so that no second batch takes over jobs still queued in the pool after it.
    start(db, { leaseMs: 3000, batchesInFlight: 1 });
    await eventually(() => drained(db, shopId));
    // A deadlocked group would be re-sent after the 3 s lease: wait past it.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await eventually(() => drained(db, shopId));
    await worker?.stop();
    const statuses = await Promise.all(orders.map(async (response) => (await response).status));
    expect(statuses.length).toBe(200);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    const open = await db
      .selectFrom('carts')
      .select('id')
      .where('shop_id', '=', shopId)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    const ids = relay.received.map((mail) => mail.headers.get('message-id'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(relay.received.length).toBe(200);
    const { emails, sentJobs, stats } = await recorded(db, shopId);
    expect(emails.length).toBe(200);
    expect(stats).toBe(200);
    expect(sentJobs.filter((job) => Number(job.attempts) !== 1)).toEqual([]);
  }, 60_000);
});
