import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createOutboxMailer } from '../email/mailer.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../http/test-app.js';
import { openDatabase, type Database } from '../storage/database.js';
import { hashEmail } from '../storage/keys.js';
import { suppressEmail } from '../storage/emails.store.js';
import { listJobsOfSubject } from '../storage/jobs.store.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { scheduleRequestedRecoveries } from './scheduler.js';
import { runWorkerBatch } from './worker.js';
import { createShop } from '../storage/create-shop.js';
import { silentLogger } from '../log.js';
import { startServer } from '../server.js';

// A capture writes its cart with a recovery request; the worker turns requests into sequences
// and jobs before each claim. These tests hold that hand-over to what a shopper and a merchant
// expect: the emails are timed from the capture, and whatever stops them and comes first, or
// comes while the worker schedules, leaves no email to send.

const CAPTURED_AT = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

describeEachDialect('recovery requests, from capture to the worker', (database) => {
  let second: Kysely<Database> | undefined;
  afterEach(async () => {
    await second?.destroy();
    second = undefined;
  });

  const storefront = (t: TestApp) => ({
    authorization: `Bearer ${t.shopA.publishableKey}`,
    origin: ORIGIN_A,
  });

  async function capture(t: TestApp, email: string): Promise<string> {
    const response = await t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/carts`,
      {
        cart: {
          currency: 'EUR',
          subtotal: 2400,
          items: [{ id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 }],
        },
        email,
        consent: { granted: true, text: 'Email me my cart' },
        locale: 'en',
      },
      storefront(t),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  function order(t: TestApp, cartId: string) {
    return t.json(
      'POST',
      `/v1/shops/${t.shopA.shopId}/orders`,
      { cartId, orderId: `ord_${cartId}`, total: 2400, currency: 'EUR' },
      storefront(t),
    );
  }

  async function pendingJobs(cartIds: readonly string[], shopId: string): Promise<number> {
    const { db } = database();
    let pending = 0;
    for (const cartId of cartIds)
      pending += (await listJobsOfSubject(db, shopId, cartId)).filter(
        (job) => job.status === 'pending',
      ).length;
    return pending;
  }

  it('schedules one job per step on the first worker batch, timed from the capture', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    t.setNow(CAPTURED_AT);
    const cartId = await capture(t, 'jane@example.com');
    expect(await listJobsOfSubject(db, t.shopA.shopId, cartId)).toEqual([]);

    // The worker comes by five minutes later: nothing is due yet, but the sequence is planned.
    const at = new Date(CAPTURED_AT.getTime() + 5 * 60_000);
    const mailer = createOutboxMailer();
    const batch = await runWorkerBatch({
      db,
      publicUrl: 'https://api.example',
      mailer,
      clock: () => at,
    });
    expect(batch).toMatchObject({ scheduled: 1, claimed: 0 });
    const jobs = await listJobsOfSubject(db, t.shopA.shopId, cartId);
    // The default sequence: 1 h, 24 h and 72 h after the capture, not after the worker's visit.
    expect(jobs.map((job) => [job.step, job.runAt])).toEqual([
      [0, new Date(CAPTURED_AT.getTime() + HOUR).toISOString()],
      [1, new Date(CAPTURED_AT.getTime() + 24 * HOUR).toISOString()],
      [2, new Date(CAPTURED_AT.getTime() + 72 * HOUR).toISOString()],
    ]);
    // The request is spent: the next batch schedules nothing again.
    expect(
      await runWorkerBatch({ db, publicUrl: 'https://api.example', mailer, clock: () => at }),
    ).toMatchObject({
      scheduled: 0,
    });
    const row = await db
      .selectFrom('carts')
      .select('recovery_requested_at')
      .where('id', '=', cartId)
      .executeTakeFirstOrThrow();
    expect(row.recovery_requested_at).toBeNull();
    mailer.close();
  });

  it('plans one sequence for an address that left two carts before the worker came', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    t.setNow(CAPTURED_AT);
    const first = await capture(t, 'twice@example.com');
    t.setNow(new Date(CAPTURED_AT.getTime() + 60_000));
    const second = await capture(t, 'Twice@Example.com');
    expect(await scheduleRequestedRecoveries(db, { skipLocked: false })).toBe(2);
    // The earlier cart gets the emails; the later one joins as a duplicate, with none.
    expect((await listJobsOfSubject(db, t.shopA.shopId, first)).length).toBe(3);
    expect(await listJobsOfSubject(db, t.shopA.shopId, second)).toEqual([]);
    const arms = await db
      .selectFrom('recovery_sequences')
      .select(['cart_id', 'arm'])
      .where('shop_id', '=', t.shopA.shopId)
      .execute();
    expect(new Map(arms.map((row) => [row.cart_id, row.arm]))).toEqual(
      new Map([
        [first, 'email'],
        [second, 'duplicate'],
      ]),
    );
  });

  it('emails nobody whose order, unsubscribe, erasure or withdrawn consent came before the worker', async () => {
    const { db } = database();
    const t = await createTestApp(db);
    t.setNow(CAPTURED_AT);
    const ordered = await capture(t, 'ordered@example.com');
    const unsubscribed = await capture(t, 'unsubscribed@example.com');
    const erased = await capture(t, 'erased@example.com');
    const withdrawn = await capture(t, 'withdrawn@example.com');
    const kept = await capture(t, 'kept@example.com');

    expect((await order(t, ordered)).status).toBe(201);
    await suppressEmail(
      db,
      t.shopA.shopId,
      hashEmail('unsubscribed@example.com'),
      'unsubscribed',
      CAPTURED_AT.toISOString(),
    );
    const erasure = await t.json(
      'POST',
      '/v1/admin/shoppers/erase',
      { email: 'erased@example.com' },
      { authorization: `Bearer ${t.shopA.secretKey}` },
    );
    expect(erasure.status).toBe(200);
    const withdrawal = await t.json(
      'PUT',
      `/v1/shops/${t.shopA.shopId}/carts/${withdrawn}`,
      {
        cart: {
          currency: 'EUR',
          subtotal: 2400,
          items: [{ id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 }],
        },
        consent: { granted: false, text: 'Email me my cart' },
      },
      storefront(t),
    );
    expect(withdrawal.status).toBe(200);

    // Past every step's time: only the shopper nothing stopped gets the three emails.
    const mailer = createOutboxMailer();
    const options = {
      db,
      publicUrl: 'https://api.example',
      mailer,
      clock: () => new Date(CAPTURED_AT.getTime() + 100 * HOUR),
    };
    let sent = 0;
    for (let batch = 0; batch < 5; batch++) sent += (await runWorkerBatch(options)).sent;
    expect(await pendingJobs([ordered, unsubscribed, erased, withdrawn], t.shopA.shopId)).toBe(0);
    const outbox = await t.app.request('/v1/admin/outbox', {
      headers: { authorization: `Bearer ${t.shopA.secretKey}` },
    });
    const { items } = (await outbox.json()) as { items: { to: string }[] };
    expect(new Set(items.map((mail) => mail.to))).toEqual(new Set(['kept@example.com']));
    expect(sent).toBeGreaterThanOrEqual(1);
    expect((await listJobsOfSubject(db, t.shopA.shopId, kept)).length).toBe(3);
    mailer.close();
  });

  it('never leaves a job to send for an order placed while two workers schedule', async () => {
    const { db, urlWithSchema } = database();
    const t = await createTestApp(db);
    t.setNow(CAPTURED_AT);
    const carts: string[] = [];
    for (let index = 0; index < 120; index++)
      carts.push(await capture(t, `race-${index}@example.com`));

    // Two schedulers, and every cart ordered at once. On PostgreSQL the second scheduler has its
    // own pool (another worker process); SQLite's one writer is shared by both here, since a second
    // connection in this process would block the event loop in its busy wait.
    const postgres = database().dialect === 'postgres';
    second = postgres ? openDatabase(urlWithSchema) : undefined;
    const drain = async (connection: Kysely<Database>) => {
      let taken = 0;
      for (;;) {
        const scheduled = await scheduleRequestedRecoveries(connection, {
          skipLocked: postgres,
          limit: 7,
        });
        if (scheduled === 0) return taken;
        taken += scheduled;
      }
    };
    const [first, other, answers] = await Promise.all([
      drain(db),
      drain(second ?? db),
      Promise.all(carts.map((cartId) => order(t, cartId))),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(carts.map(() => 201));
    // Each request was taken once, by one of the two.
    expect(first + other).toBe(carts.length);
    // Whichever came first, no cart has an email left waiting, and none was planned twice.
    expect(await pendingJobs(carts, t.shopA.shopId)).toBe(0);
    const jobs = await db
      .selectFrom('recovery_jobs')
      .select(['subject_id', 'step'])
      .where('shop_id', '=', t.shopA.shopId)
      .execute();
    expect(new Set(jobs.map((job) => `${job.subject_id} ${job.step}`)).size).toBe(jobs.length);
    const mailer = createOutboxMailer();
    const result = await runWorkerBatch({
      db,
      publicUrl: 'https://api.example',
      mailer,
      clock: () => new Date(CAPTURED_AT.getTime() + 100 * HOUR),
    });
    expect(result.sent).toBe(0);
    mailer.close();
  });
});

it("plans the emails of a capture at once in `comptoir serve`, not at the worker's next poll", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-wake-'));
  const server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(dir, 'serve.db')}`,
    withWorker: true,
    logger: silentLogger(),
  });
  try {
    const shop = await createShop(server.db, {
      name: 'Atelier',
      origins: [ORIGIN_A],
      now: new Date(),
    });
    // The worker polls every second: five captures spaced 300 ms apart would wait 0-1 s each for
    // it. Woken by each capture, each has its jobs within moments.
    const waits: number[] = [];
    for (let index = 0; index < 5; index++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await fetch(`${server.url}/v1/shops/${shop.shopId}/carts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${shop.publishableKey}`,
          origin: ORIGIN_A,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          cart: {
            currency: 'EUR',
            subtotal: 2400,
            items: [{ id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 }],
          },
          email: `wake-${index}@example.com`,
          consent: { granted: true, text: 'Email me my cart' },
        }),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      const answered = Date.now();
      while ((await listJobsOfSubject(server.db, shop.shopId, id)).length === 0) {
        if (Date.now() - answered > 5000) throw new Error('No jobs 5 s after the capture');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      waits.push(Date.now() - answered);
    }
    expect(Math.max(...waits), `waits ${waits.join(', ')} ms`).toBeLessThan(500);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
