import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database, type DialectName } from './database.js';
import { migrate } from './migrations/index.js';

/** The PostgreSQL server the tests use: `DATABASE_URL_TEST`, else the local `test` database. */
export const postgresTestUrl =
  process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: postgresTestUrl,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why the PostgreSQL tests cannot run here (its message), or undefined when they can. */
export const postgresProblem = await probePostgres();
if (postgresProblem && process.env.CI) {
  throw new Error(
    `PostgreSQL is required when CI is set, and ${postgresTestUrl} failed: ${postgresProblem}`,
  );
}

/** A migrated database of one dialect, private to one test file. */
export interface TestDatabase {
  dialect: DialectName;
  db: Kysely<Database>;
  /** A `DATABASE_URL` reaching the same data (SQLite file, or PostgreSQL with its schema). */
  url: string;
  /** The PostgreSQL schema holding this database's tables. */
  searchPath?: string;
  /** `url` with the schema in it (`?options=-c search_path=…`), for another process. */
  urlWithSchema: string;
}

/** A PostgreSQL URL whose connections use `schema` (libpq's `options`, which `pg` reads too). */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Creates a migrated test database of `dialect`; `drop()` removes it. */
export async function createTestDatabase(
  dialect: DialectName,
): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'comptoir-db-'));
    const url = `sqlite:${join(folder, 'test.db')}`;
    const db = openDatabase(url);
    await migrate(db);
    return {
      dialect,
      db,
      url,
      urlWithSchema: url,
      async drop() {
        await db.destroy();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase(postgresTestUrl, { searchPath: schema, poolSize: 4 });
  await migrate(db);
  return {
    dialect,
    db,
    url: postgresTestUrl,
    searchPath: schema,
    urlWithSchema: withSearchPath(postgresTestUrl, schema),
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: postgresTestUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * Declares the same tests once per dialect, each with a fresh migrated database (a temp SQLite
 * file; a PostgreSQL schema of its own, dropped afterwards). Without PostgreSQL the PostgreSQL
 * block is skipped and says why, unless `CI` is set, where the import already failed.
 */
export function describeEachDialect(
  title: string,
  body: (database: () => TestDatabase) => void,
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skipReason = dialect === 'postgres' ? postgresProblem : undefined;
    const label = skipReason
      ? `${title} [postgres skipped: ${postgresTestUrl} unreachable (${skipReason})]`
      : `${title} [${dialect}]`;
    describe.skipIf(skipReason !== undefined)(label, () => {
      let current: (TestDatabase & { drop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error('The test database is not ready yet');
        return current;
      });
    });
  }
}
