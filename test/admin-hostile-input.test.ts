// The config page against hostile addresses and the placement form's attribute names, in Debian's
// Chromium over the built page (`npm run build` first, as `npm test` does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { placementAttributesOf } from '@comptoir/sdk/schemas';
import { createShop, silentLogger, startServer, type RunningServer } from '@comptoir/server';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/find-browser.mjs';

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let secretKey: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-admin-hostile-'));
  server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(dir, 'admin.db')}`,
    logger: silentLogger(),
  });
  ({ secretKey } = await createShop(server.db, {
    name: 'Atelier',
    origins: ['https://atelier.example'],
    now: new Date(),
  }));
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the config page with hostile input', () => {
  it('opens on an address whose item is not valid percent-encoding', async () => {
    const admin = `${server.url.replace('127.0.0.1', 'localhost')}/admin/`;
    await page.goto(`${admin}#/outbox/%E0%A4%A`);
    await page.getByLabel('Secret key').fill(secretKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.section-body[data-section="outbox"]').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("offers only the element's documented attribute names on a placement", async () => {
    await page.evaluate(() => (location.hash = '#/placements'));
    await page.locator('.section-body[data-section="placements"]').waitFor();
    await page.getByRole('button', { name: 'Add a placement' }).click();
    await page.getByRole('button', { name: 'Add an option' }).click();
    const names = await page
      .locator('.attribute-row select option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(names.sort()).toEqual([...placementAttributesOf('comptoir-free-shipping')].sort());
    expect(pageErrors).toEqual([]);
  });
});
