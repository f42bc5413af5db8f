import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../test-app.js';

const cart = { currency: 'EUR', subtotal: 100, items: [] };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describeEachDialect('public auth', (database) => {
  let t: TestApp;
  let a: string;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    a = `/v1/shops/${t.shopA.shopId}`;
  });

  describe('every public route is authenticated, whatever its last path segment', () => {
    it.each(['orders', 'orders/', 'config', 'events'])(
      'PUT …/carts/%s without a key is a 401',
      async (cartId) => {
        const response = await t.json('PUT', `${a}/carts/${cartId}`, { cart });
        expect(response.status).toBe(401);
        expect((await errorOf(response)).code).toBe('missing_key');
      },
    );

    it('answers a 404 (not a 500) to a cart named "orders" with a valid key', async () => {
      const response = await t.json(
        'PUT',
        `${a}/carts/orders`,
        { cart },
        { authorization: `Bearer ${t.shopA.publishableKey}` },
      );
      expect(response.status).toBe(404);
    });
  });

  describe('secret keys never travel in a URL', () => {
    it('refuses ?key=sk_… on /orders without echoing it, and acts on nothing', async () => {
      const response = await t.json('POST', `${a}/orders?key=${t.shopA.secretKey}`, {
        cartId: 'nope',
        total: 1,
        currency: 'EUR',
      });
      expect(response.status).toBe(401);
      const error = await errorOf(response);
      expect(error.code).toBe('secret_key_in_url');
      expect(JSON.stringify(error)).not.toContain(t.shopA.secretKey);
    });

    it('still takes the secret key in the Authorization header on /orders', async () => {
      const response = await t.json(
        'POST',
        `${a}/orders`,
        { cartId: 'nope', total: 1, currency: 'EUR' },
        { authorization: `Bearer ${t.shopA.secretKey}` },
      );
      expect(response.status).toBe(404);
    });
  });

  describe('Origin', () => {
    it('lets a request with no Origin through (servers), refuses Origin: null, and always varies on Origin', async () => {
      const server = await t.app.request(`${a}/config?key=${t.shopA.publishableKey}`);
      expect(server.status).toBe(200);
      expect(server.headers.get('access-control-allow-origin')).toBeNull();
      expect(server.headers.get('vary')).toContain('Origin');
      const sandboxed = await t.app.request(`${a}/config?key=${t.shopA.publishableKey}`, {
        headers: { origin: 'null' },
      });
      expect(sandboxed.status).toBe(403);
      const browser = await t.app.request(`${a}/config?key=${t.shopA.publishableKey}`, {
        headers: { origin: ORIGIN_A },
      });
      expect(browser.headers.get('access-control-allow-origin')).toBe(ORIGIN_A);
      expect(browser.headers.get('vary')).toContain('Origin');
    });

    it('answers a preflight of an unknown shop exactly like a refused origin (no existence leak)', async () => {
      const unknown = await t.app.request('/v1/shops/shp_nope/carts', {
        method: 'OPTIONS',
        headers: { origin: ORIGIN_A },
      });
      const foreign = await t.app.request(`${a}/carts`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      });
      expect(unknown.status).toBe(foreign.status);
      expect([...unknown.headers.keys()].filter((name) => name !== 'x-request-id').sort()).toEqual(
        [...foreign.headers.keys()].filter((name) => name !== 'x-request-id').sort(),
      );
    });
  });
});
