// The whole story, in Debian's Chromium: a merchant signs in and sets the shop up; a shopper sees
// it on the demo storefront, leaves an email, gets the recovery email, comes back and buys; the
// merchant sees the recovered revenue. Also: axe-core on every section of the config page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ShopConfig } from '@comptoir/sdk/schemas';
import { createShop, silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { startDemoServer } from '../demo/server.mjs';
import { demoConfig } from '../demo/seed.mjs';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Loads axe-core into the page through the DevTools protocol: /admin's CSP refuses inline scripts. */
async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(`${axeSource}\n;undefined`);
}
const SECTIONS = [
  'overview',
  'absences',
  'shipping',
  'free-shipping',
  'events',
  'faq',
  'capture',
  'emails',
  'shop',
  'texts',
  'carts',
  'outbox',
  'data',
  'install',
  'placements',
];

let dir: string;
let server: RunningServer;
let demo: { url: string; close(): Promise<void> };
let browser: Browser;
let admin: Page;
let keys: { shopId: string; publishableKey: string; secretKey: string };
/** The server's clock runs this many ms ahead, so the first recovery email comes due at once. */
let clockOffset = 0;

async function adminApi<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${keys.secretKey}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (await response.json()) as T,
  };
}

async function shopperPage(): Promise<Page> {
  // A fresh context each time: no cached config, no saved cart, as a new visitor.
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  return context.newPage();
}

async function openSection(section: string): Promise<void> {
  const adminUrl = `${server.url.replace('127.0.0.1', 'localhost')}/admin/`;
  if (admin.url().startsWith(adminUrl) && (await admin.locator('#section-title').count()) > 0) {
    // Already signed in: follow the navigation link, as a merchant would (no page reload).
    await admin.evaluate((hash) => (location.hash = hash), `#/${section}`);
  } else {
    await admin.goto(`${adminUrl}#/${section}`);
  }
  await admin.locator(`.section-body[data-section="${section}"]`).waitFor();
  await expect
    .poll(() => admin.locator('[role=status]', { hasText: /Loading|Chargement/ }).count())
    .toBe(0);
}

async function save(): Promise<void> {
  await admin.getByRole('button', { name: 'Save changes' }).click();
  await admin.locator('.notice.success').waitFor();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'e2e.db')}`,
    withWorker: true,
    logger: silentLogger(),
    app: { clock: () => new Date(Date.now() + clockOffset) },
  });
  const apiUrl = server.url.replace('127.0.0.1', 'localhost');
  demo = await startDemoServer({ port: 0, apiUrl, shopId: 'pending', publishableKey: 'pending' });
  await demo.close();
  // The shop's allowed origin is the demo's, so the demo starts first on its port, then for real.
  const demoPort = Number(new URL(demo.url).port);
  keys = await createShop(server.db, {
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

  const current = await adminApi<ShopConfig>('GET', '/v1/admin/config');
  const config = demoConfig(current.body, { shopUrl: demo.url });
  config.calendar.absences = [];
  config.recovery.steps[0]!.delaySeconds = 60;
  const saved = await adminApi('PUT', '/v1/admin/config', config, {
    'If-Match': current.etag ?? '*',
  });
  expect(saved.status).toBe(200);

  browser = await chromium.launch({
    executablePath: findBrowser(),
    args: CHROMIUM_ARGS,
  });
  admin = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('merchant and shopper story', () => {
  it('signs in with the secret key, which is kept nowhere in the browser', async () => {
    await admin.goto(`${server.url.replace('127.0.0.1', 'localhost')}/admin/`);
    await admin.getByLabel('Secret key').fill('sk_wrong');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('This key is not valid').waitFor();
    await admin.getByLabel('Secret key').fill(keys.secretKey);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const stored = await admin.evaluate(
      () =>
        JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie + location.href,
    );
    expect(stored).not.toContain(keys.secretKey);
  });

  it('has no axe violations on any section of the config page', { timeout: 45_000 }, async () => {
    await injectAxe(admin);
    for (const section of SECTIONS) {
      await openSection(section);
      if (
        (await admin.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)) ===
        'undefined'
      ) {
        await injectAxe(admin);
      }
      const violations = await admin.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: unknown,
                options: unknown,
              ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map(
          (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
        );
      });
      expect(violations, `axe on #/${section}`).toEqual([]);
    }
  });

  it('shows each validation error beside its field and keeps the draft on a conflict', async () => {
    await openSection('absences');
    await admin.getByRole('button', { name: 'Plan an absence' }).click();
    await admin.getByLabel('Last day away').fill('2020-01-01');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => admin.locator('#f-calendar-absences-0-end-error').textContent())
      .toContain('The last day away is before the first day.');
    await expect(admin.getByLabel('Last day away').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await admin.getByRole('button', { name: 'Discard' }).click();

    // In French, the message beside the field is French too (the sdk's schemas speak English).
    await admin.locator('#ui-locale').selectOption('fr');
    await openSection('shipping');
    await admin.getByLabel('Heure limite de commande').fill('');
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => admin.locator('#f-calendar-cutoff-error').textContent())
      .toContain('Indiquez une heure comme 14:00.');
    await expect(
      admin.getByLabel('Heure limite de commande').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    const summary = await admin.locator('#error-summary').textContent();
    expect(summary?.replace(/\s+/g, ' ')).toContain(
      'Expédition — Heure limite de commande : Indiquez une heure',
    );
    await admin.getByRole('button', { name: 'Annuler les modifications' }).click();
    await admin.locator('#ui-locale').selectOption('en');

    // The email preview renders the unsaved draft.
    await openSection('emails');
    await admin
      .getByLabel('Subject (English)')
      .first()
      .fill('Still thinking about it, {shopName}?');
    await admin
      .locator('.email-preview strong', { hasText: 'Still thinking about it, Atelier Demo?' })
      .waitFor();
    await admin.getByRole('button', { name: 'Discard' }).click();

    // Another tab saves first: this one is told, and its draft stays.
    await openSection('shop');
    await admin.getByLabel('Shop name').fill('Atelier Demo & Co');
    const current = await adminApi<ShopConfig>('GET', '/v1/admin/config');
    await adminApi(
      'PUT',
      '/v1/admin/config',
      { ...current.body, shopName: 'Atelier Demo (other tab)' },
      { 'If-Match': current.etag! },
    );
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText('Someone saved first.').waitFor();
    await expect(admin.getByLabel('Shop name').inputValue()).resolves.toBe('Atelier Demo & Co');
    await admin.getByRole('button', { name: 'Save mine anyway' }).click();
    await admin.locator('.notice.success').waitFor();
    expect((await adminApi<ShopConfig>('GET', '/v1/admin/config')).body.shopName).toBe(
      'Atelier Demo & Co',
    );
  });

  it('sets an absence, and the demo shop shows the banner', async () => {
    await openSection('absences');
    await admin.getByRole('button', { name: 'Plan an absence' }).click();
    // The live preview renders the unsaved draft with the real banner.
    await admin.locator('.preview comptoir-absence-banner').getByText("We're away").waitFor();
    await save();
    const shopper = await shopperPage();
    await shopper.goto(`${demo.url}/`);
    await shopper.locator('comptoir-absence-banner').getByText("We're away").waitFor();
    await shopper.context().close();
  });

  it('changes the free-shipping threshold, and the bar moves', { timeout: 30_000 }, async () => {
    const shopper = await shopperPage();
    await shopper.goto(`${demo.url}/product.html?id=linen-notebook`);
    await shopper.getByRole('button', { name: 'Add to cart' }).click();
    await shopper
      .locator('comptoir-free-shipping')
      .getByText(/add €21\.00/i)
      .waitFor();
    await shopper.context().close();

    await openSection('free-shipping');
    await admin.getByLabel('Threshold (EUR)').first().fill('30');
    await save();

    const again = await shopperPage();
    await again.goto(`${demo.url}/product.html?id=linen-notebook`);
    await again.getByRole('button', { name: 'Add to cart' }).click();
    await again
      .locator('comptoir-free-shipping')
      .getByText(/add €6\.00/i)
      .waitFor();
    await again.context().close();
  });

  it(
    'recovers an abandoned cart: email with consent, outbox, restore link, order, revenue',
    { timeout: 45_000 },
    async () => {
      const shopper = await shopperPage();
      await shopper.goto(`${demo.url}/product.html?id=linen-notebook`);
      await shopper.getByRole('button', { name: 'Add to cart' }).click();
      await shopper.goto(`${demo.url}/cart.html`);
      const capture = shopper.locator('comptoir-cart-capture');
      await capture.getByRole('textbox').fill('camille@example.com');
      await capture.getByRole('checkbox').check();
      await capture.getByRole('button', { name: 'Save my cart' }).click();
      await capture.getByText('Saved.').waitFor();
      await shopper.context().close();

      // The shopper leaves; the first step (60 s in this shop) comes due.
      clockOffset = 2 * 60_000;
      await expect
        .poll(
          async () =>
            (await adminApi<{ items: unknown[] }>('GET', '/v1/admin/outbox')).body.items.length,
          { timeout: 15_000 },
        )
        .toBeGreaterThan(0);

      await openSection('outbox');
      await admin.locator('.message-link').first().click();
      const frame = admin.frameLocator('.message iframe');
      const restoreUrl = await frame.locator('a[href*="/r/"]').first().getAttribute('href');
      expect(restoreUrl).toBeTruthy();

      const back = await shopperPage();
      await back.goto(restoreUrl!);
      await back.getByText('Welcome back! We kept your cart for you.').waitFor();
      // On a device whose cart is newer (another product, added since), the link merges and says so.
      const newer = await shopperPage();
      await newer.goto(`${demo.url}/product.html?id=fig-candle`);
      await newer.getByRole('button', { name: 'Add to cart' }).click();
      await newer.goto(restoreUrl!);
      await newer
        .getByText('This device had a newer cart: we kept it and added your saved items.')
        .waitFor();
      await expect(newer.locator('[data-line="fig-candle"]').count()).resolves.toBe(1);
      await expect(newer.locator('[data-line="linen-notebook"]').count()).resolves.toBe(1);
      await newer.context().close();
      await expect(back.locator('[data-line="linen-notebook"]').count()).resolves.toBe(1);
      await back.getByRole('link', { name: 'Checkout' }).click();
      await back.getByRole('button', { name: 'Place order' }).click();
      await back.getByText('Thank you, your order is placed.').waitFor();
      await back.context().close();

      await openSection('overview');
      await expect
        .poll(() => admin.locator('[data-stat="recovered-revenue"] .stat-value').textContent())
        .toBe('€24.00');
    },
  );

  it('keeps the keyboard in the cart when a quantity changes or a line is removed', async () => {
    const shopper = await shopperPage();
    for (const id of ['fig-candle', 'stoneware-mug']) {
      await shopper.goto(`${demo.url}/product.html?id=${id}`);
      await shopper.getByRole('button', { name: 'Add to cart' }).click();
    }
    await shopper.goto(`${demo.url}/cart.html`);
    const focusedQuantity = () =>
      shopper.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.qty ?? null);
    const candle = shopper.locator('[data-qty="fig-candle"]');
    await candle.focus();
    await shopper.keyboard.press('ArrowUp');
    await shopper.keyboard.press('Enter');
    await expect.poll(() => shopper.locator('#subtotal').textContent()).toBe('€92.00');
    // Before: the whole list was redrawn, and focus fell to the page's start.
    expect(await focusedQuantity()).toBe('fig-candle');
    await candle.fill('0');
    await shopper.keyboard.press('Enter');
    await expect.poll(() => shopper.locator('[data-line]').count()).toBe(1);
    expect(await focusedQuantity()).toBe('stoneware-mug');
    await shopper.locator('[data-qty="stoneware-mug"]').fill('0');
    await shopper.keyboard.press('Enter');
    await expect
      .poll(() => shopper.evaluate(() => document.activeElement?.textContent))
      .toBe('Find something you like');
    await shopper.context().close();
  });
});
