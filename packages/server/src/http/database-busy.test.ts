// Writes that lose to a lock: SQLite's write lock held by another process past the busy timeout,
// and PostgreSQL deadlocks or serialization failures that outlast every retry. Each public write
// answers 503 JSON with Retry-After (the SDK retries those), never 500, and loses nothing it
// acknowledged.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createShop, type CreatedShop } from '../storage/create-shop.js';
import { openDatabase, type Database } from '../storage/database.js';
import { migrate } from '../storage/migrations/index.js';
import { TRANSACTION_ATTEMPTS } from '../storage/transaction-retry.js';
import {
  createTestDatabase,
  postgresProblem,
  postgresTestUrl,
  type TestDatabase,
} from '../storage/test-databases.js';

const ORIGIN = 'https://shop.example';
const UNLIMITED = { burst: 1e9, perSecond: 1e9 };
/** Short, so that "past the busy timeout" takes a fraction of a second. */
const BUSY_TIMEOUT_MS = 250;

function captureBody(platformCartId?: string) {
  return JSON.stringify({
    cart: {
      ...(platformCartId ? { id: platformCartId } : {}),
      currency: 'EUR',
      subtotal: 1200,
      items: [{ id: 'v1', title: 'Thé', quantity: 1, unitPrice: 1200 }],
    },
    email: 'shopper@example.com',
    consent: { granted: true, text: 'Email me my cart.' },
  });
}

function appOver(db: Kysely<Database>) {
  return createApp({
    db,
    shopCacheTtlMs: 60_000,
    rateLimits: { ip: UNLIMITED, shop: UNLIMITED, signIn: UNLIMITED },
  });
}

function post(app: ReturnType<typeof createApp>, shop: CreatedShop, path: string, body: string) {
  return app.request(`/v1/shops/${shop.shopId}/${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${shop.publishableKey}`,
      origin: ORIGIN,
      'content-type': 'application/json',
    },
    body,
  });
}

async function expectBusyAnswer(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('database_busy');
}

/**
 * Another process with the SQLite file open: `hold(ms)` takes the write lock (`BEGIN IMMEDIATE`
 * and a write) and commits `ms` later, on its own clock.
 */
class LockHolder {
  private readonly child: ChildProcess;
  private readonly lines: AsyncIterator<string>;

  constructor(file: string) {
    const script = `
      const db = require('better-sqlite3')(process.argv[1]);
      db.pragma('busy_timeout = 5000');
      require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
        const ms = Number(line);
        db.exec('begin immediate');
        db.exec("update shops set name = name");
        console.log('locked');
        setTimeout(() => { db.exec('commit'); console.log('released'); }, ms);
      });
      console.log('ready');`;
    this.child = spawn(process.execPath, ['-e', script, file], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.lines = createInterface({ input: this.child.stdout as NodeJS.ReadableStream })[
      Symbol.asyncIterator
    ]();
  }

  async next(expected: string): Promise<void> {
    const { value } = await this.lines.next();
    expect(value).toBe(expected);
  }

  /** Takes the lock; resolves once it is held. */
  async hold(ms: number): Promise<void> {
    this.child.stdin?.write(`${ms}\n`);
    await this.next('locked');
  }

  close(): void {
    this.child.kill();
  }
}

describe('SQLite held by another process', () => {
  let folder: string;
  let db: Kysely<Database>;
  let shop: CreatedShop;
  let holder: LockHolder;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-busy-'));
    const file = join(folder, 'busy.db');
    db = openDatabase(`sqlite:${file}`, { busyTimeoutMs: BUSY_TIMEOUT_MS });
    await migrate(db);
    shop = await createShop(db, { name: 'Busy shop', origins: [ORIGIN], now: new Date() });
    holder = new LockHolder(file);
    await holder.next('ready');
  });
  afterAll(async () => {
    holder.close();
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers 503 database_busy with Retry-After past the busy timeout, at once for a whole batch, and loses no acknowledged cart', async () => {
    const app = appOver(db);
    const acknowledged: string[] = [];
    const before = await Promise.all(
      Array.from({ length: 5 }, () => post(app, shop, 'carts', captureBody())),
    );
    for (const response of before) {
      expect(response.status).toBe(201);
      acknowledged.push(((await response.json()) as { id: string }).id);
    }

    await holder.hold(4000);
    const startedAt = performance.now();
    const during = await Promise.all(
      Array.from({ length: 12 }, () => post(app, shop, 'carts', captureBody())),
    );
    const elapsed = performance.now() - startedAt;
    for (const response of during) await expectBusyAnswer(response);
    // better-sqlite3 waits for the lock in the event loop's thread: a batch that failed must not
    // wait once more for each of its captures (12 × the timeout, the whole server stalled).
    expect(elapsed).toBeLessThan(4 * BUSY_TIMEOUT_MS);
    await holder.next('released');

    const after = await Promise.all(
      Array.from({ length: 5 }, () => post(app, shop, 'carts', captureBody())),
    );
    for (const response of after) {
      expect(response.status).toBe(201);
      acknowledged.push(((await response.json()) as { id: string }).id);
    }
    const stored = await db
      .selectFrom('carts')
      .select('id')
      .where('shop_id', '=', shop.shopId)
      .execute();
    expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
  });

  it('a capture that read before another process committed waits for the lock and is answered 201, not 503', async () => {
    // A busy timeout well past the other process's hold: this capture must wait, then pass.
    const patient = openDatabase(`sqlite:${join(folder, 'busy.db')}`, { busyTimeoutMs: 5000 });
    const app = appOver(patient);
    // Known to the shop: the capture first reads it by its platform id, then writes.
    expect((await post(app, shop, 'carts', captureBody('token-1'))).status).toBe(201);
    // The other process commits while the capture waits for the lock: a transaction that had
    // already read would find its snapshot stale (SQLITE_BUSY_SNAPSHOT, which no wait cures).
    await holder.hold(500);
    const updated = await post(app, shop, 'carts', captureBody('token-1'));
    expect(updated.status).toBe(201);
    await holder.next('released');
    const order = await post(
      app,
      shop,
      'orders',
      JSON.stringify({ cartId: 'token-1', total: 1200, currency: 'EUR' }),
    );
    expect(order.status).toBe(201);
    await patient.destroy();
  });
});

const skipReason = postgresProblem
  ? ` [skipped: PostgreSQL at ${postgresTestUrl} is unreachable (${postgresProblem})]`
  : '';

describe.skipIf(postgresProblem !== undefined)(
  `PostgreSQL races lost on every retry${skipReason}`,
  () => {
    let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
    let shop: CreatedShop;
    const db = () => (database as TestDatabase).db;
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      shop = await createShop(db(), { name: 'Racing shop', origins: [ORIGIN], now: new Date() });
      // Every attempt loses: a trigger raising the very errors PostgreSQL raises for a lost race,
      // counting the attempts in a sequence (which a rollback does not undo).
      await sql`create sequence attempts`.execute(db());
      await sql`
        create function lose_race() returns trigger language plpgsql as $$
        begin
          perform nextval('attempts');
          if tg_op = 'INSERT' then
            raise exception 'could not serialize access' using errcode = '40001';
          end if;
          raise exception 'deadlock detected' using errcode = '40P01';
        end $$`.execute(db());
    });
    afterAll(async () => {
      await database?.drop();
    });
    afterEach(async () => {
      await sql`drop trigger if exists lose_race on carts`.execute(db());
    });

    async function attemptsSoFar(): Promise<number> {
      const { rows } = await sql<{ value: number }>`
        select case when is_called then last_value else 0 end::int as value from attempts`.execute(
        db(),
      );
      return rows[0]?.value ?? 0;
    }

    it('a capture whose every attempt hits a serialization failure answers 503, not 500', async () => {
      const app = appOver(db());
      await sql`create trigger lose_race before insert on carts
                for each row execute function lose_race()`.execute(db());
      const before = await attemptsSoFar();
      await expectBusyAnswer(await post(app, shop, 'carts', captureBody()));
      expect((await attemptsSoFar()) - before).toBe(TRANSACTION_ATTEMPTS);
    });

    it('an order whose every attempt loses a deadlock answers 503, not 500, and the cart stays open', async () => {
      const app = appOver(db());
      const captured = await post(app, shop, 'carts', captureBody('pg-token'));
      expect(captured.status).toBe(201);
      await sql`create trigger lose_race before update on carts
                for each row execute function lose_race()`.execute(db());
      const before = await attemptsSoFar();
      await expectBusyAnswer(
        await post(
          app,
          shop,
          'orders',
          JSON.stringify({ cartId: 'pg-token', total: 1200, currency: 'EUR' }),
        ),
      );
      expect((await attemptsSoFar()) - before).toBe(TRANSACTION_ATTEMPTS);
      const cart = await db()
        .selectFrom('carts')
        .select('status')
        .where('platform_cart_id', '=', 'pg-token')
        .executeTakeFirstOrThrow();
      expect(cart.status).toBe('open');
    });
  },
);
