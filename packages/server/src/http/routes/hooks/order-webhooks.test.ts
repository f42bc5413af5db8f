import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShopStats } from '@comptoir/sdk';
import { base64Hmac } from '../../../orders/signatures.js';
import { findCart, markCartsEmailed } from '../../../storage/cart.store.js';
import { listJobsOfSubject } from '../../../storage/jobs.store.js';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';
import { scheduleRequestedRecoveries } from '../../../worker/scheduler.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../orders/fixtures/${name}`, import.meta.url), 'utf8');
const shopifyExample = fixture('shopify-orders-create.json');
const wooExample = fixture('woocommerce-order.json');

const SHOPIFY_SECRET = 'f3d5c1b2a4e6f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f';

interface WebhookLog {
  platforms: { platform: string; state: string; url: string; secretHint: string | null }[];
  log: { outcome: string; status: number; message: string; orderId: string | null }[];
}

describeEachDialect('order webhooks', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;
  let storefront: Record<string, string>;
  let shopifyUrl: string;
  let wooUrl: string;
  let wooSecret: string;
  beforeAll(async () => {
    t = await createTestApp(database().db);
    admin = { authorization: `Bearer ${t.shopA.secretKey}` };
    storefront = { authorization: `Bearer ${t.shopA.publishableKey}`, origin: ORIGIN_A };
    shopifyUrl = `/v1/hooks/shopify/${t.shopA.shopId}`;
    wooUrl = `/v1/hooks/woocommerce/${t.shopA.shopId}`;
  });

  const stats = async () =>
    (await (await t.app.request('/v1/admin/stats', { headers: admin })).json()) as ShopStats;
  const webhooks = async () =>
    (await (
      await t.app.request('/v1/admin/order-webhooks', { headers: admin })
    ).json()) as WebhookLog;
  const verifiedOrders = async () =>
    database()
      .db.selectFrom('verified_orders')
      .selectAll()
      .where('shop_id', '=', t.shopA.shopId)
      .execute();

  async function capture(body: Record<string, unknown>) {
    const response = await t.json('POST', `/v1/shops/${t.shopA.shopId}/carts`, body, storefront);
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const shopifyHeaders = (body: string, webhookId: string, topic = 'orders/create') => ({
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': 'comptoir-test.myshopify.com',
    'x-shopify-api-version': '2025-10',
    'x-shopify-webhook-id': webhookId,
    'x-shopify-event-id': `evt-${webhookId}`,
    'x-shopify-hmac-sha256': base64Hmac(SHOPIFY_SECRET, body),
  });
  // Each delivery a second after the last, so the log's newest-first order is the order sent.
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const post = (url: string, body: string, headers: Record<string, string>) => {
    clock += 1000;
    t.setNow(new Date(clock));
    return t.app.request(url, { method: 'POST', body, headers });
  };

  describe('Shopify', () => {
    it('shows the URL to paste and waits for the first order once the secret is set', async () => {
      const before = await webhooks();
      expect(before.platforms.find((p) => p.platform === 'shopify')).toMatchObject({
        state: 'off',
        url: `http://localhost:8787/v1/hooks/shopify/${t.shopA.shopId}`,
      });
      const saved = await t.json(
        'PUT',
        '/v1/admin/order-webhooks/shopify',
        { secret: SHOPIFY_SECRET },
        admin,
      );
      expect(saved.status).toBe(200);
      const body = (await saved.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ state: 'waiting', secretHint: '…3e4f' });
      expect(body).not.toHaveProperty('secret');
      const stored = await database().db.selectFrom('order_sources').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(SHOPIFY_SECRET);
    });

    it('stops the recovery of the cart its cart token names and counts the revenue once', async () => {
      // The /cart.js adapter keeps the token before "?key=": the order's cart_token.
      const cartId = await capture({
        cart: {
          id: 'c1-7a2abe82733a34e84aa472d57fb5c3c1',
          currency: 'USD',
          subtotal: 24998,
          items: [{ id: 'v1', title: 'Aviator sunglasses', quantity: 1, unitPrice: 8999 }],
        },
        email: 'lea.martin@example.com',
        consent: { granted: true, text: 'Send me my cart' },
      });
      await scheduleRequestedRecoveries(database().db, { skipLocked: false });
      await markCartsEmailed(database().db, t.shopA.shopId, [cartId], '2026-03-02T08:00:00.000Z');
      const jobs = await listJobsOfSubject(database().db, t.shopA.shopId, cartId);
      expect(jobs.filter((job) => job.status === 'pending').length).toBeGreaterThan(0);

      const delivery = await post(
        shopifyUrl,
        shopifyExample,
        shopifyHeaders(shopifyExample, 'wh-1'),
      );
      expect(delivery.status).toBe(200);
      expect(await delivery.json()).toMatchObject({
        orderId: '820982911946154508',
        counted: true,
        cartId,
        recovered: true,
      });
      const cart = await findCart(database().db, t.shopA.shopId, cartId);
      expect(cart).toMatchObject({ status: 'recovered', orderTotal: 25498, orderCurrency: 'USD' });
      const after = await listJobsOfSubject(database().db, t.shopA.shopId, cartId);
      expect(after.filter((job) => job.status === 'pending')).toEqual([]);

      // Shopify retrying the same delivery (same X-Shopify-Webhook-Id): a 2xx, so the platform
      // does not count a failure, and nothing counted twice.
      const ordersBefore = await verifiedOrders();
      const replay = await post(shopifyUrl, shopifyExample, shopifyHeaders(shopifyExample, 'wh-1'));
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ received: true, duplicate: true });
      expect(await verifiedOrders()).toEqual(ordersBefore);
      expect((await webhooks()).log.filter((line) => line.outcome === 'duplicate')).toEqual([
        expect.objectContaining({ status: 200, message: expect.stringContaining('wh-1') }),
      ]);
      // A replayed delivery id with a forged signature is still refused.
      const forgedReplay = await post(shopifyUrl, shopifyExample, {
        ...shopifyHeaders(shopifyExample, 'wh-1'),
        'x-shopify-hmac-sha256': base64Hmac('not the secret', shopifyExample),
      });
      expect(forgedReplay.status).toBe(401);
      expect(((await forgedReplay.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_signature',
      );
      // orders/paid for the same order is another delivery of the same order: counted once.
      const paid = await post(
        shopifyUrl,
        shopifyExample,
        shopifyHeaders(shopifyExample, 'wh-2', 'orders/paid'),
      );
      expect(paid.status).toBe(200);
      expect(await paid.json()).toMatchObject({ counted: false });

      expect(await verifiedOrders()).toHaveLength(1);
      const figures = await stats();
      expect(figures.revenueSource).toBe('verified');
      expect(figures.verifiedSources).toEqual(['shopify']);
      expect(figures.recoveredRevenue).toEqual([{ currency: 'USD', amount: 25498 }]);
      const state = await webhooks();
      expect(state.platforms.find((p) => p.platform === 'shopify')?.state).toBe('receiving');
      expect(state.log.map((line) => line.outcome).slice(0, 4)).toEqual([
        'accepted',
        'bad_signature',
        'duplicate',
        'accepted',
      ]);
    });

    it('refuses a wrong signature, a malformed body and an unknown shop, recording nothing', async () => {
      const other = shopifyExample.replace('820982911946154508', '820982911946154599');
      const forged = await post(shopifyUrl, other, {
        ...shopifyHeaders(other, 'wh-3'),
        'x-shopify-hmac-sha256': base64Hmac('not the secret', other),
      });
      expect(forged.status).toBe(401);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_signature',
      );
      // One byte changed after signing: the raw body is what is signed.
      const tampered = await post(
        shopifyUrl,
        other.replace('254.98', '954.98'),
        shopifyHeaders(other, 'wh-4'),
      );
      expect(tampered.status).toBe(401);
      const unsigned = await post(shopifyUrl, other, { 'x-shopify-topic': 'orders/create' });
      expect(unsigned.status).toBe(401);

      const malformed = '{"id": "not an order"}';
      const bad = await post(shopifyUrl, malformed, shopifyHeaders(malformed, 'wh-5'));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
        /currency/,
      );
      const notJson = await post(shopifyUrl, '{"id": 1', shopifyHeaders('{"id": 1', 'wh-6'));
      expect(notJson.status).toBe(400);

      const unknown = await post(
        '/v1/hooks/shopify/shp_unknown',
        shopifyExample,
        shopifyHeaders(shopifyExample, 'wh-7'),
      );
      expect(unknown.status).toBe(404);
      // Shop B set up no Shopify webhook: shop A's signed delivery does nothing there.
      const wrongShop = await post(
        `/v1/hooks/shopify/${t.shopB.shopId}`,
        other,
        shopifyHeaders(other, 'wh-8'),
      );
      expect(wrongShop.status).toBe(404);

      expect(await verifiedOrders()).toHaveLength(1);
      const outcomes = (await webhooks()).log
        .slice(0, 5)
        .map((line) => [line.outcome, line.status]);
      expect(outcomes).toEqual([
        ['malformed', 400],
        ['malformed', 400],
        ['bad_signature', 401],
        ['bad_signature', 401],
        ['bad_signature', 401],
      ]);
    });

    it('without a cart token, matches by email: stops every waiting email of the address', async () => {
      const email = 'Noor@Example.com';
      const older = await capture({
        cart: {
          id: 'older',
          currency: 'JPY',
          subtotal: 1500,
          items: [{ id: 'a', title: '茶', quantity: 1, unitPrice: 1500 }],
        },
        email,
        consent: { granted: true, text: 'ok' },
      });
      const newer = await capture({
        cart: {
          id: 'newer',
          currency: 'JPY',
          subtotal: 3000,
          items: [{ id: 'b', title: '急須', quantity: 1, unitPrice: 3000 }],
        },
        email: email.toLowerCase(),
        consent: { granted: true, text: 'ok' },
      });
      await markCartsEmailed(database().db, t.shopA.shopId, [older], '2026-03-01T09:00:00.000Z');
      await markCartsEmailed(database().db, t.shopA.shopId, [newer], '2026-03-02T08:30:00.000Z');
      const order = JSON.stringify({
        ...JSON.parse(shopifyExample),
        admin_graphql_api_id: 'gid://shopify/Order/5001',
        cart_token: null,
        email: 'noor@example.com',
        currency: 'JPY',
        presentment_currency: 'JPY',
        total_price: '3500',
        total_price_set: {
          shop_money: { amount: '3500', currency_code: 'JPY' },
          presentment_money: { amount: '3500', currency_code: 'JPY' },
        },
      });
      const response = await post(shopifyUrl, order, shopifyHeaders(order, 'wh-9'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ cartId: newer, recovered: true });
      for (const cartId of [older, newer]) {
        const jobs = await listJobsOfSubject(database().db, t.shopA.shopId, cartId);
        expect(
          jobs.filter((job) => job.status === 'pending'),
          cartId,
        ).toEqual([]);
      }
      expect(await findCart(database().db, t.shopA.shopId, newer)).toMatchObject({
        status: 'recovered',
        orderTotal: 3500,
        orderCurrency: 'JPY',
      });
      expect((await stats()).recoveredRevenue).toContainEqual({ currency: 'JPY', amount: 3500 });
    });

    it('verifies a test notification and turns nothing into revenue', async () => {
      const test = JSON.stringify({
        ...JSON.parse(shopifyExample),
        test: true,
        admin_graphql_api_id: 'gid://shopify/Order/42',
      });
      const response = await post(shopifyUrl, test, shopifyHeaders(test, 'wh-10'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ counted: false });
      expect((await webhooks()).log[0]?.message).toMatch(/test order/);
    });
  });

  describe('WooCommerce', () => {
    const wooHeaders = (
      body: string,
      deliveryId: string,
      topic = 'order.updated',
      secret = wooSecret,
    ) => ({
      'content-type': 'application/json',
      'user-agent': 'WooCommerce/8.6.1 Hookshot (WordPress/6.4.3)',
      'x-wc-webhook-source': 'https://shop-a.example/',
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-resource': 'order',
      'x-wc-webhook-event': topic.split('.')[1] ?? '',
      'x-wc-webhook-signature': base64Hmac(secret, body),
      'x-wc-webhook-id': '12',
      'x-wc-webhook-delivery-id': deliveryId,
    });

    it('answers the ping WooCommerce sends when the webhook is saved', async () => {
      const ping = await post(wooUrl, 'webhook_id=12', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(ping.status).toBe(200);
      expect((await webhooks()).log[0]).toMatchObject({ outcome: 'ping' });
    });

    it('makes a secret to enter, shown once', async () => {
      const saved = await t.json('PUT', '/v1/admin/order-webhooks/woocommerce', {}, admin);
      const body = (await saved.json()) as { secret: string; state: string };
      expect(body.state).toBe('waiting');
      expect(body.secret).toMatch(/^[\w-]{32}$/);
      wooSecret = body.secret;
      const listed = await webhooks();
      expect(JSON.stringify(listed)).not.toContain(wooSecret);
    });

    it('counts an order once it is paid, matched by billing email, and refuses replays', async () => {
      const cartId = await capture({
        cart: {
          id: 'woo-1',
          currency: 'EUR',
          subtotal: 1800,
          items: [{ id: '93', title: 'Woo Single #1', quantity: 2, unitPrice: 300 }],
        },
        email: 'jan.devries@example.com',
        consent: { granted: true, text: 'Mail me' },
      });
      await markCartsEmailed(database().db, t.shopA.shopId, [cartId], '2026-03-02T07:00:00.000Z');
      const onHold = wooExample.replace('"status": "processing"', '"status": "on-hold"');
      const created = await post(wooUrl, onHold, wooHeaders(onHold, 'd-1', 'order.created'));
      expect(created.status).toBe(200);
      expect(await created.json()).toMatchObject({ counted: false });
      expect((await findCart(database().db, t.shopA.shopId, cartId))?.status).toBe('open');

      const paid = await post(wooUrl, wooExample, wooHeaders(wooExample, 'd-2'));
      expect(paid.status).toBe(200);
      expect(await paid.json()).toMatchObject({
        orderId: '727',
        counted: true,
        cartId,
        recovered: true,
      });
      expect(await findCart(database().db, t.shopA.shopId, cartId)).toMatchObject({
        status: 'recovered',
        orderTotal: 2935,
      });
      const jobs = await listJobsOfSubject(database().db, t.shopA.shopId, cartId);
      expect(jobs.filter((job) => job.status === 'pending')).toEqual([]);

      const replay = await post(wooUrl, wooExample, wooHeaders(wooExample, 'd-2'));
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ received: true, duplicate: true });
      const forged = await post(
        wooUrl,
        wooExample,
        wooHeaders(wooExample, 'd-3', 'order.updated', 'guess'),
      );
      expect(forged.status).toBe(401);
      // A later update of the same order (completed) is a new delivery of a counted order.
      const completed = wooExample.replace('"status": "processing"', '"status": "completed"');
      const again = await post(wooUrl, completed, wooHeaders(completed, 'd-4'));
      expect(await again.json()).toMatchObject({ counted: false });

      const figures = await stats();
      expect(figures.verifiedSources).toEqual(['shopify', 'woocommerce']);
      expect(figures.recoveredRevenue).toContainEqual({ currency: 'EUR', amount: 2935 });
    });
  });

  describe('verified revenue', () => {
    it('a forged storefront order stops the emails but no longer moves the verified revenue', async () => {
      const before = await stats();
      const cartId = await capture({
        cart: {
          id: 'forge-me',
          currency: 'EUR',
          subtotal: 1000,
          items: [{ id: 'x', title: 'Mug', quantity: 1, unitPrice: 1000 }],
        },
        email: 'forger-target@example.com',
        consent: { granted: true, text: 'ok' },
      });
      await markCartsEmailed(database().db, t.shopA.shopId, [cartId], '2026-03-02T08:00:00.000Z');
      const forged = await t.json(
        'POST',
        `/v1/shops/${t.shopA.shopId}/orders`,
        { cartId, total: 99_999_900, currency: 'EUR' },
        storefront,
      );
      expect(forged.status).toBe(201);
      expect((await findCart(database().db, t.shopA.shopId, cartId))?.status).toBe('recovered');
      const jobs = await listJobsOfSubject(database().db, t.shopA.shopId, cartId);
      expect(jobs.filter((job) => job.status === 'pending')).toEqual([]);
      const after = await stats();
      expect(after.recoveredRevenue).toEqual(before.recoveredRevenue);
      expect(after.cartsRecovered).toBe(before.cartsRecovered + 1);

      // The shop's backend reports the real order with its secret key: that total counts.
      const backend = await t.json(
        'POST',
        `/v1/shops/${t.shopA.shopId}/orders`,
        { cartId, orderId: 'B-1', total: 1000, currency: 'EUR' },
        admin,
      );
      expect(backend.status).toBe(201);
      const verified = await stats();
      const eur = (s: ShopStats) =>
        s.recoveredRevenue.find((m) => m.currency === 'EUR')?.amount ?? 0;
      expect(eur(verified)).toBe(eur(before) + 1000);
      expect(verified.verifiedSources).toEqual(['backend', 'shopify', 'woocommerce']);
    });

    it('a shop with no verified source counts storefront reports and says so', async () => {
      const response = await t.app.request('/v1/admin/stats', {
        headers: { authorization: `Bearer ${t.shopB.secretKey}` },
      });
      const figures = (await response.json()) as ShopStats;
      expect(figures.revenueSource).toBe('storefront');
      expect(figures.verifiedSources).toEqual([]);
    });
  });
});
