import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { createShop } from '../create-shop.js';
import { describeEachDialect } from '../test-databases.js';
import { down, up } from './015-lifecycle-order-once.js';

describeEachDialect('migration 015: one stored order per (shop, order id)', (database) => {
  it('keeps the first of an order stored twice (backend and webhook), then refuses a second', async () => {
    const { db } = database();
    const shop = await createShop(db, {
      name: 'M',
      origins: ['https://m.example'],
      now: new Date(),
    });
    await down(db as unknown as Kysely<unknown>); // back to 013's (shop, source, order) key
    const row = (id: string, source: string, orderId: string, at: string) => ({
      id,
      shop_id: shop.shopId,
      source,
      order_id: orderId,
      email: 'a@example.com',
      email_hash: 'h',
      name: null,
      address: 'null',
      locale: null,
      method_id: null,
      items: '[]',
      marketing_consent: 0,
      ordered_at: at,
    });
    await db
      .insertInto('lifecycle_orders')
      .values([
        row('ord_web', 'shopify', '5001', '2026-03-02T09:00:01.000Z'),
        row('ord_back', 'backend', '5001', '2026-03-02T09:00:00.000Z'),
        row('ord_other', 'backend', '5002', '2026-03-02T09:00:00.000Z'),
      ])
      .execute();
    await up(db as unknown as Kysely<unknown>);
    const left = await db
      .selectFrom('lifecycle_orders')
      .select('id')
      .where('shop_id', '=', shop.shopId)
      .orderBy('id')
      .execute();
    expect(left.map((r) => r.id)).toEqual(['ord_back', 'ord_other']);
    await expect(
      db
        .insertInto('lifecycle_orders')
        .values(row('ord_again', 'woocommerce', '5001', '2026-03-03T00:00:00.000Z'))
        .execute(),
    ).rejects.toThrow();
  });
});
