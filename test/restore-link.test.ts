// A recovery email's restore link, end to end in Debian's Chromium: the email's link (/r/:token)
// → Shopify's discount link → the shop's cart page with ?comptoir-restore=, where the widgets'
// loader merges the saved cart into a newer, larger cart on the device (a mocked Shopify cart:
// /cart.js, /cart/update.js, /discount/<code>, and a cart page the "server" renders), reloads
// once so the page shows it, and tells the shopper the newer cart was kept.
// The same on a mocked WooCommerce shop (Store API cart, add-item with its nonce), in French.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { ShopConfig } from '@comptoir/sdk/schemas';
import { createShop, silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Line {
  id: number;
  title: string;
  quantity: number;
  price: number;
}
const PRODUCTS: Record<number, { title: string; price: number }> = {
  11: { title: 'Stoneware mug', price: 2800 },
  22: { title: 'Fig candle', price: 3200 },
  33: { title: 'Linen notebook', price: 1800 },
};

let dir: string;
let server: RunningServer;
let shop: Server;
let shopUrl: string;
let browser: Browser;
let keys: { shopId: string; publishableKey: string; secretKey: string };
let clockOffset = 0;
/** The Shopify cart on the shopper's device (one device: one cart). */
let cart: Line[] = [];
let discount: string | undefined;
const updates: unknown[] = [];
/** The WooCommerce session's cart on the device: Store API lines (key in this session, id). */
let wooCart: { key: string; id: number; quantity: number }[] = [];
const storeApiWrites: { path: string; body: unknown; nonce: string | undefined }[] = [];

function storeApiCart() {
  // Shaped like the Store API's `GET /wp-json/wc/store/v1/cart` (woocommerce StoreApi docs).
  const items = wooCart.map((line) => ({
    ...line,
    name: PRODUCTS[line.id]!.title,
    quantity_limits: { minimum: 1, maximum: 99, multiple_of: 1, editable: true },
    variation: [],
    prices: {
      price: String(PRODUCTS[line.id]!.price),
      regular_price: String(PRODUCTS[line.id]!.price),
      currency_code: 'EUR',
      currency_minor_unit: 2,
    },
  }));
  const total = String(wooCart.reduce((sum, l) => sum + PRODUCTS[l.id]!.price * l.quantity, 0));
  return {
    items,
    coupons: [],
    items_count: wooCart.reduce((sum, l) => sum + l.quantity, 0),
    totals: {
      total_items: total,
      total_discount: '0',
      total_price: total,
      currency_code: 'EUR',
      currency_minor_unit: 2,
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cartJson() {
  return {
    token: 'c-device?key=k',
    currency: 'EUR',
    total_price: cart.reduce((sum, line) => sum + line.price * line.quantity, 0),
    items: cart.map((line) => ({ key: `${line.id}:h${line.id}`, ...line, product_id: line.id })),
  };
}

/** A mocked Shopify storefront: its cart page is rendered by the server, as themes do. */
function startShop(apiUrl: string): Promise<string> {
  shop = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://shop');
    if (url.pathname === '/cart.js') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(cartJson()));
    } else if (url.pathname === '/cart/update.js' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { updates: Record<string, number> };
        updates.push(parsed);
        for (const [variant, quantity] of Object.entries(parsed.updates)) {
          const id = Number(variant);
          const line = cart.find((l) => l.id === id);
          if (line) line.quantity = quantity;
          else cart.push({ id, quantity, ...PRODUCTS[id]! });
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(cartJson()));
      });
    } else if (url.pathname.startsWith('/discount/')) {
      // Shopify's shareable discount link: applies the code, redirects, leaves the cart alone.
      discount = decodeURIComponent(url.pathname.slice('/discount/'.length));
      response.writeHead(302, { location: url.searchParams.get('redirect') ?? '/' });
      response.end();
    } else if (url.pathname === '/wp-json/wc/store/v1/cart') {
      response.writeHead(200, { 'content-type': 'application/json', Nonce: 'n-42' });
      response.end(JSON.stringify(storeApiCart()));
    } else if (/^\/wp-json\/wc\/store\/v1\/cart\/(add|update)-item$/.test(url.pathname)) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { id?: number; key?: string; quantity: number };
        storeApiWrites.push({
          path: url.pathname,
          body: parsed,
          nonce: request.headers.nonce as string | undefined,
        });
        const line = wooCart.find((l) => l.key === parsed.key);
        if (line) line.quantity = parsed.quantity;
        else if (parsed.id && PRODUCTS[parsed.id])
          wooCart.push({
            key: `k${wooCart.length}-${parsed.id}`,
            id: parsed.id,
            quantity: parsed.quantity,
          });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify(storeApiCart()));
      });
    } else if (url.pathname === '/cart/') {
      // A WooCommerce cart page, rendered by the server.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Panier</title>
<script type="module" src="${apiUrl}/embed.js" data-shop="${keys.shopId}" data-key="${keys.publishableKey}"></script>
</head><body class="woocommerce"><main><h1>Panier</h1><ul>${wooCart
        .map(
          (line) =>
            `<li data-line="${line.id}">${escape(PRODUCTS[line.id]!.title)} × ${line.quantity}</li>`,
        )
        .join('')}</ul></main></body></html>`);
    } else if (url.pathname === '/cart') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Your cart</title><script>window.Shopify = { country: 'FR' };</script>
<script type="module" src="${apiUrl}/embed.js" data-shop="${keys.shopId}" data-key="${keys.publishableKey}"></script>
</head><body><main><h1>Your cart</h1><ul>${cart
        .map((line) => `<li data-line="${line.id}">${escape(line.title)} × ${line.quantity}</li>`)
        .join('')}</ul><p>Discount: ${escape(discount ?? 'none')}</p></main></body></html>`);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) =>
    shop.listen(0, '127.0.0.1', () => {
      const address = shop.address();
      resolve(`http://localhost:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

async function adminApi<T>(method: string, path: string, body?: unknown, etag?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${keys.secretKey}`,
      'Content-Type': 'application/json',
      ...(etag ? { 'If-Match': etag } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (await response.json()) as T,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-restore-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'restore.db')}`,
    withWorker: true,
    logger: silentLogger(),
    app: { clock: () => new Date(Date.now() + clockOffset) },
  });
  const apiUrl = server.url.replace('127.0.0.1', 'localhost');
  keys = { shopId: '', publishableKey: '', secretKey: '' };
  shopUrl = await startShop(apiUrl);
  keys = await createShop(server.db, { name: 'Atelier', origins: [shopUrl], now: new Date() });
  const current = await adminApi<ShopConfig>('GET', '/v1/admin/config');
  const config = current.body;
  config.recovery.enabled = true;
  config.recovery.steps[0]!.delaySeconds = 60;
  config.recovery.steps[0]!.couponCode = 'MERCI10';
  config.recovery.restoreUrl = { preset: 'shopify', shopUrl };
  const saved = await adminApi('PUT', '/v1/admin/config', config, current.etag ?? '*');
  expect(saved.status).toBe(200);
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it(
  "merges the email's cart into the device's newer, larger cart and says the newer one was kept",
  { timeout: 45_000 },
  async () => {
    // The email's cart (€74): 2 mugs and a notebook, as the Shopify adapter captured it.
    const captured = await fetch(`${server.url}/v1/shops/${keys.shopId}/carts`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${keys.publishableKey}`,
        Origin: shopUrl,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        cart: {
          id: 'c-laptop',
          currency: 'EUR',
          subtotal: 7400,
          items: [
            { id: '11:h11', productId: '11', title: 'Stoneware mug', quantity: 2, unitPrice: 2800 },
            {
              id: '33:h33',
              productId: '33',
              title: 'Linen notebook',
              quantity: 1,
              unitPrice: 1800,
            },
          ],
        },
        email: 'camille@example.com',
        consent: { granted: true, text: 'Email me a link to my cart' },
        locale: 'en',
      }),
    });
    expect(captured.status).toBe(201);

    clockOffset = 2 * 60_000; // the first step comes due
    let html = '';
    await expect
      .poll(
        async () => {
          const list = await adminApi<{ items: { id: string }[] }>('GET', '/v1/admin/outbox');
          if (list.body.items[0])
            html = (
              await adminApi<{ html: string }>('GET', `/v1/admin/outbox/${list.body.items[0].id}`)
            ).body.html;
          return html;
        },
        { timeout: 15_000 },
      )
      .not.toBe('');
    expect(html).toContain('MERCI10 is applied when you return');
    const link = /href="([^"]*\/r\/[^"/]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeTruthy();

    // Since then, on this device: 3 mugs and a candle (€148), newer and larger.
    cart = [
      { id: 11, quantity: 3, ...PRODUCTS[11]! },
      { id: 22, quantity: 1, ...PRODUCTS[22]! },
    ];
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link!);
    const notice = page.getByRole('status');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toBe('This device had a newer cart: we kept it and added your saved items.');

    // One update, adding what the device lacked; nothing lowered, the coupon applied by Shopify.
    expect(updates).toEqual([{ updates: { '33': 1 } }]);
    expect(discount).toBe('MERCI10');
    // The reloaded page (the server's render) shows the merged cart, the address is clean.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('li[data-line]').allTextContents()).toEqual([
      'Stoneware mug × 3',
      'Fig candle × 1',
      'Linen notebook × 1',
    ]);
    // Keyboard: the notice's button dismisses it; axe finds nothing on the page with the notice.
    await page.evaluate(`${axeSource}\n;undefined`);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(c: unknown): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run(document)).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    // A reload restores nothing again and says nothing again.
    await page.reload();
    await page.waitForFunction(() => (window as { comptoir?: unknown }).comptoir !== undefined);
    expect(updates).toHaveLength(1);
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  },
);

it(
  "WooCommerce: the capture's product ids restore in another session, merged, said in French",
  { timeout: 45_000 },
  async () => {
    const current = await adminApi<ShopConfig>('GET', '/v1/admin/config');
    current.body.recovery.restoreUrl = { preset: 'woocommerce', shopUrl };
    expect(
      (await adminApi('PUT', '/v1/admin/config', current.body, current.etag ?? '*')).status,
    ).toBe(200);
    const before = (
      await adminApi<{ items: { id: string }[] }>('GET', '/v1/admin/outbox')
    ).body.items.map((item) => item.id);
    // Captured by the WooCommerce adapter on the laptop: ids are the Store API items' ids.
    const captured = await fetch(`${server.url}/v1/shops/${keys.shopId}/carts`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${keys.publishableKey}`,
        Origin: shopUrl,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        cart: {
          currency: 'EUR',
          subtotal: 7400,
          items: [
            { id: '11', productId: '11', title: 'Stoneware mug', quantity: 2, unitPrice: 2800 },
            { id: '33', productId: '33', title: 'Linen notebook', quantity: 1, unitPrice: 1800 },
          ],
        },
        email: 'jules@example.com',
        consent: { granted: true, text: 'Email me a link to my cart' },
        locale: 'fr',
      }),
    });
    expect(captured.status).toBe(201);
    clockOffset += 2 * 60_000;
    let html = '';
    await expect
      .poll(
        async () => {
          const list = await adminApi<{ items: { id: string }[] }>('GET', '/v1/admin/outbox');
          const fresh = list.body.items.find((item) => !before.includes(item.id));
          if (fresh)
            html = (await adminApi<{ html: string }>('GET', `/v1/admin/outbox/${fresh.id}`)).body
              .html;
          return html;
        },
        { timeout: 15_000 },
      )
      .not.toBe('');
    const link = /href="([^"]*\/r\/[^"/]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    // The phone's session: other line keys, and 3 mugs and a candle since.
    wooCart = [
      { key: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', id: 11, quantity: 3 },
      { key: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', id: 22, quantity: 1 },
    ];
    const page = await (await browser.newContext()).newPage();
    await page.goto(link!);
    const notice = page.getByRole('status');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toMatch(/^Cet appareil avait un panier plus récent\s: nous l’avons gardé/);
    expect(storeApiWrites).toEqual([
      { path: '/wp-json/wc/store/v1/cart/add-item', body: { id: 33, quantity: 1 }, nonce: 'n-42' },
    ]);
    expect(await page.locator('li[data-line]').allTextContents()).toEqual([
      'Stoneware mug × 3',
      'Fig candle × 1',
      'Linen notebook × 1',
    ]);
    // The coupon stays for a "coupon from URL" plugin; the loader's parameters are gone.
    expect(new URL(page.url()).searchParams.has('comptoir-restore')).toBe(false);
    await page.context().close();
  },
);
