import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/http/app.js';
import { createShop, type CreatedShop } from '../../../server/src/storage/create-shop.js';
import { openDatabase } from '../../../server/src/storage/database.js';
import { migrate } from '../../../server/src/storage/migrations/index.js';
import { createClient, isComptoirApiError, type ClientOptions } from './index.js';

const db = openDatabase('sqlite::memory:');
let shop: CreatedShop;
let app: ReturnType<typeof createApp>;

// ky hands fetch a Request; the Hono app answers it in-process, keeping cookies like a browser.
function appFetch(target: { request: (r: Request) => Response | Promise<Response> }): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    const request = new Request(input, init);
    if (cookie) request.headers.set('cookie', cookie);
    const response = await target.request(request);
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
}

function client(options: Partial<ClientOptions> = {}) {
  return createClient({
    apiUrl: 'http://comptoir.test',
    shopId: shop.shopId,
    publishableKey: shop.publishableKey,
    fetch: appFetch({ request: (r) => app.request(r) }),
    ...options,
  });
}

beforeAll(async () => {
  await migrate(db);
  shop = await createShop(db, {
    name: 'Client shop',
    origins: ['https://client.example'],
    now: new Date(),
  });
  app = createApp({ db, shopCacheTtlMs: 0 });
});
afterAll(() => db.destroy());

describe('createClient', () => {
  it('reads the published config, then gets undefined for a matching ETag', async () => {
    const api = client();
    const config = await api.public.getConfig();
    expect(config?.shopName).toBe('Client shop');
    expect(await api.public.getConfig(config?.version)).toBeUndefined();
  });

  it('captures and updates carts, reports orders and events', async () => {
    const api = client();
    const cart = { id: 'tok', currency: 'EUR', subtotal: 10, items: [] };
    const captured = await api.public.captureCart({ cart });
    expect(captured.id).toMatch(/^crt_/);
    expect((await api.public.updateCart(captured.id, { cart: { ...cart, subtotal: 20 } })).id).toBe(
      captured.id,
    );
    expect(await api.public.completeOrder({ cartId: 'tok', total: 20, currency: 'EUR' })).toEqual({
      cartId: captured.id,
      recovered: false,
    });
    expect(
      await api.public.sendEvents({ events: [{ type: 'faq_opened', questionId: 'q' }] }),
    ).toEqual({ accepted: 1 });
  });

  it('throws ComptoirApiError with the server’s code, method and URL', async () => {
    const api = client({ publishableKey: 'pk_wrong' });
    const error = await api.public.getConfig().catch((e: unknown) => e);
    expect(isComptoirApiError(error)).toBe(true);
    if (!isComptoirApiError(error)) return;
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_key');
    expect(error.message).toContain(`GET http://comptoir.test/v1/shops/${shop.shopId}/config`);
  });

  it('uses the admin API with a session cookie and its CSRF token, and with the secret key', async () => {
    const browser = client();
    await browser.admin.signIn(shop.secretKey);
    const { config, version } = await browser.admin.getConfig();
    const saved = await browser.admin.putConfig({ ...config, shopName: 'Renamed' }, version);
    expect(saved.config.shopName).toBe('Renamed');
    const stale = await browser.admin.putConfig(config, version).catch((e: unknown) => e);
    expect(isComptoirApiError(stale) && stale.code).toBe('version_conflict');

    const backend = client({ secretKey: shop.secretKey });
    expect((await backend.admin.install()).shopId).toBe(shop.shopId);
    expect((await backend.admin.listCarts({ status: 'converted' })).items).toHaveLength(1);
    expect(await backend.admin.cartsCsv()).toMatch(/^id,created_at/);
  });

  it('opens one cart and the outbox through the admin API, parsed by their schemas', async () => {
    const backend = client({ secretKey: shop.secretKey });
    const [converted] = (await backend.admin.listCarts({ status: 'converted' })).items;
    const detail = await backend.admin.cart(converted!.id);
    expect(detail.cart.id).toBe(converted!.id);
    expect(detail.emails).toEqual([]);
    const missing = await backend.admin.cart('crt_missing').catch((e: unknown) => e);
    expect(isComptoirApiError(missing) && missing.status).toBe(404);
    expect(await backend.admin.outbox()).toEqual({ items: [], nextCursor: null });
  });

  it('sends a recovery test and manages order webhooks and event webhook endpoints, parsed by their schemas', async () => {
    const backend = client({ secretKey: shop.secretKey });
    const sent = await backend.admin.sendRecoveryTest({ email: 'owner@client.example', step: 0 });
    expect(sent.transport).toBe('outbox');
    expect((await backend.admin.outboxEmail(sent.id)).subject).toMatch(/^\[Test\] /);

    const made = await backend.admin.saveOrderWebhook('shopify');
    expect(made.secret).toMatch(/[\w-]{20,}/);
    const hooks = await backend.admin.orderWebhooks();
    expect(hooks.platforms.find((p) => p.platform === 'shopify')?.state).toBe('waiting');
    await backend.admin.deleteOrderWebhook('shopify');
    expect((await backend.admin.orderWebhooks()).platforms.map((p) => p.state)).toEqual([
      'off',
      'off',
    ]);

    const added = await backend.admin.addWebhookEndpoint({
      url: 'https://hooks.client.example/comptoir',
      events: ['cart.captured'],
    });
    expect(added.secret).toMatch(/^whsec_/);
    const edited = await backend.admin.updateWebhookEndpoint(added.id, {
      url: added.url,
      events: ['cart.captured', 'cart.recovered'],
    });
    expect(edited).not.toHaveProperty('secret');
    expect((await backend.admin.webhookEndpoints()).endpoints.map((e) => e.events)).toEqual([
      ['cart.captured', 'cart.recovered'],
    ]);
    await backend.admin.deleteWebhookEndpoint(added.id);
    expect((await backend.admin.webhookEndpoints()).endpoints).toEqual([]);
    const gone = await backend.admin.deleteWebhookEndpoint(added.id).catch((e: unknown) => e);
    expect(isComptoirApiError(gone) && gone.status).toBe(404);
    expect(isComptoirApiError(gone) && gone.reason).not.toContain('http://comptoir.test');
  });

  it('previews an email after the order from a draft and reads the weekly digest', async () => {
    const backend = client({ secretKey: shop.secretKey });
    const { config } = await backend.admin.getConfig();
    const email = await backend.admin.lifecyclePreview({
      kind: 'review-request',
      config: { ...config, lifecycle: { reviewRequest: { enabled: true, daysAfterDelivery: 2 } } },
      at: '2026-12-04T14:30:00Z',
      locale: 'it',
    });
    expect([email.locale, typeof email.html, email.sendAt]).toEqual([
      'it',
      'string',
      '2026-12-13T09:00:00.000Z',
    ]);
    const digest = await backend.admin.digest('2026-03-23');
    expect([digest.from, digest.to, digest.enabled]).toEqual(['2026-03-16', '2026-03-23', false]);
  });

  it('retries 429 after Retry-After, then succeeds', async () => {
    let calls = 0;
    const flaky = {
      request: (request: Request) => {
        calls++;
        if (calls === 1) {
          return new Response(
            JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }),
            {
              status: 429,
              headers: { 'retry-after': '0', 'content-type': 'application/json' },
            },
          );
        }
        return app.request(request);
      },
    };
    const api = client({ fetch: appFetch(flaky) });
    expect((await api.public.getConfig())?.shopId).toBe(shop.shopId);
    expect(calls).toBe(2);
  });

  it('fails with code timeout when the server is too slow', async () => {
    const api = client({ timeout: 50, fetch: () => new Promise<Response>(() => undefined) });
    const error = await api.public.getConfig().catch((e: unknown) => e);
    expect(isComptoirApiError(error) && error.code).toBe('timeout');
  });
});
