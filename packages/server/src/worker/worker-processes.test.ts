import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { ShopConfig } from '@comptoir/sdk';
import { addDays, localDateOf, weekdayOf } from '@comptoir/sdk/calendar';
import { digestSubject, scheduleDigest } from '../lifecycle/digest-schedule.js';
import { updateShopConfig } from '../storage/shop.store.js';
import { describeEachDialect, type TestDatabase } from '../storage/test-databases.js';
import {
  seedDueJobs,
  seedShop,
  startTestSmtp,
  type ReceivedMail,
  type TestSmtp,
} from './test-fixtures.js';

// Real worker processes (worker-child.ts) against one database and one SMTP server in this process.
const childScript = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  /** Resolves once the child is connected and waits for `go`. */
  ready: Promise<void>;
  go(): void;
  /** Resolves with the exit code, or the signal's name. */
  exited: Promise<number | string>;
}

const children: Child[] = [];

function startChild(
  name: string,
  database: TestDatabase,
  smtp: TestSmtp,
  env: Record<string, string> = {},
): Child {
  const child = spawn(
    process.execPath,
    ['--conditions=comptoir-source', '--import', 'tsx', childScript],
    {
      env: {
        ...process.env,
        WORKER_NAME: name,
        DATABASE_URL: database.url,
        ...(database.searchPath ? { SEARCH_PATH: database.searchPath } : {}),
        SMTP_URL: smtp.url,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line === 'ready' && resolve());
    child.once('exit', (code, signal) =>
      reject(new Error(`worker ${name} exited early (${code ?? signal})`)),
    );
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const handle = { process: child, ready, go: () => child.stdin!.write('go\n'), exited };
  children.push(handle);
  return handle;
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null)
      child.process.kill('SIGKILL');
    await child.exited;
  }
});

async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function jobStatuses(database: TestDatabase, shopId: string): Promise<Map<string, string>> {
  const rows = await database.db
    .selectFrom('recovery_jobs')
    .select(['id', 'status'])
    .where('shop_id', '=', shopId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}

async function pendingCount(database: TestDatabase, shopId: string): Promise<number> {
  const row = await database.db
    .selectFrom('recovery_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function emailRows(database: TestDatabase, shopId: string) {
  return database.db
    .selectFrom('recovery_emails')
    .select(['job_id', 'message_id'])
    .where('shop_id', '=', shopId)
    .execute();
}

const messageId = (mail: ReceivedMail) => mail.headers.get('message-id') ?? '';
const sender = (mail: ReceivedMail) => mail.headers.get('x-test-worker') ?? '';

describeEachDialect('worker processes', (database) => {
  it(
    'two worker processes drain 2,000 due jobs, each step sent exactly once',
    { timeout: 60_000 },
    async () => {
      const { db } = database();
      const shop = await seedShop(db, new Date(), { steps: [] });
      const jobIds = await seedDueJobs(db, shop, 2000, new Date(Date.now() - 60_000));
      const smtp = await startTestSmtp();
      try {
        const workers = ['a', 'b'].map((name) =>
          startChild(name, database(), smtp, { BATCH_SIZE: '50' }),
        );
        await Promise.all(workers.map((worker) => worker.ready));
        const started = Date.now();
        for (const worker of workers) worker.go();
        await waitFor(
          'the jobs to be drained',
          async () => (await pendingCount(database(), shop.shopId)) === 0,
          30_000,
        );
        const drainMs = Date.now() - started;
        for (const worker of workers) worker.process.kill('SIGTERM');
        expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);

        expect(smtp.received).toHaveLength(2000);
        const ids = smtp.received.map(messageId);
        expect(new Set(ids).size).toBe(2000);
        expect(new Set(ids)).toEqual(new Set(jobIds.map((id) => `<${id}@api.example>`)));
        const statuses = await jobStatuses(database(), shop.shopId);
        expect([...statuses.values()].every((status) => status === 'sent')).toBe(true);
        expect(statuses.size).toBe(2000);
        const emails = await emailRows(database(), shop.shopId);
        expect(emails).toHaveLength(2000);
        expect(new Set(emails.map((email) => email.job_id)).size).toBe(2000);
        const bySender = { a: 0, b: 0 } as Record<string, number>;
        for (const mail of smtp.received)
          bySender[sender(mail)] = (bySender[sender(mail)] ?? 0) + 1;
        expect(bySender.a! + bySender.b!).toBe(2000);
        expect(bySender.a).toBeGreaterThan(0);
        expect(bySender.b).toBeGreaterThan(0);
        console.info(
          `[${database().dialect}] 2 processes drained 2,000 jobs in ${drainMs} ms (a: ${bySender.a}, b: ${bySender.b})`,
        );
      } finally {
        await smtp.close();
      }
    },
  );

  it(
    'a worker SIGKILLed mid-batch loses nothing: after its lease another one finishes, repeats keep their Message-ID',
    { timeout: 60_000 },
    async () => {
      const { db } = database();
      const shop = await seedShop(db, new Date(), { steps: [] });
      const jobIds = await seedDueJobs(db, shop, 30, new Date(Date.now() - 60_000));
      const smtp = await startTestSmtp();
      try {
        smtp.delayMs = 250; // a slow server: five connections accept about twenty messages a second
        const leaseMs = 2000;
        const doomed = startChild('doomed', database(), smtp, {
          BATCH_SIZE: '30',
          LEASE_MS: String(leaseMs),
        });
        await doomed.ready;
        const claimedAt = Date.now();
        doomed.go();
        await waitFor('some messages to be accepted', () => smtp.received.length >= 8, 20_000);
        doomed.process.kill('SIGKILL');
        expect(await doomed.exited).toBe('SIGKILL');
        // Messages whose DATA was in flight are still answered by the server.
        await new Promise((resolve) => setTimeout(resolve, smtp.delayMs + 100));
        const acceptedBeforeKill = smtp.received.length;
        const afterKill = await jobStatuses(database(), shop.shopId);
        const sentBeforeKill = [...afterKill.values()].filter((status) => status === 'sent').length;
        expect(acceptedBeforeKill).toBeLessThan(30); // killed mid-batch
        expect(sentBeforeKill).toBeLessThanOrEqual(acceptedBeforeKill);
        expect(await pendingCount(database(), shop.shopId)).toBe(30 - sentBeforeKill);

        smtp.delayMs = 0;
        const rescuer = startChild('rescuer', database(), smtp, { LEASE_MS: String(leaseMs) });
        await rescuer.ready;
        rescuer.go();
        await waitFor(
          'the rest to be sent',
          async () => (await pendingCount(database(), shop.shopId)) === 0,
          20_000,
        );
        const finishedAt = Date.now();
        rescuer.process.kill('SIGTERM');
        expect(await rescuer.exited).toBe(0);
        expect(finishedAt - claimedAt).toBeGreaterThanOrEqual(leaseMs); // nothing taken over before the lease ended

        const statuses = await jobStatuses(database(), shop.shopId);
        expect([...statuses.values()]).toEqual(Array(30).fill('sent'));
        const emails = await emailRows(database(), shop.shopId);
        expect(emails.map((email) => email.job_id).sort()).toEqual([...jobIds].sort());
        // Every job reached the server; a repeat (the at-least-once window) has the same Message-ID
        // and the same recipient, and only emails the killed worker had not committed repeat.
        const expected = new Set(jobIds.map((id) => `<${id}@api.example>`));
        const byId = new Map<string, ReceivedMail[]>();
        for (const mail of smtp.received)
          byId.set(messageId(mail), [...(byId.get(messageId(mail)) ?? []), mail]);
        expect(new Set(byId.keys())).toEqual(expected);
        const byRecipient = new Map<string, Set<string>>();
        for (const mail of smtp.received) {
          const to = mail.to[0] ?? '';
          byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(messageId(mail)));
        }
        expect(byRecipient.size).toBe(30);
        expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
        const repeats = [...byId.values()].filter((copies) => copies.length > 1);
        for (const copies of repeats) {
          expect(copies.map(sender)).toEqual(['doomed', 'rescuer']);
          expect(copies.length).toBe(2);
        }
        expect(repeats.length).toBeLessThanOrEqual(acceptedBeforeKill - sentBeforeKill);
        expect(smtp.received.filter((mail) => sender(mail) === 'rescuer').length).toBe(
          30 - sentBeforeKill,
        );
        console.info(
          `[${database().dialect}] killed after ${acceptedBeforeKill} accepted (${sentBeforeKill} committed); ${repeats.length} repeated with the same Message-ID`,
        );
      } finally {
        await smtp.close();
      }
    },
  );

  it(
    "two worker processes send each shop's weekly digest once, and schedule its next week once",
    { timeout: 60_000 },
    async () => {
      const { db } = database();
      const now = new Date();
      const today = localDateOf(now, 'UTC');
      const shops: { shopId: string; to: string }[] = [];
      for (let i = 0; i < 40; i++) {
        const shop = await seedShop(db, now, { steps: [] });
        const to = `owner-${i}-${shop.shopId.slice(-6).toLowerCase()}@example.com`;
        // Due today at 00:00 UTC (the shops' time zone), so due now.
        const config: ShopConfig = {
          ...shop.config,
          lifecycle: { digest: { enabled: true, to, weekday: weekdayOf(today), hour: 0 } },
        };
        await updateShopConfig(db, shop.shopId, config, undefined, now);
        // Scheduled twice, as two config saves or two workers would: one job (its unique key).
        const before = new Date(now.getTime() - 2 * 86_400_000);
        await Promise.all([
          scheduleDigest(db, shop.shopId, config, before),
          scheduleDigest(db, shop.shopId, config, before),
        ]);
        shops.push({ shopId: shop.shopId, to });
      }
      const digestJobs = (status: 'pending' | 'sent') =>
        db
          .selectFrom('recovery_jobs')
          .select(['shop_id', 'subject_id', 'run_at'])
          .where('kind', '=', 'digest')
          .where('status', '=', status)
          .where(
            'shop_id',
            'in',
            shops.map((shop) => shop.shopId),
          )
          .execute();
      expect(await digestJobs('pending')).toHaveLength(40);
      const smtp = await startTestSmtp();
      try {
        const workers = ['a', 'b'].map((name) =>
          startChild(name, database(), smtp, { BATCH_SIZE: '3' }),
        );
        await Promise.all(workers.map((worker) => worker.ready));
        for (const worker of workers) worker.go();
        await waitFor(
          'every digest to be sent',
          async () => (await digestJobs('sent')).length === 40,
          30_000,
        );
        // Give a duplicate (if any) the time to surface before stopping.
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const worker of workers) worker.process.kill('SIGTERM');
        expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);

        const received = smtp.received.filter((mail) =>
          shops.some((shop) => mail.to.includes(shop.to)),
        );
        expect(received).toHaveLength(40);
        for (const shop of shops)
          expect(received.filter((mail) => mail.to.includes(shop.to))).toHaveLength(1);
        const rows = await db
          .selectFrom('recovery_emails')
          .select(['shop_id'])
          .where('kind', '=', 'digest')
          .where(
            'shop_id',
            'in',
            shops.map((shop) => shop.shopId),
          )
          .execute();
        expect(rows).toHaveLength(40);
        // Each shop's next digest, a week later, is on the queue once.
        const next = await digestJobs('pending');
        expect(next).toHaveLength(40);
        const nextDate = addDays(today, 7);
        expect(next.every((job) => job.subject_id === digestSubject(job.shop_id, nextDate))).toBe(
          true,
        );
        const bySender = { a: 0, b: 0 } as Record<string, number>;
        for (const mail of received) bySender[sender(mail)] = (bySender[sender(mail)] ?? 0) + 1;
        expect(bySender.a).toBeGreaterThan(0);
        expect(bySender.b).toBeGreaterThan(0);
        console.info(
          `[${database().dialect}] 2 processes sent 40 digests once each (a: ${bySender.a}, b: ${bySender.b})`,
        );
      } finally {
        await smtp.close();
      }
    },
  );
});
