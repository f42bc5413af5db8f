import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  isLeftoverSchema,
  postgresProblem,
  postgresTestUrl,
} from './test-databases.js';

async function schemaExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_namespace where nspname = $1', [
      name,
    ]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
    encoding: 'utf8',
  });
  return Number(child.stdout.trim());
}

describe('leftover test schemas', () => {
  it('are the ones of a process gone from this machine, or older than a day; others are kept', async () => {
    const seconds = Math.floor(Date.now() / 1000).toString(36);
    const host = await hostOfThisMachine();
    const dead = deadPid();
    expect(isLeftoverSchema(`test_${seconds}_${host}_${dead}_abcdef`)).toBe(true);
    expect(isLeftoverSchema(`test_${seconds}_${host}_${process.pid}_abcdef`)).toBe(false);
    // Another machine's live-looking schema is kept until it is a day old.
    expect(isLeftoverSchema(`test_${seconds}_ffff_${dead}_abcdef`)).toBe(host === 'ffff');
    const dayAgo = Math.floor((Date.now() - 25 * 3_600_000) / 1000).toString(36);
    expect(isLeftoverSchema(`test_${dayAgo}_ffff_${process.pid}_abcdef`)).toBe(true);
    // Names of another shape (an older helper's, someone's own schema) are never touched.
    expect(isLeftoverSchema('test_7fadb33f40a5')).toBe(false);
    expect(isLeftoverSchema('public')).toBe(false);
  });
});

async function hostOfThisMachine(): Promise<string> {
  const { createHash } = await import('node:crypto');
  const { hostname } = await import('node:os');
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 4);
}

describe.skipIf(postgresProblem !== undefined)('a PostgreSQL test database', () => {
  it('drops its schema when done, and drops the schemas dead test processes left', async () => {
    const leftover = `test_${Math.floor(Date.now() / 1000).toString(36)}_${await hostOfThisMachine()}_${deadPid()}_0badc0`;
    const admin = new pg.Client({ connectionString: postgresTestUrl });
    await admin.connect();
    await admin.query(`create schema ${leftover}`);
    await admin.end();

    const database = await createTestDatabase('postgres');
    const schema = database.searchPath as string;
    expect(await schemaExists(schema)).toBe(true);
    expect(await schemaExists(leftover)).toBe(false);
    await database.drop();
    expect(await schemaExists(schema)).toBe(false);
  });
});
