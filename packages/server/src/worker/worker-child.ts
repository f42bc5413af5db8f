// A worker process for the multi-process tests (worker-processes.test.ts): the real worker loop
// against the database of DATABASE_URL (and SEARCH_PATH) and the SMTP server of SMTP_URL.
// It prints `ready` once connected, starts on a `go` line on stdin, tags every email it sends
// with an `X-Test-Worker: WORKER_NAME` header, and stops cleanly on SIGTERM (exit 0).
import { createInterface } from 'node:readline';
import { createSmtpMailer, type Mailer } from '../email/mailer.js';
import { openDatabase } from '../storage/database.js';
import { startWorker } from './worker.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`worker-child needs ${name}`);
  return value;
};

const name = env('WORKER_NAME');
const searchPath = process.env.SEARCH_PATH;
const db = openDatabase(env('DATABASE_URL'), searchPath ? { searchPath, poolSize: 4 } : {});
await db.selectFrom('recovery_jobs').select('id').limit(1).execute();
const smtp = createSmtpMailer({
  url: env('SMTP_URL'),
  maxConnections: Number(process.env.SMTP_POOL ?? 5),
});
const mailer: Mailer = {
  transport: smtp.transport,
  send: (email) => smtp.send({ ...email, headers: { ...email.headers, 'X-Test-Worker': name } }),
  close: () => smtp.close(),
};

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => lines.once('line', () => resolve()));

const worker = startWorker({
  db,
  mailer,
  publicUrl: 'https://api.example',
  batchSize: Number(process.env.BATCH_SIZE ?? 100),
  leaseMs: Number(process.env.LEASE_MS ?? 300_000),
  pollMs: Number(process.env.POLL_MS ?? 50),
});
process.stdout.write('started\n');

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    mailer.close();
    await db.destroy();
    lines.close();
    process.exit(0);
  })();
});
