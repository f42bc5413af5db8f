import { startWorker } from '../server.js';
import { parseArgs } from 'node:util';
import { helpOption, parseOrExplain, stopOnSignal } from './usage.js';

/** `comptoir worker --help`. */
export const workerHelp = `Usage: comptoir worker

Runs the recovery email worker only (no HTTP), for deployments that scale workers apart
from API servers on one PostgreSQL database.

Environment: DATABASE_URL, PUBLIC_URL, SMTP_URL, LOG_LEVEL, and MAIL_FROM (the recovery
emails' sender address; default no-reply@<PUBLIC_URL host>).`;

/** `comptoir worker`: runs until SIGINT or SIGTERM. */
export async function workerCommand(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() => parseArgs({ args, options: helpOption, strict: true }));
  if (values.help) return void console.log(workerHelp);
  const worker = await startWorker();
  await stopOnSignal(() => worker.close());
}
