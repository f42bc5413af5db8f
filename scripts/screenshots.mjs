// Regenerates the README's screenshots (docs/screenshots/*.png): the config page's sections and
// the demo shop, from a throwaway server and database with a few weeks of sample activity.
// Run after `npm run build`: `node scripts/screenshots.mjs`; `node scripts/screenshots.mjs widgets`
// writes only the widget-state shots (docs/screenshots/widget-*.png), without the sample activity.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createShop, silentLogger, startServer } from '@comptoir/server';
import { startDemoServer } from '../demo/server.mjs';
import { demoConfig } from '../demo/seed.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';

const widgetsOnly = process.argv[2] === 'widgets';
const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'comptoir-shots-'));
let offset = 0;

const server = await startServer({
  port: 0,
  databaseUrl: `sqlite:${join(dir, 'shots.db')}`,
  withWorker: true,
  logger: silentLogger(),
  app: {
    clock: () => new Date(Date.now() + offset),
    rateLimits: { ip: { burst: 10_000, perSecond: 10_000 } },
  },
});
const apiUrl = server.url.replace('127.0.0.1', 'localhost');
let demo = await startDemoServer({ port: 0, apiUrl, shopId: '-', publishableKey: '-' });
const demoPort = Number(new URL(demo.url).port);
await demo.close();
const keys = await createShop(server.db, {
  name: 'Atelier Demo',
  origins: [`http://localhost:${demoPort}`],
  now: new Date(),
});
demo = await startDemoServer({
  port: demoPort,
  apiUrl,
  shopId: keys.shopId,
  publishableKey: keys.publishableKey,
});

async function api(method, path, body, headers = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${keys.secretKey}`,
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
}

const current = await api('GET', '/v1/admin/config');
const config = demoConfig(current.body, { shopUrl: demo.url });
await api('PUT', '/v1/admin/config', config, { 'If-Match': current.etag });

// Four weeks of plausible activity, with the clock only ever moving forward (so each email goes
// out when it is due, as in real life): carts captured in the shop's daytime, about two in three
// with an email; some shoppers buy at once (converted, no email); the others get the sequence
// (1 h, 24 h, 72 h), and about one in four of those clicks the restore link and buys (recovered).
const publicHeaders = { Authorization: `Bearer ${keys.publishableKey}`, Origin: demo.url };
const products = [
  ['linen-notebook', 'Linen notebook', 2400],
  ['fig-candle', 'Fig & cedar candle', 3200],
  ['stoneware-mug', 'Stoneware mug', 2800],
];
const HOUR = 3_600_000;
const startOfToday = new Date();
startOfToday.setHours(0, 0, 0, 0);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function outboxCount() {
  return (await api('GET', '/v1/admin/outbox?limit=200')).body.items.length;
}
/** Lets the worker send what is due at the current (shifted) time. */
async function letWorkerRun() {
  let before = await outboxCount();
  for (let i = 0; i < 8; i++) {
    await sleep(400);
    const now = await outboxCount();
    if (now === before && i >= 2) return;
    before = now;
  }
}
async function followRestoreLink(email) {
  const list = (await api('GET', '/v1/admin/outbox?limit=200')).body.items.filter(
    (item) => item.to === email,
  );
  if (!list[0]) return false;
  const message = (await api('GET', `/v1/admin/outbox/${list[0].id}`)).body;
  const link = /href="([^"]*\/r\/[^"]+)"/.exec(message.html ?? '')?.[1];
  if (!link) return false;
  await fetch(link.replaceAll('&amp;', '&').replace('127.0.0.1', 'localhost'), {
    redirect: 'manual',
  });
  return true;
}
let serial = 0;
const pendingRecoveries = [];
for (let daysAgo = widgetsOnly ? 0 : 27; daysAgo >= 1; daysAgo--) {
  if (daysAgo % 7 === 2 || daysAgo % 5 === 0) continue; // quiet days
  offset = startOfToday.getTime() - Date.now() - daysAgo * 24 * HOUR + 10 * HOUR;
  const cartsToday = 1 + ((daysAgo * 7) % 3);
  for (let i = 0; i < cartsToday; i++) {
    const n = serial++;
    const [id, title, price] = products[n % products.length];
    const quantity = 1 + (n % 4 === 3 ? 1 : 0);
    const cart = {
      id: `sample-${n}`,
      currency: 'EUR',
      country: 'FR',
      subtotal: price * quantity,
      items: [{ id, productId: id, title, quantity, unitPrice: price }],
    };
    const email = n % 3 !== 2 ? `shopper${n}@example.com` : undefined;
    await api(
      'POST',
      `/v1/shops/${keys.shopId}/carts`,
      {
        cart,
        ...(email
          ? { email, consent: { granted: true, text: config.capture.consentText.en } }
          : {}),
        locale: 'en',
      },
      publicHeaders,
    );
    if (n % 5 === 0) {
      // Bought within the half hour: an ordinary order, no email.
      offset += 20 * 60_000;
      await api(
        'POST',
        `/v1/shops/${keys.shopId}/orders`,
        { cartId: cart.id, total: cart.subtotal, currency: 'EUR' },
        publicHeaders,
      );
    } else if (email && n % 4 === 1) {
      pendingRecoveries.push({ cart, email });
    }
    offset += 35 * 60_000;
  }
  // Two hours later the first email of each open cart has gone out.
  offset += 2 * HOUR;
  await letWorkerRun();
  for (const { cart, email } of pendingRecoveries.splice(0)) {
    if (await followRestoreLink(email)) {
      offset += 15 * 60_000;
      await api(
        'POST',
        `/v1/shops/${keys.shopId}/orders`,
        { cartId: cart.id, total: cart.subtotal, currency: 'EUR' },
        publicHeaders,
      );
    }
  }
}
offset = 0;
await api(
  'POST',
  `/v1/shops/${keys.shopId}/events`,
  {
    events: [
      { type: 'faq_search_empty', query: 'engraving' },
      { type: 'faq_search_empty', query: 'engraving' },
      { type: 'faq_search_empty', query: 'click and collect' },
      { type: 'faq_opened', questionId: 'when-ship' },
    ],
  },
  publicHeaders,
).catch(() => undefined);

const browser = await chromium.launch({
  executablePath: findBrowser(),
  args: CHROMIUM_ARGS,
});
try {
  async function adminShots() {
    const admin = await (
      await browser.newContext({
        viewport: { width: 1360, height: 860 },
        deviceScaleFactor: 1,
        locale: 'en-GB',
        reducedMotion: 'reduce',
      })
    ).newPage();
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
      await admin.evaluate(
        () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
      );
      await admin.screenshot({ path: join(out, `${name}.png`) });
    };
    await shoot('overview', 'admin-overview', () => admin.locator('.stats').waitFor());
    await shoot('absences', 'admin-absences', () =>
      admin.locator('.preview comptoir-absence-banner').getByText("We're away").waitFor(),
    );
    await shoot('shipping', 'admin-shipping', () =>
      admin.locator('.holiday-list li').first().waitFor(),
    );
    await shoot('free-shipping', 'admin-free-shipping', () =>
      admin.locator('.preview comptoir-free-shipping').waitFor(),
    );
    await shoot('events', 'admin-holiday-deadline', async () => {
      await admin.getByLabel('Preview at date and time').fill('2026-12-18T16:30');
      await admin.getByLabel('Preview at date and time').dispatchEvent('change');
      await admin.locator('.preview comptoir-holiday-deadline').waitFor();
    });
    await shoot('faq', 'admin-faq', () => admin.locator('.preview comptoir-faq').waitFor());
    await shoot('emails', 'admin-emails');
    await shoot('emails', 'admin-email-preview', async () => {
      await admin.locator('.email-preview iframe').scrollIntoViewIfNeeded();
      await admin.evaluate(() =>
        document.querySelector('.email-preview')?.scrollIntoView({ block: 'center' }),
      );
    });
    await shoot('shop', 'admin-theme-contrast', async () => {
      // A pale text colour, to show the readability warning a merchant would get.
      await admin.getByLabel('Text colour', { exact: true }).fill('#9aa39e');
      await admin.locator('.contrast.low').waitFor();
      await admin.evaluate(() =>
        document.querySelector('#theme-contrast')?.scrollIntoView({ block: 'center' }),
      );
    });
    await admin.getByRole('button', { name: 'Discard' }).click();
    await shoot('texts', 'admin-texts', async () => {
      await admin
        .getByLabel('Your text for absenceUpcoming')
        .fill('The workshop is closed {range}.');
      await admin.getByLabel('Your text for absenceUpcoming').dispatchEvent('change');
      await admin.getByLabel('Preview at date and time').fill('2026-11-30T10:00');
      await admin.getByLabel('Preview at date and time').dispatchEvent('change');
      await admin
        .locator('.preview comptoir-absence-banner')
        .getByText('The workshop is closed')
        .waitFor();
      await admin.evaluate(() => window.scrollTo(0, 0));
    });
    await admin.getByRole('button', { name: 'Discard' }).click();
    await shoot('placements', 'admin-placements', async () => {
      await admin.getByRole('button', { name: 'Add a placement' }).click();
      await admin.getByLabel('Element (CSS selector)').fill('.product-form');
      await admin.getByRole('button', { name: 'Add an option' }).click();
      await admin.getByLabel('Name', { exact: true }).selectOption('country');
      await admin.getByLabel('Value', { exact: true }).fill('BE');
    });
    await admin.getByRole('button', { name: 'Discard' }).click();
    await shoot('outbox', 'admin-outbox', async () => {
      await admin.locator('.message-link').first().click();
      await admin.locator('.message iframe').waitFor();
    });
    await shoot('install', 'admin-install', () => admin.locator('#install-snippet').waitFor());
    await shoot('absences', 'admin-errors', async () => {
      await admin.getByRole('button', { name: 'Plan an absence' }).click();
      await admin.getByLabel('First day away').last().fill('2026-08-20');
      await admin.getByLabel('Last day away').last().fill('2026-08-01');
      await admin.getByRole('button', { name: 'Save changes' }).click();
      await admin.locator('#error-summary').waitFor();
      await admin.evaluate(() => window.scrollTo(0, 0));
    });
    await admin.getByRole('button', { name: 'Discard' }).click();
    await shoot('carts', 'admin-carts', () => admin.locator('.table a').first().waitFor());
    await admin.locator('.table a').first().click();
    await admin.locator('#cart-title').waitFor();
    await admin.screenshot({ path: join(out, 'admin-cart-detail.png') });

    // The same page on a phone, in French: texts per language and errors named by field.
    const phone = await (
      await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'fr-FR',
        reducedMotion: 'reduce',
      })
    ).newPage();
    await phone.goto(`${apiUrl}/admin/`);
    await phone.locator('#ui-locale').selectOption('fr');
    await phone.locator('#secret-key').fill(keys.secretKey);
    await phone.getByRole('button', { name: 'Se connecter' }).click();
    await phone.locator('.stats').waitFor();
    await phone.goto(`${apiUrl}/admin/#/faq`);
    await phone.locator('.faq-card').first().waitFor();
    await phone.locator('.faq-card .translations summary').first().click();
    await phone.locator('.faq-card').first().scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(out, 'admin-faq-fr-390.png') });
    await phone.goto(`${apiUrl}/admin/#/shipping`);
    await phone.getByLabel('Heure limite de commande', { exact: true }).fill('');
    await phone.locator('#f-calendar-cutoff-error').waitFor();
    await phone.locator('#f-calendar-cutoff').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(out, 'admin-errors-fr-390.png') });
    await phone.context().close();
  }
  if (!widgetsOnly) await adminShots();
  const shop = await (
    await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-GB',
      reducedMotion: 'reduce',
    })
  ).newPage();
  await widgetShots(shop);
  // A shop page of its own: the widget shots saved the cart there, and a saved cart hides the capture.
  if (!widgetsOnly)
    await demoShots(
      await shop
        .context()
        .browser()
        .newPage({
          viewport: { width: 1280, height: 860 },
          locale: 'en-GB',
          reducedMotion: 'reduce',
        }),
    );
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await demo.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

/** The widgets' states, each element alone: the announcement bar and the cart capture's steps. */
async function widgetShots(shop) {
  await shop.goto(`${demo.url}/`);
  const bar = shop.locator('comptoir-announcement-bar');
  await bar.getByText('Free standard shipping').waitFor();
  await bar.screenshot({ path: join(out, 'widget-announcement-bar.png') });
  await shop.goto(`${demo.url}/product.html?id=fig-candle`);
  await shop.getByRole('button', { name: 'Add to cart' }).click();
  await shop.goto(`${demo.url}/cart.html`);
  const capture = shop.locator('comptoir-cart-capture');
  await capture.getByText('Save your cart').waitFor();
  await capture.screenshot({ path: join(out, 'widget-capture-form.png') });
  await capture.getByLabel('Email address').fill('not-an-email');
  await capture.getByRole('button', { name: 'Save my cart' }).click();
  await capture.getByText('Enter a valid email address.').waitFor();
  await capture.screenshot({ path: join(out, 'widget-capture-error.png') });
  await capture.getByLabel('Email address').fill('camille@example.com');
  await capture.getByRole('checkbox').check();
  await capture.getByRole('button', { name: 'Save my cart' }).click();
  await capture.getByText(/^\s*Saved\./).waitFor();
  await capture.screenshot({ path: join(out, 'widget-capture-saved.png') });
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'en-GB',
      reducedMotion: 'reduce',
    })
  ).newPage();
  await phone.goto(`${demo.url}/`);
  const phoneBar = phone.locator('comptoir-announcement-bar');
  await phoneBar.getByText('Free standard shipping').waitFor();
  await phoneBar.screenshot({ path: join(out, 'widget-announcement-bar-390.png') });
  await phone.goto(`${demo.url}/product.html?id=fig-candle`);
  await phone.getByRole('button', { name: 'Add to cart' }).click();
  await phone.goto(`${demo.url}/cart.html`);
  await phone.locator('comptoir-cart-capture').getByText('Save your cart').waitFor();
  // The capture as a popover anchored to the checkout button, as a merchant may configure it.
  await phone.locator('comptoir-cart-capture').evaluate(async (element) => {
    element.setAttribute('mode', 'popover');
    element.setAttribute('anchor', '#checkout');
    await element.updateComplete;
    element.show();
  });
  await phone.locator('comptoir-cart-capture .popover').waitFor();
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(out, 'widget-capture-popover-390.png') });
  await phone.context().close();
}

/** The demo shop's pages. */
async function demoShots(shop) {
  await shop.goto(`${demo.url}/`);
  await shop.locator('comptoir-absence-banner').getByText("We're away").waitFor();
  await shop.screenshot({ path: join(out, 'demo-home.png') });
  await shop.goto(`${demo.url}/product.html?id=fig-candle`);
  await shop.getByRole('button', { name: 'Add to cart' }).click();
  await shop.locator('comptoir-free-shipping').getByText(/add/i).waitFor();
  await shop.screenshot({ path: join(out, 'demo-product.png') });
  await shop.goto(`${demo.url}/cart.html`);
  await shop.locator('comptoir-cart-capture').getByText('Save your cart').waitFor();
  await shop.screenshot({ path: join(out, 'demo-cart.png'), fullPage: true });
  await shop.goto(`${demo.url}/faq.html`);
  await shop.locator('comptoir-faq').getByText('When will my order ship?').waitFor();
  await shop.screenshot({ path: join(out, 'demo-faq.png') });
}
