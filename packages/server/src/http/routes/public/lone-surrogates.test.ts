import { beforeAll, expect, it } from 'vitest';
import { findCart, findCartByPlatformId } from '../../../storage/cart.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';

/** Half of 😀 (U+1F600): JSON carries it as `"\ud83d"`, UTF-8 cannot. */
const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

const cart = {
  id: 'gid-1',
  currency: 'EUR',
  subtotal: 4200,
  items: [{ id: 'v1', title: 'Thé vert', quantity: 2, unitPrice: 2100 }],
};

interface ErrorBody {
  error: { code: string; message: string; details: { path: string[] }[] };
}

describeEachDialect('lone UTF-16 surrogates', (database) => {
  let t: TestApp;
  let carts: string;
  let orders: string;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    carts = `/v1/shops/${t.shopA.shopId}/carts`;
    orders = `/v1/shops/${t.shopA.shopId}/orders`;
  });
  const headers = () => ({ authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A });

  async function expectRefused(response: Response, path: string[]) {
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(path.join('.'));
    expect(body.error.details.map((issue) => issue.path)).toContainEqual(path);
  }

  const captures: [string, Record<string, unknown>, string[]][] = [
    ['cart id', { cart: { ...cart, id: `gid-${LONE_HIGH}` } }, ['cart', 'id']],
    ['email', { cart, email: `ana${LONE_LOW}@example.com` }, ['email']],
    ['locale', { cart, locale: `fr${LONE_HIGH}` }, ['locale']],
    [
      'consent text',
      {
        cart,
        email: 'ana@example.com',
        consent: { granted: true, text: `Yes, email me ${LONE_LOW}${LONE_HIGH}` },
      },
      ['consent', 'text'],
    ],
    [
      'item title',
      { cart: { ...cart, items: [{ ...cart.items[0], title: `Thé ${LONE_HIGH}` }] } },
      ['cart', 'items', '0', 'title'],
    ],
  ];

  for (const [field, input, path] of captures) {
    it(`refuses a lone surrogate in the ${field} with a 400 naming it, and stores nothing`, async () => {
      const response = await t.json('POST', carts, input, headers());
      await expectRefused(response, path);
      const platformId = (input.cart as { id: string }).id;
      expect(await findCartByPlatformId(database().db, t.shopA.shopId, platformId)).toBeUndefined();
    });
  }

  it('refuses a lone surrogate in the order id with a 400 naming it; the cart stays open', async () => {
    const captured = await t.json('POST', carts, { cart: { ...cart, id: 'gid-order' } }, headers());
    expect(captured.status).toBe(201);
    const { id } = (await captured.json()) as { id: string };
    const response = await t.json(
      'POST',
      orders,
      { cartId: id, orderId: `#1001${LONE_HIGH}`, total: 4200, currency: 'EUR' },
      headers(),
    );
    await expectRefused(response, ['orderId']);
    expect((await findCart(database().db, t.shopA.shopId, id))?.status).toBe('open');
  });

  it('keeps well-formed astral characters byte-exact (a surrogate pair is not refused)', async () => {
    const response = await t.json(
      'POST',
      carts,
      {
        cart: { ...cart, id: 'gid-😀', items: [{ ...cart.items[0], title: 'Thé 😀 𝄞' }] },
        email: 'ana@example.com',
        consent: { granted: true, text: 'Oui 😀' },
        locale: 'fr',
      },
      headers(),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const stored = await findCart(database().db, t.shopA.shopId, id);
    expect(stored?.platformCartId).toBe('gid-😀');
    expect(stored?.items[0]?.title).toBe('Thé 😀 𝄞');
    expect(stored?.consent?.text).toBe('Oui 😀');
  });
});
