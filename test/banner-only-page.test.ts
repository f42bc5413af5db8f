// What a shop page with only `<comptoir-absence-banner>` really downloads, in Debian's Chromium
// from `comptoir serve`: every script request it makes, gzipped as the bench gzips them, must be
// the bench's banner-only file list and figure (bench/widgets.bench.ts reads dist/cdn; this checks
// that it reads what a browser loads). On a Shopify theme, the same page starts no cart adapter until
// an element that reads the cart is there, or this browser saved a cart that must follow changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createShop, silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { saveDemoConfig } from '../demo/seed.mjs';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { runWidgetsBench } from '../bench/widgets.bench.js';

let dir: string;
let shop: { url: string; close(): Promise<void> };
let server: RunningServer;
let browser: Browser;
let shopId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-banner-only-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'banner.db')}`,
    withWorker: false,
    logger: silentLogger(),
  });
  const apiUrl = server.url.replace('127.0.0.1', 'localhost');
  // The shop's page, on its own origin: the banner, the script tag, nothing else.
  let page = '';
  const pages = createServer((request, response) => {
    if (request.url === '/cart.js') {
      const cart = { token: 'c1', currency: 'EUR', total_price: 0, items: [] };
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(cart));
      return;
    }
    // The same page on a Shopify theme: the theme's global is there before the script tag.
    const html =
      request.url === '/shopify'
        ? page.replace(
            '<script type="module"',
            '<script>window.Shopify = {};</script><script type="module"',
          )
        : page;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  shop = {
    url: `http://localhost:${(pages.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => pages.close(() => resolve())),
  };
  const created = await createShop(server.db, {
    name: 'Atelier Demo',
    origins: [shop.url],
    now: new Date(),
  });
  shopId = created.shopId;
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
    <script type="module" src="${apiUrl}/embed.js" data-shop="${created.shopId}"
      data-key="${created.publishableKey}" data-api="${apiUrl}"></script></head>
    <body><comptoir-absence-banner></comptoir-absence-banner><main>Products</main></body></html>`;
  // The demo's settings (an absence announced now), with nothing placed by selector: the page
  // holds the banner and nothing else.
  const saved = await saveDemoConfig(server.url, created.secretKey, {
    shopUrl: shop.url,
    edit: (config) => {
      config.placements = [];
    },
  });
  expect(saved.status).toBe(200);
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a banner-only page', () => {
  it('downloads the scripts the bench counts, and their gzip adds up to its figure', async () => {
    const bench = runWidgetsBench(false);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const scripts = new Map<string, Promise<Buffer>>();
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script')
          scripts.set(new URL(response.url()).pathname.slice(1), response.body());
      });
      await page.goto(`${shop.url}/`, { waitUntil: 'load' });
      await page
        .locator('comptoir-absence-banner')
        .getByText("We're away")
        .waitFor({ timeout: 10_000 });
      // Whatever a settled page still fetches (a config refresh, a late chunk) counts too.
      await page.waitForTimeout(500);
      const sizes: Record<string, number> = {};
      for (const [path, body] of scripts) sizes[path] = gzipSync(await body, { level: 9 }).length;
      expect(Object.keys(sizes).sort()).toEqual(bench.bannerOnlyFiles);
      expect(Object.values(sizes).reduce((sum, size) => sum + size, 0)).toBe(bench.bannerOnly);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('on a Shopify theme, loads no cart adapter until an element reads the cart', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(`${shop.url}/shopify`, { waitUntil: 'load' });
      await page
        .locator('comptoir-absence-banner')
        .getByText("We're away")
        .waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      expect(
        fetched.filter((path) => path === '/cart.js' || /chunks\/shopify-/.test(path)),
      ).toEqual([]);
      // A free-shipping bar added to the page reads the cart: the adapter starts and reads it.
      const cartRead = page.waitForRequest((request) => request.url().endsWith('/cart.js'));
      await page.evaluate(() =>
        document.body.append(document.createElement('comptoir-free-shipping')),
      );
      await cartRead;
      expect(fetched.some((path) => /chunks\/shopify-/.test(path))).toBe(true);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('on a Shopify theme, follows the cart from a banner-only page once this browser saved one', async () => {
    const context = await browser.newContext();
    try {
      // A capture earlier on the cart page: the saved cart must follow changes made here too.
      await context.addInitScript((key) => {
        localStorage.setItem(key, JSON.stringify({ id: 'crt_earlier', sent: '[]' }));
      }, `comptoir:captured:${shopId}`);
      const page = await context.newPage();
      const cartRead = page.waitForRequest((request) => request.url().endsWith('/cart.js'), {
        timeout: 10_000,
      });
      await page.goto(`${shop.url}/shopify`, { waitUntil: 'load' });
      await cartRead;
    } finally {
      await context.close();
    }
  }, 30_000);
});
