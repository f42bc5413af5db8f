import { expect, it, vi } from 'vitest';
import { createShop } from './create-shop.js';
import { prepared } from './prepared.js';
import { describeEachDialect } from './test-databases.js';

describeEachDialect('prepared queries', (database) => {
  it('compiles once per database and runs with each call’s values, in and out of transactions', async () => {
    const { db } = database();
    const now = new Date('2026-12-01T10:00:00Z');
    const first = await createShop(db, { name: 'First', origins: [], now });
    const second = await createShop(db, { name: 'Second', origins: [], now });
    const build = vi.fn((builder: typeof db, p: { id: string }) =>
      builder.selectFrom('shops').select(['id', 'name']).where('id', '=', p.id).limit(1),
    );
    const shopById = prepared(build);
    expect(await shopById.first(db, { id: first.shopId })).toEqual({
      id: first.shopId,
      name: 'First',
    });
    const inTransaction = await db
      .transaction()
      .execute((trx) => shopById.rows(trx, { id: second.shopId }));
    expect(inTransaction).toEqual([{ id: second.shopId, name: 'Second' }]);
    expect(await shopById.first(db, { id: 'shp_none' })).toBeUndefined();
    // A constant (the limit) stays a constant; only the placeholder changed between runs.
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('counts the rows a write changed', async () => {
    const { db } = database();
    const now = new Date('2026-12-01T10:00:00Z');
    const shop = await createShop(db, { name: 'Old name', origins: [], now });
    const rename = prepared((builder, p: { id: string; name: string }) =>
      builder.updateTable('shops').set({ name: p.name }).where('id', '=', p.id),
    );
    expect(await rename.affected(db, { id: shop.shopId, name: 'New name' })).toBe(1);
    expect(await rename.affected(db, { id: 'shp_none', name: 'Nobody' })).toBe(0);
    const row = await db
      .selectFrom('shops')
      .select('name')
      .where('id', '=', shop.shopId)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('New name');
  });
});
