import { DEFAULT_DATABASE_URL, openMigratedDatabase } from '../server.js';
import { parseArgs } from 'node:util';
import { helpOption, parseOrExplain } from './usage.js';

/** `comptoir migrate --help`. */
export const migrateHelp = `Usage: comptoir migrate

Applies the pending database migrations and exits (serve and worker also do it at start).

Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

/** `comptoir migrate`. */
export async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() => parseArgs({ args, options: helpOption, strict: true }));
  if (values.help) return void console.log(migrateHelp);
  const { db, applied } = await openMigratedDatabase(
    process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  );
  await db.destroy();
  console.log(
    applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
  );
}
