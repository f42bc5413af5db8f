import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createShop } from './create-shop.js';
import { describeEachDialect } from './test-databases.js';
import { inRetriedTransaction, isRetryableTransactionError } from './transaction-retry.js';

describeEachDialect('inRetriedTransaction', (database) => {
  it('runs both of two transactions that deadlock (PostgreSQL 40P01) to the end', async () => {
    const { db, dialect } = database();
    const now = new Date('2026-03-10T10:00:00Z');
    const a = await createShop(db, { name: 'A', origins: [], now });
    const b = await createShop(db, { name: 'B', origins: [], now });
    let attempts = 0;
    let bothLocked: () => void = () => undefined;
    const firstLocks = new Promise<void>((resolve) => (bothLocked = resolve));
    let locked = 0;
    // Each locks one shop row, waits until the other has locked its own, then wants the other's:
    // PostgreSQL aborts one of them as a deadlock; SQLite runs them one after the other.
    const crossing = (first: string, second: string, name: string) =>
      inRetriedTransaction(db, async (trx) => {
        attempts++;
        await trx.updateTable('shops').set({ name }).where('id', '=', first).execute();
        if (++locked === 2) bothLocked();
        if (dialect === 'postgres' && attempts <= 2) await firstLocks;
        await trx.updateTable('shops').set({ name }).where('id', '=', second).execute();
        return name;
      });
    const results = await Promise.all([
      crossing(a.shopId, b.shopId, 'one'),
      crossing(b.shopId, a.shopId, 'two'),
    ]);
    expect(results).toEqual(['one', 'two']);
    if (dialect === 'postgres') expect(attempts).toBe(3);
    const names = await db
      .selectFrom('shops')
      .select('name')
      .where('id', 'in', [a.shopId, b.shopId])
      .execute();
    expect(new Set(names.map((row) => row.name)).size).toBe(1);
  }, 20_000);

  it('lets any other error through at once', async () => {
    const { db } = database();
    let attempts = 0;
    await expect(
      inRetriedTransaction(db, async (trx) => {
        attempts++;
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
    expect(isRetryableTransactionError({ code: '40001' })).toBe(true);
    expect(isRetryableTransactionError({ code: '23505' })).toBe(false);
  });
});
