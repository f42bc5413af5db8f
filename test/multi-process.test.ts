// How a deployment grows past one machine, proven: two `comptoir serve --no-worker` and two
// `comptoir worker` processes on one PostgreSQL, started as docs/deploy.md tells an operator (the
// CLI, its environment, its default rate limits, TRUST_PROXY=1 as behind nginx), a load generator on
// both API ports as shoppers behind the proxy, orders racing the workers' sends, and a real SMTP
// server counting what arrives. `npm run test:soak` runs it longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedShop } from '@comptoir/server';
import {
  createTestDatabase,
  postgresProblem,
  postgresTestUrl,
  type TestDatabase,
} from '../packages/server/src/storage/test-databases.js';
import { captureBody, nextShopperAddress, runLoad, type LoadResult } from './processes/load.js';
import {
  killAllProcesses,
  startServeProcess,
  startWorkerProcess,
  type TestProcess,
} from './processes/processes.js';
import { createRecoveryShop, storefrontHeaders } from './processes/shop.js';
import { countByMessageId, startSmtpSink, type SmtpSink } from './processes/smtp-sink.js';

/** Seconds of load on each API port (`COMPTOIR_SOAK_SECONDS` for the soak run). */
const LOAD_SECONDS = Number(process.env.COMPTOIR_SOAK_SECONDS ?? 20);
/** One capture in this many leaves an email with consent, so its recovery email comes due. */
const EMAIL_EVERY = 4;
/** The API machines' clocks run 61 s behind the workers': a step 60 s after capture is due at once. */
const API_CLOCK_OFFSET_MS = -61_000;
/**
 * Captures a second through each port, at most: the two together stay under the default per-shop
 * write limit (2,000 per 4 s, counted across the processes), which this one shop would otherwise
 * reach on a fast machine and answer 429 (as it should).
 */
const RATE_PER_PORT = 200;

let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
let sink: SmtpSink;
let apis: TestProcess[] = [];
let workers: TestProcess[] = [];
let keys: CreatedShop;

function db() {
  if (!database) throw new Error('The test database is not ready');
  return database.db;
}

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Jobs not settled yet: waiting, or claimed and on the wire. */
/** Emails still to settle: jobs waiting or on the wire, and carts whose jobs the workers have yet to plan. */
async function pendingJobs(): Promise<number> {
  const jobs = await db()
    .selectFrom('recovery_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', keys.shopId)
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  const requests = await db()
    .selectFrom('carts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', keys.shopId)
    .where('recovery_requested_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(jobs.count) + Number(requests.count);
}

const skipReason = postgresProblem
  ? ` [skipped: PostgreSQL at ${postgresTestUrl} is unreachable (${postgresProblem})]`
  : '';

describe.skipIf(postgresProblem !== undefined)(
  `two API processes and two workers on one PostgreSQL${skipReason}`,
  () => {
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      sink = await startSmtpSink();
      const env = {
        DATABASE_URL: database.urlWithSchema,
        CLOCK_OFFSET_MS: String(API_CLOCK_OFFSET_MS),
        PUBLIC_URL: 'https://api.example',
      };
      [apis, workers] = await Promise.all([
        Promise.all(['api-a', 'api-b'].map((name) => startServeProcess(name, env))),
        Promise.all(
          ['worker-1', 'worker-2'].map((name) =>
            startWorkerProcess(name, { DATABASE_URL: database!.urlWithSchema, SMTP_URL: sink.url }),
          ),
        ),
      ]);
      keys = await createRecoveryShop(db(), apis[0]!.url);
    }, 150_000);

    afterAll(async () => {
      await Promise.all([...apis, ...workers].map((process) => process.stop()));
      await killAllProcesses();
      await sink?.close();
      await database?.drop();
    });

    it(
      'under load through both ports: no 5xx, every acknowledged cart stored once, every due email sent once, none after an order',
      { timeout: (LOAD_SECONDS * 3 + 120) * 1000 },
      async () => {
        const headers = storefrontHeaders(keys);
        /** Carts answered 201, and whether they left an email. */
        const acknowledged = new Map<string, string | undefined>();
        let emailSequence = 0;
        const loadPort = (api: TestProcess): Promise<LoadResult> => {
          return runLoad({
            url: api.url,
            connections: 8,
            duration: LOAD_SECONDS,
            overallRate: RATE_PER_PORT,
            requests: [
              {
                method: 'POST',
                path: `/v1/shops/${keys.shopId}/carts`,
                headers,
                setupRequest(request) {
                  const n = ++emailSequence;
                  const email = n % EMAIL_EVERY === 0 ? `shopper-${n}@example.test` : undefined;
                  return {
                    ...request,
                    headers: { ...headers, 'X-Forwarded-For': nextShopperAddress() },
                    body: captureBody(email),
                  };
                },
                onResponse(status, body) {
                  if (status !== 201) return;
                  const { id, emailCaptured } = JSON.parse(body) as {
                    id: string;
                    emailCaptured: boolean;
                  };
                  acknowledged.set(id, emailCaptured ? 'with-email' : undefined);
                },
              },
            ],
          });
        };

        // Orders race the workers: while the load runs, carts whose email is due (and not yet
        // received) are bought through either port, and the time of each 201 is kept.
        const orders = new Map<string, { answeredAt: number; address: string }>();
        const addressOf = new Map<string, string>();
        const orderFailures: string[] = [];
        let loadRunning = true;
        const orderer = (async () => {
          for (let round = 0; loadRunning && round < 2000; round++) {
            await new Promise((resolve) => setTimeout(resolve, 40));
            const received = new Set(sink.received.flatMap((mail) => mail.to));
            const candidates = [...acknowledged]
              .filter(([id, email]) => email !== undefined && !orders.has(id))
              .map(([id]) => id)
              .slice(-200);
            const cartId = candidates[Math.floor(Math.random() * candidates.length)];
            if (!cartId) continue;
            let address = addressOf.get(cartId);
            if (!address) {
              const row = await db()
                .selectFrom('carts')
                .select('email')
                .where('shop_id', '=', keys.shopId)
                .where('id', '=', cartId)
                .executeTakeFirst();
              address = row?.email ?? undefined;
              if (!address) continue;
              addressOf.set(cartId, address);
            }
            if (received.has(address)) continue;
            const api = apis[round % apis.length]!;
            const answer = await fetch(`${api.url}/v1/shops/${keys.shopId}/orders`, {
              method: 'POST',
              // Each order from its own shopper, as the capture was.
              headers: { ...headers, 'X-Forwarded-For': nextShopperAddress() },
              body: JSON.stringify({
                cartId,
                orderId: `order-${round}`,
                total: 2400,
                currency: 'EUR',
              }),
            });
            if (answer.status !== 201) {
              orderFailures.push(`${answer.status} ${await answer.text()}`);
              continue;
            }
            await answer.body?.cancel();
            orders.set(cartId, { answeredAt: Date.now(), address });
          }
        })();

        const started = Date.now();
        const results = await Promise.all(apis.map(loadPort));
        loadRunning = false;
        await orderer;
        const loadMs = Date.now() - started;
        const backlog = await pendingJobs();
        const sentAtLoadEnd = sink.received.length;

        // Every job settles: sent, or cancelled by its order.
        await waitFor(
          'every due email to be sent',
          async () => (await pendingJobs()) === 0,
          90_000,
        );
        const drainMs = Date.now() - started - loadMs;

        const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
        const fiveHundreds = results.reduce((sum, result) => sum + result['5xx'], 0);
        const errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
        const stored = await db()
          .selectFrom('carts')
          .select(['id', 'email', 'status'])
          .where('shop_id', '=', keys.shopId)
          .execute();
        const storedIds = new Map(stored.map((cart) => [cart.id, cart]));
        const missing = [...acknowledged.keys()].filter((id) => !storedIds.has(id));
        const due = stored.filter((cart) => cart.email !== null);
        const ordered = new Set(orders.keys());
        const byMessageId = countByMessageId(sink.received);
        const duplicates = [...byMessageId.values()].filter((count) => count > 1).length;
        const recipients = new Map<string, number>();
        for (const mail of sink.received)
          for (const to of mail.to) recipients.set(to, (recipients.get(to) ?? 0) + 1);
        // Every cart with an email got exactly one email, unless its order came first.
        const unsent = due.filter(
          (cart) => !ordered.has(cart.id) && recipients.get(cart.email as string) !== 1,
        );
        const recorded = await db()
          .selectFrom('recovery_emails')
          .select(['message_id'])
          .where('shop_id', '=', keys.shopId)
          .execute();
        // No email whose SMTP transaction began after its cart's order was answered 201.
        const orderOf = new Map([...orders.values()].map((order) => [order.address, order]));
        const afterOrder = sink.received.filter((mail) =>
          mail.to.some((to) => {
            const order = orderOf.get(to);
            return order !== undefined && mail.startedAt > order.answeredAt;
          }),
        );
        console.info(
          `[multi-process] ${requests} requests in ${(loadMs / 1000).toFixed(1)} s through 2 API processes ` +
            `(${results.map((result) => Math.round(result.requests.average)).join(' + ')} req/s), ` +
            `5xx ${fiveHundreds}, errors ${errors}; carts acknowledged ${acknowledged.size}, stored ${stored.length}, missing ${missing.length}; ` +
            `emails due ${due.length}, sent ${sink.received.length} (${duplicates} duplicated), recorded ${recorded.length}, unsent ${unsent.length}; ` +
            `orders raced ${orders.size} (${orderFailures.length} failed), emails after an order ${afterOrder.length}; ` +
            `2 workers kept up with ${Math.round(sentAtLoadEnd / (loadMs / 1000))} emails/s during the load, ` +
            `then drained a backlog of ${backlog} in ${(drainMs / 1000).toFixed(1)} s`,
        );

        expect(fiveHundreds).toBe(0);
        expect(results.map((result) => result['4xx'])).toEqual([0, 0]);
        expect(storedIds.size).toBe(stored.length);
        expect(missing).toEqual([]);
        // Requests cut off when the load stopped may be stored unanswered: at most one a connection.
        expect(stored.length - acknowledged.size).toBeLessThanOrEqual(16 + errors);
        expect(duplicates).toBe(0);
        expect(unsent).toEqual([]);
        // What the relay accepted is what the emails table says, message for message.
        expect(recorded.length).toBe(sink.received.length);
        expect(new Set(recorded.map((row) => row.message_id))).toEqual(new Set(byMessageId.keys()));
        expect(orderFailures).toEqual([]);
        expect(orders.size).toBeGreaterThan(0);
        expect(afterOrder).toEqual([]);
        for (const process of [...apis, ...workers]) expect(process.problems).toEqual([]);
      },
    );

    it('the sign-in limit holds across the API processes: ten attempts in all, then 429 from both', async () => {
      const answers: number[] = [];
      for (let attempt = 0; attempt < 14; attempt++) {
        const api = apis[attempt % apis.length]!;
        const response = await fetch(`${api.url}/v1/admin/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ secretKey: `sk_guess${attempt}` }),
        });
        answers.push(response.status);
        await response.body?.cancel();
      }
      // The default limit: a burst of ten attempts per client address, shared through PostgreSQL.
      expect(answers).toEqual([...Array(10).fill(401), ...Array(4).fill(429)]);
    });
  },
);
