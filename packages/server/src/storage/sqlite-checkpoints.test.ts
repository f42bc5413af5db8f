import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { generateId, generateToken } from './keys.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-checkpoints-'));
  folders.push(folder);
  return join(folder, 'shop.db');
}

/** Writes about `pages` WAL pages: rows of 4 KB, committed one by one. */
async function writePages(db: ReturnType<typeof openDatabase>, pages: number) {
  const filler = 'x'.repeat(4000);
  for (let row = 0; row < pages; row++) {
    await sql`insert into filler (body) values (${filler})`.execute(db);
  }
}

describe('background WAL checkpoints (SQLite)', () => {
  it('copy the WAL into the database file from a thread, so no commit of the server has to', async () => {
    const file = databaseFile();
    const db = openDatabase(`sqlite:${file}`, { backgroundCheckpoints: true });
    await sql`create table filler (body text)`.execute(db);
    // 600 pages: below the server connection's own threshold (10,000), so only the thread
    // can have copied them.
    await writePages(db, 600);
    const before = statSync(file).size;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(statSync(file).size).toBeGreaterThan(before + 500 * 4096);
    await db.destroy();
    // Closed thread first, connection last: nothing left behind in a WAL file.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('are not run without the option: the pages stay in the WAL until 1,000 of them', async () => {
    const file = databaseFile();
    const db = openDatabase(`sqlite:${file}`);
    await sql`create table filler (body text)`.execute(db);
    await writePages(db, 300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const size = statSync(file).size;
    await db.destroy();
    expect(size).toBeLessThan(50 * 4096);
  });

  it('let a process that closed its database exit on its own, with code 0', () => {
    const file = databaseFile();
    // A process whose last work is closing the database: an unref'd thread, awaited, would let
    // it exit mid-await with code 13 and skip what follows.
    const script = join(file, '..', 'close.mts');
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(new URL('./database.ts', import.meta.url).pathname)};
       const db = openDatabase(${JSON.stringify(`sqlite:${file}`)}, { backgroundCheckpoints: true });
       await db.schema.createTable('filler').addColumn('body', 'text').execute();
       await db.destroy();
       console.log('closed');`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect({ status: child.status, stdout: child.stdout.trim() }, child.stderr).toEqual({
      status: 0,
      stdout: 'closed',
    });
  });

  it('leave every committed row readable by another connection while they run', async () => {
    const file = databaseFile();
    const db = openDatabase(`sqlite:${file}`, { backgroundCheckpoints: true });
    await sql`create table filler (body text)`.execute(db);
    for (let round = 0; round < 5; round++) {
      await writePages(db, 100);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const reader = new BetterSqlite3(file, { readonly: true });
    const { count } = reader.prepare('select count(*) as count from filler').get() as {
      count: number;
    };
    reader.close();
    await db.destroy();
    expect(count).toBe(500);
  });
});

describe('time-ordered ids and tokens', () => {
  it('begin with the time, so ids made together sort together, and keep their random part', () => {
    const ids = Array.from({ length: 2000 }, () => generateId('job'));
    const tokens = Array.from({ length: 2000 }, () => generateToken());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const id of ids) expect(id).toMatch(/^job_[\w-]{22}$/);
    // 8 characters of time, then 24 random bytes (192 bits) as 32 base64url characters.
    for (const token of tokens) expect(token).toMatch(/^[\w-]{40}$/);
    // Made within a few milliseconds: the first six characters (time to ~4 s) are shared.
    expect(new Set(tokens.map((token) => token.slice(0, 6))).size).toBeLessThanOrEqual(2);
    expect(new Set(tokens.map((token) => token.slice(8))).size).toBe(tokens.length);
  });
});
