import { beforeAll, describe, expect, it } from 'vitest';
import { findCart, markCartsEmailed } from '../../../storage/cart.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { listWidgetEvents } from '../../../storage/widget-event.store.js';
import { createApp } from '../../app.js';
import { createTestApp, ORIGIN_A, ORIGIN_B, type TestApp } from '../../test-app.js';

const cart = {
  id: 'gid-1',
  currency: 'EUR',
  country: 'FR',
  subtotal: 4200,
  items: [{ id: 'v1', title: 'Thé vert', quantity: 2, unitPrice: 2100 }],
};

async function errorCode(response: Response) {
  const body = (await response.json()) as { error: { code: string; details?: unknown } };
  return body.error.code;
}

describeEachDialect('public API', (database) => {
  let t: TestApp;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    a = `/v1/shops/${t.shopA.shopId}`;
    b = `/v1/shops/${t.shopB.shopId}`;
  });
  const key = () => ({ authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A });

  describe('GET config', () => {
    it('answers the published config with ETag, Cache-Control, CORS and holidays', async () => {
      const response = await t.app.request(`${a}/config?key=${t.shopA.publishableKey}`, {
        headers: { origin: ORIGIN_A },
      });
      expect(response.status).toBe(200);
      const config = (await response.json()) as {
        version: string;
        now: string;
        calendar: { holidays: string[] };
      };
      expect(response.headers.get('etag')).toBe(`"${config.version}"`);
      expect(response.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=86400',
      );
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
      expect(config.now).toBe('2026-03-02T09:00:00.000Z');
      expect(config.calendar.holidays).toContain('2026-07-14');
      expect(config.calendar.holidays).toContain('2027-01-01');
      expect(config).not.toHaveProperty('allowedOrigins');
      expect(config).not.toHaveProperty('recovery');

      const again = await t.app.request(`${a}/config`, {
        headers: { ...key(), 'if-none-match': response.headers.get('etag') ?? '' },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    });

    it('refuses a missing key, another shop’s key and an unknown shop alike', async () => {
      expect(await errorCode(await t.app.request(`${a}/config`))).toBe('missing_key');
      const foreign = await t.app.request(`${a}/config?key=${t.shopB.publishableKey}`);
      const unknown = await t.app.request(
        `/v1/shops/shp_nope/config?key=${t.shopA.publishableKey}`,
      );
      expect(foreign.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await foreign.json()).toEqual(await unknown.json());
      const secretOnPublic = await t.app.request(`${a}/config`, {
        headers: { authorization: `Bearer ${t.shopA.secretKey}` },
      });
      expect(secretOnPublic.status).toBe(401);
    });

    it('refuses a foreign Origin and answers CORS preflights only for allowed origins', async () => {
      const foreign = await t.app.request(`${a}/config`, {
        headers: { ...key(), origin: ORIGIN_B },
      });
      expect(foreign.status).toBe(403);
      expect(await errorCode(foreign)).toBe('origin_not_allowed');
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

      const allowed = await t.app.request(`${a}/carts`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN_A },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
      const refused = await t.app.request(`${a}/carts`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN_B },
      });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('carts', () => {
    it('captures a cart, idempotently for the same platform cart id', async () => {
      const first = await t.json('POST', `${a}/carts`, { cart }, key());
      expect(first.status).toBe(201);
      const created = (await first.json()) as { id: string; emailCaptured: boolean };
      expect(created).toEqual({ id: expect.stringMatching(/^crt_/), emailCaptured: false });
      const second = await t.json(
        'POST',
        `${a}/carts`,
        { cart: { ...cart, subtotal: 100 } },
        key(),
      );
      expect(((await second.json()) as { id: string }).id).toBe(created.id);
      const stored = await findCart(database().db, t.shopA.shopId, created.id);
      expect(stored?.subtotal).toBe(100);
    });

    it('records consent with its time and exact text, and keeps emails only with consent', async () => {
      const text = 'Envoyez-moi mon panier — « merci » 🛒';
      const withConsent = await t.json(
        'POST',
        `${a}/carts`,
        {
          cart: { ...cart, id: 'consent-1' },
          email: 'Ana@Example.com',
          consent: { granted: true, text },
          locale: 'fr',
        },
        key(),
      );
      const { id, emailCaptured } = (await withConsent.json()) as {
        id: string;
        emailCaptured: boolean;
      };
      expect(emailCaptured).toBe(true);
      const stored = await findCart(database().db, t.shopA.shopId, id);
      expect(stored?.consent).toEqual({ granted: true, text, at: '2026-03-02T09:00:00.000Z' });
      expect(stored?.email).toBe('Ana@Example.com');

      const withoutConsent = await t.json(
        'POST',
        `${a}/carts`,
        { cart: { ...cart, id: 'consent-2' }, email: 'bo@example.com' },
        key(),
      );
      expect(((await withoutConsent.json()) as { emailCaptured: boolean }).emailCaptured).toBe(
        false,
      );

      const withdrawn = await t.json(
        'PUT',
        `${a}/carts/${id}`,
        { cart: { ...cart, id: 'consent-1' }, consent: { granted: false, text } },
        key(),
      );
      expect(withdrawn.status).toBe(200);
      expect(((await withdrawn.json()) as { emailCaptured: boolean }).emailCaptured).toBe(false);
    });

    it('stores unicode and SQL-like strings byte-exact', async () => {
      const title = `Robert'); DROP TABLE carts;-- \u0000 ñ 日本 👩‍👩‍👧 "quoted" \\ back`;
      const response = await t.json(
        'POST',
        `${a}/carts`,
        {
          cart: {
            ...cart,
            id: `x' OR 1=1 --`,
            items: [{ id: 'v"1', title, quantity: 1, unitPrice: 1 }],
          },
        },
        key(),
      );
      const { id } = (await response.json()) as { id: string };
      const stored = await findCart(database().db, t.shopA.shopId, id);
      expect(stored?.items[0]?.title).toBe(title);
      expect(stored?.platformCartId).toBe(`x' OR 1=1 --`);
    });

    it('updates by crt_ id, and finds no cart of another shop', async () => {
      const { id } = (await (
        await t.json('POST', `${a}/carts`, { cart: { ...cart, id: 'upd' } }, key())
      ).json()) as { id: string };
      const updated = await t.json(
        'PUT',
        `${a}/carts/${id}`,
        { cart: { ...cart, id: 'upd', subtotal: 1 } },
        key(),
      );
      expect(updated.status).toBe(200);
      const other = await t.json(
        'PUT',
        `${b}/carts/${id}`,
        { cart },
        { authorization: `Bearer ${t.shopB.publishableKey}` },
      );
      expect(other.status).toBe(404);
      const missing = await t.json('PUT', `${a}/carts/crt_missing`, { cart }, key());
      expect(missing.status).toBe(404);
    });

    it.each([
      ['wrong types', { cart: { ...cart, subtotal: '12' } }, 'cart.subtotal'],
      ['a fractional amount', { cart: { ...cart, subtotal: 12.5 } }, 'cart.subtotal'],
      ['a missing field', { cart: { currency: 'EUR', items: [] } }, 'cart.subtotal'],
      ['an unknown field', { cart, admin: true }, ''],
      ['a lower-case currency', { cart: { ...cart, currency: 'eur' } }, 'cart.currency'],
      [
        'too many items',
        {
          cart: {
            ...cart,
            items: Array.from({ length: 201 }, (_, i) => ({
              id: `${i}`,
              title: 't',
              quantity: 1,
              unitPrice: 1,
            })),
          },
        },
        'cart.items',
      ],
      ['consent without email', { cart, consent: { granted: true, text: 'ok' } }, 'email'],
    ])('answers 400 with the issues for %s', async (_label, body, path) => {
      const response = await t.json('POST', `${a}/carts`, body, key());
      expect(response.status).toBe(400);
      const error = (
        (await response.json()) as { error: { code: string; details: { path: string[] }[] } }
      ).error;
      expect(error.code).toBe('invalid_request');
      expect(error.details.map((issue) => issue.path.join('.'))).toContain(path);
    });

    it('answers 400 to malformed JSON, 415 to another content type, 413 to a huge body', async () => {
      const malformed = await t.json('POST', `${a}/carts`, '{"cart":', key());
      expect(malformed.status).toBe(400);
      expect(await errorCode(malformed)).toBe('invalid_json');
      const form = await t.app.request(`${a}/carts`, {
        method: 'POST',
        headers: { ...key(), 'content-type': 'text/plain' },
        body: JSON.stringify({ cart }),
      });
      expect(form.status).toBe(415);
      const huge = await t.json(
        'POST',
        `${a}/carts`,
        { cart: { ...cart, id: 'x'.repeat(40_000) } },
        key(),
      );
      expect(huge.status).toBe(413);
      expect(await errorCode(huge)).toBe('payload_too_large');
    });
  });

  describe('orders', () => {
    it('marks the cart converted by crt_ id or platform id, once', async () => {
      const { id } = (await (
        await t.json('POST', `${a}/carts`, { cart: { ...cart, id: 'ord-1' } }, key())
      ).json()) as { id: string };
      const order = await t.json(
        'POST',
        `${a}/orders`,
        { cartId: 'ord-1', total: 4500, currency: 'EUR', orderId: '1001' },
        key(),
      );
      expect(order.status).toBe(201);
      expect(await order.json()).toEqual({ cartId: id, recovered: false });
      const stored = await findCart(database().db, t.shopA.shopId, id);
      expect(stored).toMatchObject({ status: 'converted', orderTotal: 4500, orderId: '1001' });
      const again = await t.json(
        'POST',
        `${a}/orders`,
        { cartId: id, total: 9999, currency: 'EUR' },
        key(),
      );
      expect(await again.json()).toEqual({ cartId: id, recovered: false });
      expect((await findCart(database().db, t.shopA.shopId, id))?.orderTotal).toBe(4500);
    });

    it('counts a cart as recovered after a recovery email, with the secret key from a backend', async () => {
      const { id } = (await (
        await t.json('POST', `${a}/carts`, { cart: { ...cart, id: 'ord-2' } }, key())
      ).json()) as { id: string };
      await markCartsEmailed(database().db, t.shopA.shopId, [id], '2026-03-02T10:00:00.000Z');
      const order = await t.json(
        'POST',
        `${a}/orders`,
        { cartId: id, total: 4200, currency: 'EUR' },
        {
          authorization: `Bearer ${t.shopA.secretKey}`,
        },
      );
      expect(await order.json()).toEqual({ cartId: id, recovered: true });
    });

    it('finds no cart of another shop', async () => {
      const { id } = (await (
        await t.json('POST', `${a}/carts`, { cart: { ...cart, id: 'ord-3' } }, key())
      ).json()) as { id: string };
      const response = await t.json(
        'POST',
        `${b}/orders`,
        { cartId: id, total: 1, currency: 'EUR' },
        {
          authorization: `Bearer ${t.shopB.publishableKey}`,
        },
      );
      expect(response.status).toBe(404);
    });
  });

  describe('events', () => {
    it('accepts a batch of known events', async () => {
      const response = await t.json(
        'POST',
        `${b}/events`,
        {
          events: [
            { type: 'faq_opened', questionId: 'q1' },
            { type: 'faq_search_empty', query: 'retour' },
          ],
        },
        { authorization: `Bearer ${t.shopB.publishableKey}`, origin: ORIGIN_B },
      );
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ accepted: 2 });
      const stored = await listWidgetEvents(database().db, t.shopB.shopId);
      expect(stored.map((event) => event.subject).sort()).toEqual(['q1', 'retour']);
    });

    it('refuses unknown types and more than 50 events', async () => {
      const unknown = await t.json(
        'POST',
        `${a}/events`,
        { events: [{ type: 'page_view' }] },
        key(),
      );
      expect(unknown.status).toBe(400);
      const many = Array.from({ length: 51 }, () => ({ type: 'faq_opened', questionId: 'q' }));
      expect((await t.json('POST', `${a}/events`, { events: many }, key())).status).toBe(400);
    });
  });

  it('limits requests per shop with 429 and Retry-After', async () => {
    const limited = createApp({
      db: database().db,
      shopCacheTtlMs: 0,
      rateLimits: { shop: { burst: 2, perSecond: 0.5 } },
    });
    const get = () => limited.request(`${a}/config`, { headers: key() });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await errorCode(refused)).toBe('rate_limited');
  });
});
