// Regenerates the README's screenshots (docs/screenshots/*.png): the config page's sections and
// the demo shop, from a throwaway server and database with a few weeks of sample activity.
// Run after `npm run build`: `node scripts/screenshots.mjs`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createShop, silentLogger, startServer } from '@comptoir/server';
import { startDemoServer } from '../demo/server.mjs';
import { demoConfig } from '../demo/seed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'comptoir-shots-'));
const DAY = 86_400_000;
let offset = 0;

const server = await startServer({
  port: 0,
  databaseUrl: `sqlite:${join(dir, 'shots.db')}`,
  withWorker: true,
  logger: silentLogger(),
  app: { clock: () => new Date(Date.now() + offset), rateLimits: { ip: { burst: 10_000, perSecond: 10_000 } } },
});
const apiUrl = server.url.replace('127.0.0.1', 'localhost');
let demo = await startDemoServer({ port: 0, apiUrl, shopId: '-', publishableKey: '-' });
const demoPort = Number(new URL(demo.url).port);
await demo.close();
const keys = await createShop(server.db, { name: 'Atelier Demo', origins: [`http://localhost:${demoPort}`], now: new Date() });
demo = await startDemoServer({ port: demoPort, apiUrl, shopId: keys.shopId, publishableKey: keys.publishableKey });

async function api(method, path, body, headers = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${keys.secretKey}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
}

const current = await api('GET', '/v1/admin/config');
const config = demoConfig(current.body, { shopUrl: demo.url });
config.recovery.steps[0].delaySeconds = 60;
await api('PUT', '/v1/admin/config', config, { 'If-Match': current.etag });

// A few weeks of activity: carts captured, emails sent, some carts bought back.
const publicHeaders = { Authorization: `Bearer ${keys.publishableKey}`, Origin: demo.url };
const products = [['linen-notebook', 'Linen notebook', 2400], ['fig-candle', 'Fig & cedar candle', 3200], ['stoneware-mug', 'Stoneware mug', 2800]];
let serial = 0;
for (const daysAgo of [26, 23, 20, 17, 15, 12, 10, 8, 6, 4, 3, 2, 1]) {
  offset = -daysAgo * DAY;
  const carts = [];
  for (let i = 0; i < 1 + (daysAgo % 3); i++) {
    const [id, title, price] = products[(serial + i) % products.length];
    const quantity = 1 + ((serial + i) % 2);
    const cart = { id: `sample-${serial++}`, currency: 'EUR', country: 'FR', subtotal: price * quantity, items: [{ id, productId: id, title, quantity, unitPrice: price }] };
    const withEmail = i % 3 !== 2;
    await api('POST', `/v1/shops/${keys.shopId}/carts`, {
      cart,
      ...(withEmail ? { email: `shopper${serial}@example.com`, consent: { granted: true, text: config.capture.consentText } } : {}),
      locale: 'en',
    }, publicHeaders);
    carts.push(cart);
  }
  offset += 5 * 60_000;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const cart of carts.filter((_, i) => i % 2 === 0)) {
    await api('POST', `/v1/shops/${keys.shopId}/orders`, { cartId: cart.id, total: cart.subtotal, currency: 'EUR' }, publicHeaders);
  }
}
offset = 0;
await api('POST', `/v1/shops/${keys.shopId}/events`, { events: [
  { type: 'faq_search_empty', query: 'engraving' }, { type: 'faq_search_empty', query: 'engraving' },
  { type: 'faq_search_empty', query: 'click and collect' }, { type: 'faq_opened', questionId: 'when-ship' },
] }, publicHeaders).catch(() => undefined);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const admin = await (await browser.newContext({ viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1, locale: 'en-GB' })).newPage();
  await admin.goto(`${apiUrl}/admin/`);
  await admin.getByLabel('Secret key').waitFor();
  await admin.screenshot({ path: join(out, 'admin-sign-in.png') });
  await admin.getByLabel('Secret key').fill(keys.secretKey);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.locator('.stats').waitFor();
  const shoot = async (section, name, ready) => {
    await admin.goto(`${apiUrl}/admin/#/${section}`);
    await admin.locator('#section-title').waitFor();
    if (ready) await ready();
    await admin.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await admin.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    await admin.screenshot({ path: join(out, `${name}.png`) });
  };
  await shoot('overview', 'admin-overview', () => admin.locator('.stats').waitFor());
  await shoot('absences', 'admin-absences', () => admin.locator('.preview comptoir-absence-banner').getByText("We're away").waitFor());
  await shoot('shipping', 'admin-shipping', () => admin.locator('.holiday-list li').first().waitFor());
  await shoot('free-shipping', 'admin-free-shipping', () => admin.locator('.preview comptoir-free-shipping').waitFor());
  await shoot('events', 'admin-holiday-deadline', async () => {
    await admin.getByLabel('Preview at date and time').fill('2026-12-18T16:30');
    await admin.getByLabel('Preview at date and time').dispatchEvent('change');
    await admin.locator('.preview comptoir-holiday-deadline').waitFor();
  });
  await shoot('faq', 'admin-faq', () => admin.locator('.preview comptoir-faq').waitFor());
  await shoot('emails', 'admin-emails');
  await shoot('outbox', 'admin-outbox', async () => {
    await admin.locator('.message-link').first().click();
    await admin.locator('.message iframe').waitFor();
  });
  await shoot('install', 'admin-install', () => admin.locator('#install-snippet').waitFor());

  const shop = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' })).newPage();
  await shop.goto(`${demo.url}/`);
  await shop.locator('comptoir-absence-banner').getByText("We're away").waitFor();
  await shop.screenshot({ path: join(out, 'demo-home.png') });
  await shop.goto(`${demo.url}/product.html?id=fig-candle`);
  await shop.getByRole('button', { name: 'Add to cart' }).click();
  await shop.locator('comptoir-free-shipping').getByText(/Add/).waitFor();
  await shop.screenshot({ path: join(out, 'demo-product.png') });
  await shop.goto(`${demo.url}/cart.html`);
  await shop.locator('comptoir-cart-capture').getByText('Save your cart').waitFor();
  await shop.screenshot({ path: join(out, 'demo-cart.png'), fullPage: true });
  await shop.goto(`${demo.url}/faq.html`);
  await shop.locator('comptoir-faq').getByText('When will my order ship?').waitFor();
  await shop.screenshot({ path: join(out, 'demo-faq.png') });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await demo.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
