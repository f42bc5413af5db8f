import type { Transaction } from 'kysely';
import { beforeAll, expect, it, vi } from 'vitest';
import { generateId } from './keys.js';
import { createShop } from './create-shop.js';
import { findCart, insertCart, type CartContents } from './cart.store.js';
import type { Database } from './database.js';
import { GroupCommit } from './group-commit.js';
import { describeEachDialect } from './test-databases.js';

const contents: CartContents = {
  platformCartId: null,
  currency: 'EUR',
  country: 'FR',
  subtotal: 1200,
  items: [{ id: 'v1', productId: 'p1', title: 'Thé', quantity: 1, unitPrice: 1200 }],
  email: null,
  emailHash: null,
  consent: null,
  locale: 'fr',
};

describeEachDialect('group commit', (database) => {
  let shopId: string;
  const now = new Date('2026-11-26T10:00:00Z');
  beforeAll(async () => {
    shopId = (await createShop(database().db, { name: 'Shop', origins: [], now })).shopId;
  });

  it('runs the units queued together in one transaction, and answers each its own result', async () => {
    const groupCommit = new GroupCommit(database().db);
    const transactions = new Set<Transaction<Database>>();
    const ids = Array.from({ length: 20 }, () => generateId('crt'));
    const carts = await Promise.all(
      ids.map((id) =>
        groupCommit.run(async (trx) => {
          transactions.add(trx);
          return insertCart(trx, shopId, id, contents, now);
        }),
      ),
    );
    expect(transactions.size).toBe(1);
    expect(carts.map((cart) => cart.id)).toEqual(ids);
    for (const id of ids) expect(await findCart(database().db, shopId, id)).toBeDefined();
  });

  it('takes at most maxBatch units a transaction, and the rest in the next', async () => {
    const groupCommit = new GroupCommit(database().db, 4);
    const transactions = new Set<Transaction<Database>>();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        groupCommit.run(async (trx) => {
          transactions.add(trx);
          return insertCart(trx, shopId, generateId('crt'), contents, now);
        }),
      ),
    );
    expect(transactions.size).toBe(3);
  });

  it('fails only the unit that failed: the others are written, its own writes are not', async () => {
    const groupCommit = new GroupCommit(database().db);
    const good = [generateId('crt'), generateId('crt')];
    const bad = generateId('crt');
    const results = await Promise.allSettled([
      groupCommit.run((trx) => insertCart(trx, shopId, good[0] as string, contents, now)),
      groupCommit.run(async (trx) => {
        await insertCart(trx, shopId, bad, contents, now);
        throw new Error('this cart is refused');
      }),
      groupCommit.run((trx) => insertCart(trx, shopId, good[1] as string, contents, now)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('this cart is refused'));
    for (const id of good) expect(await findCart(database().db, shopId, id)).toBeDefined();
    expect(await findCart(database().db, shopId, bad)).toBeUndefined();
  });

  it('sees, in a later unit, what an earlier unit of the same batch wrote', async () => {
    const groupCommit = new GroupCommit(database().db);
    const id = generateId('crt');
    const [, seen] = await Promise.all([
      groupCommit.run((trx) => insertCart(trx, shopId, id, contents, now)),
      groupCommit.run((trx) => findCart(trx, shopId, id)),
    ]);
    expect(seen?.subtotal).toBe(1200);
  });

  it('settles while a test has faked the timers', async () => {
    vi.useFakeTimers();
    try {
      const groupCommit = new GroupCommit(database().db);
      const id = generateId('crt');
      const cart = await groupCommit.run((trx) => insertCart(trx, shopId, id, contents, now));
      expect(cart.id).toBe(id);
    } finally {
      vi.useRealTimers();
    }
  });
});
