// The config page against hostile addresses and the placement form's attribute names, in Debian's
// Chromium over the built page (`npm run build` first, as `npm test` does).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { placementAttributesOf } from '@comptoir/sdk/schemas';
import { useAdminTestBed } from './support/admin-test-bed.js';

let page: Page;
const pageErrors: string[] = [];

const bed = useAdminTestBed('hostile');

beforeAll(async () => {
  page = await (await bed.browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

describe('the config page with hostile input', () => {
  it('opens on an address whose item is not valid percent-encoding', async () => {
    const admin = `${bed.server.url.replace('127.0.0.1', 'localhost')}/admin/`;
    await page.goto(`${admin}#/outbox/%E0%A4%A`);
    await page.getByLabel('Secret key').fill(bed.secretKey);
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
