import { defaultShopConfig, type ShopConfig } from '@comptoir/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { markCartsEmailed } from '../../../storage/cart.store.js';
import { insertEmail } from '../../../storage/emails.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';

const cart = {
  currency: 'EUR',
  subtotal: 1000,
  items: [{ id: 'v1', title: 'Mug', quantity: 1, unitPrice: 1000 }],
};

async function signIn(t: TestApp, secretKey: string) {
  const response = await t.json('POST', '/v1/admin/session', { secretKey });
  const cookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { csrfToken: string; shopId: string };
  return { response, cookie: cookie.split(';')[0] ?? '', setCookie: cookie, body };
}

describeEachDialect('admin API', (database) => {
  let t: TestApp;
  let bearerA: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    bearerA = { authorization: `Bearer ${t.shopA.secretKey}` };
  });

  describe('session', () => {
    it('signs in with the secret key: HttpOnly SameSite=Strict cookie and a CSRF token', async () => {
      const { response, setCookie, body, cookie } = await signIn(t, t.shopA.secretKey);
      expect(response.status).toBe(200);
      expect(setCookie).toMatch(/^comptoir_session=/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(body).toMatchObject({ shopId: t.shopA.shopId, shopName: 'Shop A' });
      const again = await t.app.request('/v1/admin/session', { headers: { cookie } });
      expect(await again.json()).toEqual(body);
    });

    it('refuses a wrong secret key', async () => {
      const response = await t.json('POST', '/v1/admin/session', { secretKey: 'sk_wrong' });
      expect(response.status).toBe(401);
    });

    it('requires the CSRF token on cookie-authenticated writes', async () => {
      const { cookie, body } = await signIn(t, t.shopA.secretKey);
      const config = (await (
        await t.app.request('/v1/admin/config', { headers: { cookie } })
      ).json()) as ShopConfig;
      const without = await t.json('PUT', '/v1/admin/config', config, { cookie });
      expect(without.status).toBe(403);
      const wrong = await t.json('PUT', '/v1/admin/config', config, {
        cookie,
        'x-csrf-token': 'nope',
      });
      expect(wrong.status).toBe(403);
      const right = await t.json('PUT', '/v1/admin/config', config, {
        cookie,
        'x-csrf-token': body.csrfToken,
      });
      expect(right.status).toBe(200);
    });

    it('ends an expired session, and signs out', async () => {
      const { cookie, body } = await signIn(t, t.shopA.secretKey);
      t.setNow('2026-03-03T09:00:00Z');
      const expired = await t.app.request('/v1/admin/config', { headers: { cookie } });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe(
        'session_expired',
      );
      t.setNow('2026-03-02T09:00:00Z');

      const fresh = await signIn(t, t.shopA.secretKey);
      const noCsrf = await t.app.request('/v1/admin/session', {
        method: 'DELETE',
        headers: { cookie: fresh.cookie },
      });
      expect(noCsrf.status).toBe(403);
      const out = await t.app.request('/v1/admin/session', {
        method: 'DELETE',
        headers: { cookie: fresh.cookie, 'x-csrf-token': fresh.body.csrfToken },
      });
      expect(out.status).toBe(204);
      expect(
        (await t.app.request('/v1/admin/config', { headers: { cookie: fresh.cookie } })).status,
      ).toBe(401);
      expect(body.csrfToken).not.toBe(fresh.body.csrfToken);
    });

    it('answers 401 with no credentials, and for a publishable key', async () => {
      expect((await t.app.request('/v1/admin/config')).status).toBe(401);
      const pk = await t.app.request('/v1/admin/config', {
        headers: { authorization: `Bearer ${t.shopA.publishableKey}` },
      });
      expect(pk.status).toBe(401);
    });
  });

  it("answers the admin routes that hold sessions, configs and shoppers' data with Cache-Control: no-store", async () => {
    const { response: signedIn, cookie } = await signIn(t, t.shopA.secretKey);
    const config = await t.app.request('/v1/admin/config', { headers: bearerA });
    const etag = config.headers.get('etag') ?? '';
    const answers = [
      signedIn,
      await t.app.request('/v1/admin/session', { headers: { cookie } }),
      config,
      await t.json('PUT', '/v1/admin/config', await config.clone().json(), {
        ...bearerA,
        'if-match': etag,
      }),
      await t.json('POST', '/v1/admin/shoppers/export', { email: 'a@example.com' }, bearerA),
      await t.app.request('/v1/admin/carts.csv', { headers: bearerA }),
      await t.app.request('/v1/admin/carts', { headers: bearerA }),
      await t.json('PUT', '/v1/admin/order-webhooks/shopify', {}, bearerA),
      await t.json(
        'POST',
        '/v1/admin/webhook-endpoints',
        { url: 'https://example.com/hook', events: ['cart.captured'] },
        bearerA,
      ),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  describe('config', () => {
    it('saves with If-Match and answers 412 to a stale version', async () => {
      const got = await t.app.request('/v1/admin/config', { headers: bearerA });
      const etag = got.headers.get('etag') ?? '';
      const config = (await got.json()) as ShopConfig;
      const edited = {
        ...config,
        shopName: 'Shop A — « Épicerie »',
        faq: [{ id: 'q1', category: '', question: 'Délais ?', answer: '2 jours' }],
      };
      const saved = await t.json('PUT', '/v1/admin/config', edited, {
        ...bearerA,
        'if-match': etag,
      });
      expect(saved.status).toBe(200);
      expect(saved.headers.get('etag')).not.toBe(etag);
      expect(await saved.json()).toEqual(edited);
      const stale = await t.json('PUT', '/v1/admin/config', config, {
        ...bearerA,
        'if-match': etag,
      });
      expect(stale.status).toBe(412);
      const published = await t.app.request(
        `/v1/shops/${t.shopA.shopId}/config?key=${t.shopA.publishableKey}`,
      );
      expect(((await published.json()) as { shopName: string }).shopName).toBe(
        'Shop A — « Épicerie »',
      );
    });

    it('refuses an invalid config with the path of each problem', async () => {
      const config = defaultShopConfig('X', [ORIGIN_A]);
      const bad = {
        ...config,
        defaultLocale: 'de',
        calendar: { ...config.calendar, cutoff: '25:00' },
        extra: 1,
      };
      const response = await t.json('PUT', '/v1/admin/config', bad, bearerA);
      expect(response.status).toBe(400);
      const paths = (
        (await response.json()) as { error: { details: { path: string[] }[] } }
      ).error.details.map((d) => d.path.join('.'));
      expect(paths).toContain('calendar.cutoff');
      const unknownRegion = {
        ...config,
        calendar: { ...config.calendar, holidayCountry: 'FR', holidayRegion: 'ZZ' },
      };
      expect((await t.json('PUT', '/v1/admin/config', unknownRegion, bearerA)).status).toBe(400);
    });

    it('previews a draft, lists holidays and gives the install snippet', async () => {
      const draft = defaultShopConfig('Draft', [ORIGIN_A]);
      draft.calendar.holidayCountry = 'DE';
      draft.calendar.holidayRegion = 'BY';
      const preview = await t.json(
        'POST',
        '/v1/admin/preview',
        { config: draft, at: '2026-12-01T10:00:00Z' },
        bearerA,
      );
      const published = (await preview.json()) as {
        shopName: string;
        now: string;
        calendar: { holidays: string[] };
      };
      expect(published.shopName).toBe('Draft');
      expect(published.now).toBe('2026-12-01T10:00:00.000Z');
      expect(published.calendar.holidays).toContain('2027-01-06');

      const holidays = await t.app.request('/v1/admin/holidays?country=FR', { headers: bearerA });
      const list = (await holidays.json()) as { holidays: { date: string; name: string }[] };
      expect(list.holidays.find((h) => h.date === '2026-05-01')?.name).toBeTruthy();
      expect(
        (await t.app.request('/v1/admin/holidays?country=fr', { headers: bearerA })).status,
      ).toBe(400);
      expect(
        (await t.app.request('/v1/admin/holidays?country=ZZ', { headers: bearerA })).status,
      ).toBe(400);

      const install = (await (
        await t.app.request('/v1/admin/install', { headers: bearerA })
      ).json()) as { snippet: string };
      expect(install.snippet).toContain(`data-shop="${t.shopA.shopId}"`);
      expect(install.snippet).toContain(`data-key="${t.shopA.publishableKey}"`);
      // As the README says: in <head>, render-blocking, so the page never jumps.
      expect(install.snippet).toMatch(/^<script type="module" blocking="render" src=/);
    });

    it('refuses bodies over 1 MB', async () => {
      const response = await t.json(
        'PUT',
        '/v1/admin/config',
        { shopName: 'x'.repeat(1_100_000) },
        bearerA,
      );
      expect(response.status).toBe(413);
    });
  });

  describe('carts, stats and shoppers', () => {
    let shop: TestApp;
    beforeAll(async () => {
      shop = await createTestApp(database().db);
      const key = { authorization: `Bearer ${shop.shopA.publishableKey}` };
      const base = `/v1/shops/${shop.shopA.shopId}`;
      for (let i = 0; i < 5; i++) {
        shop.setNow(`2026-03-0${i + 1}T12:00:00Z`);
        const body =
          i < 2
            ? {
                cart: { ...cart, id: `c${i}` },
                email: 'Zoé@example.com',
                consent: { granted: true, text: 'OK' },
              }
            : { cart: { ...cart, id: `c${i}` } };
        await shop.json('POST', `${base}/carts`, body, key);
      }
      shop.setNow('2026-03-05T13:00:00Z');
      const carts = (await (
        await shop.app.request('/v1/admin/carts', {
          headers: { authorization: `Bearer ${shop.shopA.secretKey}` },
        })
      ).json()) as { items: { id: string; platformCartId: string }[] };
      const c1 = carts.items.find((item) => item.platformCartId === 'c1');
      await markCartsEmailed(
        database().db,
        shop.shopA.shopId,
        [c1?.id ?? ''],
        '2026-03-02T13:00:00.000Z',
      );
      await shop.json(
        'POST',
        `${base}/orders`,
        { cartId: 'c1', total: 1500, currency: 'EUR' },
        key,
      );
      await shop.json('POST', `${base}/orders`, { cartId: 'c3', total: 900, currency: 'EUR' }, key);
      await shop.json(
        'POST',
        `${base}/events`,
        {
          events: [
            { type: 'faq_search_empty', query: 'retour' },
            { type: 'faq_search_empty', query: 'retour' },
            { type: 'faq_opened', questionId: 'q1' },
          ],
        },
        key,
      );
    });
    const admin = () => ({ authorization: `Bearer ${shop.shopA.secretKey}` });

    it('pages carts newest first, filters by status and date', async () => {
      const first = (await (
        await shop.app.request('/v1/admin/carts?limit=2', { headers: admin() })
      ).json()) as { items: { platformCartId: string }[]; nextCursor: string };
      expect(first.items.map((c) => c.platformCartId)).toEqual(['c4', 'c3']);
      const second = (await (
        await shop.app.request(`/v1/admin/carts?limit=2&cursor=${first.nextCursor}`, {
          headers: admin(),
        })
      ).json()) as { items: { platformCartId: string }[] };
      expect(second.items.map((c) => c.platformCartId)).toEqual(['c2', 'c1']);
      const recovered = (await (
        await shop.app.request('/v1/admin/carts?status=recovered', { headers: admin() })
      ).json()) as { items: { platformCartId: string }[] };
      expect(recovered.items.map((c) => c.platformCartId)).toEqual(['c1']);
      const ranged = (await (
        await shop.app.request('/v1/admin/carts?from=2026-03-02&to=2026-03-03', {
          headers: admin(),
        })
      ).json()) as { items: unknown[] };
      expect(ranged.items).toHaveLength(2);
      expect(
        (await shop.app.request('/v1/admin/carts?status=lost', { headers: admin() })).status,
      ).toBe(400);
      expect(
        (await shop.app.request('/v1/admin/carts?cursor=garbage', { headers: admin() })).status,
      ).toBe(400);
    });

    it('shows one cart with its items, status and the emails sent about it', async () => {
      const list = (await (
        await shop.app.request('/v1/admin/carts', { headers: admin() })
      ).json()) as { items: { id: string; platformCartId: string }[] };
      const c1 = list.items.find((item) => item.platformCartId === 'c1')!;
      await insertEmail(database().db, shop.shopA.shopId, {
        id: 'em_c1_0',
        jobId: null,
        kind: 'recovery',
        subjectId: c1.id,
        step: 0,
        to: 'zoe@example.com',
        subject: 'You left something in your cart',
        html: '<p>Hi</p>',
        text: 'Hi',
        messageId: '<em_c1_0@test>',
        transport: 'outbox',
        createdAt: '2026-03-02T13:00:00.000Z',
        emailHash: 'hash',
      });
      const detail = (await (
        await shop.app.request(`/v1/admin/carts/${c1.id}`, { headers: admin() })
      ).json()) as {
        cart: { status: string; items: unknown[] };
        emails: { step: number; subject: string }[];
      };
      expect(detail.cart.status).toBe('recovered');
      expect(detail.cart.items.length).toBeGreaterThan(0);
      expect(detail.emails).toEqual([
        {
          id: 'em_c1_0',
          step: 0,
          subject: 'You left something in your cart',
          transport: 'outbox',
          createdAt: '2026-03-02T13:00:00.000Z',
        },
      ]);
      // Another shop's key never sees it.
      const other = await shop.app.request(`/v1/admin/carts/${c1.id}`, {
        headers: { authorization: `Bearer ${shop.shopB.secretKey}` },
      });
      expect(other.status).toBe(404);
    });

    it('exports CSV with a header row', async () => {
      const response = await shop.app.request('/v1/admin/carts.csv', { headers: admin() });
      expect(response.headers.get('content-type')).toContain('text/csv');
      const lines = (await response.text()).trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,created_at,status/);
      expect(lines).toHaveLength(6);
    });

    it('counts over a range', async () => {
      const response = await shop.app.request('/v1/admin/stats?from=2026-03-01&to=2026-03-05', {
        headers: admin(),
      });
      const stats = (await response.json()) as Record<string, unknown>;
      expect(stats).toMatchObject({
        cartsCaptured: 5,
        cartsWithEmail: 2,
        cartsConverted: 2,
        cartsRecovered: 1,
        recoveredRevenue: [{ currency: 'EUR', amount: 1500 }],
        faqOpened: 1,
        faqSearchesEmpty: 2,
        topEmptySearches: [{ query: 'retour', count: 2 }],
      });
      expect(stats.daily).toHaveLength(5);
      expect(
        (
          await shop.app.request('/v1/admin/stats?from=2026-03-05&to=2026-03-01', {
            headers: admin(),
          })
        ).status,
      ).toBe(400);
    });

    it('exports and erases one shopper, whatever the case of their email', async () => {
      const exported = await shop.json(
        'POST',
        '/v1/admin/shoppers/export',
        { email: 'zoé@EXAMPLE.com' },
        admin(),
      );
      const data = (await exported.json()) as { carts: { email: string }[] };
      expect(data.carts.map((c) => c.email)).toEqual(['Zoé@example.com', 'Zoé@example.com']);
      const erased = await shop.json(
        'POST',
        '/v1/admin/shoppers/erase',
        { email: 'zoé@example.com' },
        admin(),
      );
      expect(await erased.json()).toEqual({ email: 'zoé@example.com', cartsErased: 2 });
      const after = (await (
        await shop.json('POST', '/v1/admin/shoppers/export', { email: 'zoé@example.com' }, admin())
      ).json()) as { carts: unknown[] };
      expect(after.carts).toEqual([]);
    });

    it('shows nothing of another shop', async () => {
      const other = { authorization: `Bearer ${shop.shopB.secretKey}` };
      const carts = (await (
        await shop.app.request('/v1/admin/carts', { headers: other })
      ).json()) as { items: unknown[] };
      expect(carts.items).toEqual([]);
      const stats = (await (
        await shop.app.request('/v1/admin/stats', { headers: other })
      ).json()) as { cartsCaptured: number };
      expect(stats.cartsCaptured).toBe(0);
    });
  });

  it('rotates the secret key: the old one stops working, the data stays', async () => {
    const own = await createTestApp(database().db);
    const old = { authorization: `Bearer ${own.shopA.secretKey}` };
    const rotated = (await (
      await own.app.request('/v1/admin/keys/rotate', { method: 'POST', headers: old })
    ).json()) as { secretKey: string };
    expect(rotated.secretKey).toMatch(/^sk_/);
    expect((await own.app.request('/v1/admin/config', { headers: old })).status).toBe(401);
    const fresh = await own.app.request('/v1/admin/config', {
      headers: { authorization: `Bearer ${rotated.secretKey}` },
    });
    expect(((await fresh.json()) as ShopConfig).shopName).toBe('Shop A');
  });
});
