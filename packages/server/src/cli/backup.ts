import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_DATABASE_URL } from '../server.js';
import { dialectOf } from '../storage/database.js';
import { helpOption, parseOrExplain, UsageError } from './usage.js';

/** `comptoir backup --help`. */
export const backupHelp = `Usage: comptoir backup --to FILE

Copies the SQLite database to FILE with SQLite's online backup: a consistent snapshot taken while
serve and worker keep running (copying the .db file by hand can catch a write half done, and
misses what is still in the -wal file). FILE must not exist yet.

For PostgreSQL, use pg_dump (see docs/deploy.md).

Options:
  --to FILE     where to write the copy
  -h, --help    show this help

Environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

/** `comptoir backup --to FILE`: an online backup of the SQLite database. */
export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({ args, strict: true, options: { ...helpOption, to: { type: 'string' } } }),
  );
  if (values.help) return void console.log(backupHelp);
  if (!values.to) throw new UsageError('--to FILE is required');
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (dialectOf(url) === 'postgres') {
    throw new UsageError(
      'comptoir backup copies a SQLite database; for PostgreSQL use pg_dump (see docs/deploy.md)',
    );
  }
  const source = url.slice('sqlite:'.length);
  if (source === '' || source === ':memory:' || !existsSync(source)) {
    throw new UsageError(`There is no SQLite database at "${source}" to back up`);
  }
  const target = resolve(values.to);
  if (existsSync(target)) throw new UsageError(`${values.to} exists already: choose a new file`);
  const sqlite = new BetterSqlite3(source, { fileMustExist: true });
  try {
    const { totalPages } = await sqlite.backup(target);
    console.log(`Backed up ${source} to ${target} (${totalPages} pages).`);
  } finally {
    sqlite.close();
  }
}
