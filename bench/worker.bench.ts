// Recovery worker budget: ≥ 500 emails/s into an SMTP server on loopback, and the time to claim a
// batch of due jobs flat (within 2×) from 10 k to 1 M rows in the jobs table (SQLite, temp file).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createSmtpMailer } from '../packages/server/src/email/mailer.js';
import { hashEmail } from '../packages/server/src/keys.js';
import { openDatabase, type Database } from '../packages/server/src/storage/database.js';
import { claimDueJobs } from '../packages/server/src/storage/jobs.store.js';
import { migrate } from '../packages/server/src/storage/migrations/index.js';
import {
  seedDueJobs,
  seedShop,
  startTestSmtp,
} from '../packages/server/src/worker/test-fixtures.js';
import { startWorker } from '../packages/server/src/worker/worker.js';

const NOW = new Date('2026-03-10T10:00:00Z');
const CONTENT = JSON.stringify({
  subject: { en: 'Your cart' },
  body: { en: 'Come back to {shopName}.' },
});

/** Inserts `count` jobs (and their carts when `withCarts`) in one transaction, `due` of them due now. */
function bulkInsert(
  file: string,
  shopId: string,
  count: number,
  due: number,
  withCarts: boolean,
): void {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const cart = sqlite.prepare(
    `insert into carts (id, shop_id, currency, subtotal, items, email, email_hash, consent_granted, consent_text, consent_at, locale, status, created_at, updated_at)
     values (?, ?, 'EUR', 2400, ?, ?, ?, 1, 'ok', ?, 'en', 'open', ?, ?)`,
  );
  const job = sqlite.prepare(
    `insert into recovery_jobs (id, shop_id, kind, subject_id, step, content, email_hash, status, run_at, attempts, token, created_at)
     values (?, ?, 'recovery', ?, 0, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const items = JSON.stringify([
    { id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 },
  ]);
  const at = NOW.toISOString();
  const past = new Date(NOW.getTime() - 3_600_000).toISOString();
  const future = new Date(NOW.getTime() + 86_400_000).toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const cartId = `crt_${i}`;
      const email = `shopper${i}@example.com`;
      const hash = withCarts ? hashEmail(email) : `h${i}`;
      if (withCarts) cart.run(cartId, shopId, items, email, hash, at, at, at);
      // Beyond the due ones, a realistic table: mostly sent history, some pending for later.
      const status = i < due ? 'pending' : i % 10 === 0 ? 'pending' : 'sent';
      const runAt = i < due ? past : i % 10 === 0 ? future : past;
      job.run(`job_${i}`, shopId, cartId, CONTENT, hash, status, runAt, `tok_${i}`, at);
    }
  })();
  // A table that size in real life has been checkpointed: readers should not walk a WAL of
  // hundreds of megabytes the bulk load left behind (the worker's connection stays open).
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/**
 * The SMTP server the throughput run sends to: `startTestSmtp` in a child process (this file with
 * `--smtp-sink`), as a real mail server is another process; it answers `count` on stdin.
 */
async function startSinkProcess() {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--smtp-sink'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const port = Number((await next()).replace('port ', ''));
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    async received(): Promise<number> {
      child.stdin.write('count\n');
      return Number((await next()).replace('count ', ''));
    },
    async close(): Promise<void> {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function runSink(): Promise<void> {
  const smtp = await startTestSmtp();
  console.log(`port ${smtp.port}`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => console.log(`count ${smtp.received.length}`));
  lines.once('close', () => void smtp.close().then(() => process.exit(0)));
}

/** Emails per second through the real worker loop (`startWorker`), SQLite, into the sink. */
async function throughput(folder: string, emails: number, commitDelayMs?: number) {
  const url = `sqlite:${join(folder, 'throughput.db')}`;
  const db = openDatabase(url);
  await migrate(db);
  const shop = await seedShop(db, NOW, { steps: [] });
  bulkInsert(url.slice('sqlite:'.length), shop.shopId, emails, emails, true);
  return drain(db, commitDelayMs);
}

/**
 * The same run on PostgreSQL (`--postgres`: `DATABASE_URL_TEST`, else the local `test`
 * database), in a schema of its own dropped afterwards. Reported beside the budget, not in it.
 */
async function throughputPostgres(emails: number, commitDelayMs?: number) {
  const url = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    const db = openDatabase(url, { searchPath: schema });
    await migrate(db);
    const shop = await seedShop(db, NOW, { steps: [] });
    await seedDueJobs(db, shop, emails, new Date(NOW.getTime() - 3_600_000));
    return await drain(db, commitDelayMs);
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** Runs the real worker loop on `db` until no job is pending; closes `db`. */
async function drain(db: Kysely<Database>, commitDelayMs?: number) {
  const smtp = await startSinkProcess();
  const mailer = createSmtpMailer({ url: smtp.url, maxConnections: 16 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = startWorker({
    db,
    publicUrl: 'https://api.example',
    mailer,
    clock: () => NOW,
    batchSize: 250,
    ...(commitDelayMs !== undefined ? { commitDelayMs } : {}),
  });
  // Done when no job is pending: one indexed row lookup every 20 ms, next to nothing.
  const pending = db
    .selectFrom('recovery_jobs')
    .select('id')
    .where('status', '=', 'pending')
    .limit(1);
  while (await pending.executeTakeFirst()) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await worker.stop();
  const sent = await db
    .selectFrom('recovery_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  mailer.close();
  const received = await smtp.received();
  await smtp.close();
  await db.destroy();
  return {
    sent: Number(sent.count),
    received,
    perSecond: Number(sent.count) / seconds,
    cpuMsPerEmail: (used.user + used.system) / 1000 / Number(sent.count),
  };
}

async function claimTime(folder: string, rows: number) {
  const file = join(folder, `claim-${rows}.db`);
  const db = openDatabase(`sqlite:${file}`);
  await migrate(db);
  const shop = await seedShop(db, NOW, { steps: [] });
  const insertStarted = performance.now();
  bulkInsert(file, shop.shopId, rows, 2000, false);
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    const claimed = await claimDueJobs(db, {
      now: NOW.toISOString(),
      leaseUntil: new Date(NOW.getTime() + 300_000).toISOString(),
      leaseOwner: `bench_${i}`,
      limit: 100,
      skipLocked: false,
    });
    samples.push(performance.now() - started);
    if (claimed.length !== 100) throw new Error(`Claimed ${claimed.length} jobs, expected 100`);
  }
  await db.destroy();
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)] ?? 0, insertSeconds };
}

/** Runs the worker benchmark and answers its figures and whether they are within budget. */
export async function runWorkerBench(
  options: {
    emails?: number;
    largeRows?: number;
    claims?: boolean;
    commitDelayMs?: number;
    postgres?: boolean;
  } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-worker-bench-'));
  try {
    const send = await throughput(folder, options.emails ?? 3000, options.commitDelayMs);
    const sendPostgres = options.postgres
      ? await throughputPostgres(options.emails ?? 3000, options.commitDelayMs)
      : undefined;
    const skip = { medianMs: Number.NaN, insertSeconds: Number.NaN };
    const small = options.claims === false ? skip : await claimTime(folder, 10_000);
    const large =
      options.claims === false ? skip : await claimTime(folder, options.largeRows ?? 1_000_000);
    const ratio = large.medianMs / small.medianMs;
    return {
      emailsPerSecond: send.perSecond,
      emailsSent: send.sent,
      emailsReceived: send.received,
      workerCpuMsPerEmail: send.cpuMsPerEmail,
      postgres: sendPostgres,
      loadAverage: loadavg(),
      claimMs10k: small.medianMs,
      claimMs1M: large.medianMs,
      claimRatio: ratio,
      insertSeconds1M: large.insertSeconds,
      pass:
        send.perSecond >= 500 &&
        send.received === send.sent &&
        (options.claims === false || ratio <= 2),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--smtp-sink')) {
  await runSink();
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--emails N`, `--commit-delay MS`, `--no-claims` (throughput only) and `--postgres` (the
  // throughput on PostgreSQL too).
  const args = process.argv.slice(2);
  const emailsAt = args.indexOf('--emails');
  const delayAt = args.indexOf('--commit-delay');
  const result = await runWorkerBench({
    ...(emailsAt >= 0 ? { emails: Number(args[emailsAt + 1]) } : {}),
    ...(delayAt >= 0 ? { commitDelayMs: Number(args[delayAt + 1]) } : {}),
    claims: !args.includes('--no-claims'),
    postgres: args.includes('--postgres'),
  });
  console.log(
    `recovery worker: ${result.emailsPerSecond.toFixed(0)} emails/s (${result.emailsSent} sent, ${result.emailsReceived} received; budget ≥ 500), worker CPU ${result.workerCpuMsPerEmail.toFixed(2)} ms/email, load average ${result.loadAverage.map((load) => load.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `claim 100 due jobs: ${result.claimMs10k.toFixed(3)} ms at 10 k rows, ${result.claimMs1M.toFixed(3)} ms at 1 M rows (×${result.claimRatio.toFixed(2)}; budget ≤ ×2; 1 M rows inserted in ${result.insertSeconds1M.toFixed(1)} s)`,
  );
  if (result.postgres) {
    const { perSecond, sent, received, cpuMsPerEmail } = result.postgres;
    console.log(
      `recovery worker on PostgreSQL: ${perSecond.toFixed(0)} emails/s (${sent} sent, ${received} received), worker CPU ${cpuMsPerEmail.toFixed(2)} ms/email`,
    );
  }
  console.log(result.pass ? 'PASS' : 'FAIL');
  process.exit(result.pass ? 0 : 1);
}
