import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
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

/** This machine, in four hex digits: schemas name the machine whose process created them. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 4);

/**
 * A new schema's name: `test_<seconds, base 36>_<host>_<pid>_<random>`, so that a schema its test
 * left behind (a process killed, a run interrupted) can be told from one in use.
 */
function newSchemaName(): string {
  const seconds = Math.floor(Date.now() / 1000).toString(36);
  return `test_${seconds}_${HOST}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

const SCHEMA_NAME = /^test_([0-9a-z]+)_([0-9a-f]{4})_(\d+)_[0-9a-f]{6}$/;
/** Past this age a schema is a leftover whatever machine made it (no test file runs a day). */
const ABANDONED_AFTER_MS = 24 * 3_600_000;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True for a schema some earlier test left behind: made on this machine by a process that is gone,
 * or older than a day. Names of other shapes are never touched.
 */
export function isLeftoverSchema(name: string, now = Date.now()): boolean {
  const match = SCHEMA_NAME.exec(name);
  if (!match) return false;
  const [, seconds = '', host, pid = ''] = match;
  if (now - parseInt(seconds, 36) * 1000 > ABANDONED_AFTER_MS) return true;
  return host === HOST && !processIsAlive(Number(pid));
}

let leftoversDropped: Promise<void> | undefined;

/** Drops the leftover schemas ({@link isLeftoverSchema}), once per process. */
function dropLeftoverSchemas(admin: pg.Client): Promise<void> {
  leftoversDropped ??= (async () => {
    const { rows } = await admin.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like 'test\\_%'`,
    );
    for (const { name } of rows) {
      if (isLeftoverSchema(name)) await admin.query(`drop schema if exists ${name} cascade`);
    }
  })();
  return leftoversDropped;
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
  const schema = newSchemaName();
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  try {
    await dropLeftoverSchemas(admin);
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const db = openDatabase(postgresTestUrl, { searchPath: schema, poolSize: 4 });
  const dropSchema = async () => {
    const cleanup = new pg.Client({ connectionString: postgresTestUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await cleanup.end();
    }
  };
  try {
    await migrate(db);
  } catch (error) {
    // Not handed out, so nobody would drop it.
    await db.destroy();
    await dropSchema();
    throw error;
  }
  return {
    dialect,
    db,
    url: postgresTestUrl,
    searchPath: schema,
    urlWithSchema: withSearchPath(postgresTestUrl, schema),
    async drop() {
      await db.destroy();
      await dropSchema();
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
