// WCAG 2.2 SC 2.4.11 Focus Not Obscured on the config page, in Debian's Chromium over the built
// page (`npm run build` first, as `npm test` does): a merchant tabs forwards, then backwards,
// through Absences (two planned), Shipping and FAQ (two questions), and no control the focus lands
// on is under the fixed save bar or the sticky top bar, even in part, at 390 px and 1280 px, in
// English and French (whose bars are taller: they wrap).
// Before: nothing kept the focus clear of the bars (the save bar is 61 px tall on a desktop, 106 to
// 124 px at 390 px where it wraps): of each run's 480 stops, 101 (390 px, French), 68 (390 px,
// English), 38 and 47 (1280 px) ended under one, among them Shipping's method, transit-day and
// exclusion fields under the save bar, and tabbing backwards, fields, "Remove" buttons and the
// navigation's links under the top bar.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAdminTestBed } from './support/admin-test-bed.js';

const TAB_STOPS = 80;

const RUNS = [
  {
    width: 390,
    height: 844,
    locale: 'fr-FR',
    addAbsence: 'Prévoir une absence',
    addQuestion: 'Ajouter une question',
  },
  {
    width: 390,
    height: 844,
    locale: 'en-GB',
    addAbsence: 'Plan an absence',
    addQuestion: 'Add a question',
  },
  {
    width: 1280,
    height: 800,
    locale: 'en-GB',
    addAbsence: 'Plan an absence',
    addQuestion: 'Add a question',
  },
  {
    width: 1280,
    height: 800,
    locale: 'fr-FR',
    addAbsence: 'Prévoir une absence',
    addQuestion: 'Ajouter une question',
  },
] as const;

const bed = useAdminTestBed('focus', { withWorker: false });

/**
 * The focused control, if its box overlaps (across and down) the save bar's or the top bar's;
 * the bars' own controls and the skip link (shown over the top bar) are left out.
 */
function obscuredFocus(): { id: string; hiddenBy: string[] } | null {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body) return null;
  if (focused.closest('.save-bar, .top-bar, .skip-link')) return null;
  const box = focused.getBoundingClientRect();
  const hiddenBy: string[] = [];
  for (const selector of ['.save-bar', '.top-bar']) {
    const bar = document.querySelector(selector)?.getBoundingClientRect();
    if (!bar) continue;
    const across = box.left < bar.right && box.right > bar.left;
    const down = box.top < bar.bottom && box.bottom > bar.top;
    if (across && down)
      hiddenBy.push(
        `${selector} ${Math.round(bar.top)}–${Math.round(bar.bottom)} over ${Math.round(box.top)}–${Math.round(box.bottom)}`,
      );
  }
  const label =
    focused.id || `${focused.tagName.toLowerCase()} "${focused.textContent?.trim().slice(0, 30)}"`;
  return hiddenBy.length > 0 ? { id: label, hiddenBy } : null;
}

/** Presses `key` TAB_STOPS times; returns each stop whose control was under a bar, and the ids reached. */
async function walk(
  page: Page,
  key: 'Tab' | 'Shift+Tab',
): Promise<{ obscured: string[]; reached: Set<string> }> {
  const obscured: string[] = [];
  const reached = new Set<string>();
  for (let stop = 1; stop <= TAB_STOPS; stop++) {
    await page.keyboard.press(key);
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (id) reached.add(id);
    const found = await page.evaluate(obscuredFocus);
    if (found) obscured.push(`${key} ${stop}: ${found.id} (${found.hiddenBy.join('; ')})`);
  }
  return { obscured, reached };
}

/** A new page signed in at `run`'s size and language, on `section`. */
async function openPage(run: (typeof RUNS)[number], section: string): Promise<Page> {
  const context = await bed.browser.newContext({
    viewport: { width: run.width, height: run.height },
    locale: run.locale,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  await page.goto(`${bed.server.url}/admin/#/${section}`);
  await page.locator('#secret-key').fill(bed.secretKey);
  await page.locator('.sign-in-card button[type=submit]').click();
  await page.locator(`.section-body[data-section="${section}"]`).waitFor();
  return page;
}

describe('the focus on the config page is never under its save bar or top bar', () => {
  for (const run of RUNS) {
    it(`at ${run.width} px in ${run.locale}, tabbing both ways through Absences, Shipping and FAQ`, async () => {
      const page = await openPage(run, 'absences');
      await page.getByRole('button', { name: run.addAbsence }).click();
      await page.getByRole('button', { name: run.addAbsence }).click();
      await page.evaluate(() => (location.hash = '#/faq'));
      await page.getByRole('button', { name: run.addQuestion }).click();
      await page.getByRole('button', { name: run.addQuestion }).click();

      const obscured: string[] = [];
      const reached = new Set<string>();
      for (const section of ['absences', 'shipping', 'faq']) {
        // Opened from the navigation's link, as a merchant does (the page focuses the heading).
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator(`.side-nav a[href="#/${section}"]`).click();
        await page.locator(`.section-body[data-section="${section}"]`).waitFor();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe('section-title');
        for (const key of ['Tab', 'Shift+Tab'] as const) {
          const walked = await walk(page, key);
          obscured.push(...walked.obscured.map((line) => `${section}, ${line}`));
          for (const id of walked.reached) reached.add(id);
        }
      }
      // The walk went where the fields at risk are (not only through the navigation).
      for (const id of [
        'f-calendar-absences-1-start',
        'f-calendar-methods-1-transitDays-min',
        'f-shippingExclusions-productIds',
        'f-shippingExclusions-paths',
        'f-faq-1-answer',
        'f-faqPageUrl',
      ])
        expect(reached, id).toContain(id);
      expect(obscured).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  // In French at 390 px the save bar takes a third row once there is a change (106 -> 124 px):
  // the first letter typed in a field just above it brought the bar over the field.
  it('keeps the field typed in clear when the save bar grows with the first change, at 390 px in French', async () => {
    const page = await openPage(RUNS[0], 'shipping');
    const paths = page.locator('#f-shippingExclusions-paths');
    const clean = await page
      .locator('.save-bar')
      .evaluate((bar) => bar.getBoundingClientRect().height);
    // Scrolled (by the wheel, say) to sit 2 px above the bar, then clicked.
    await paths.evaluate((field) => {
      const bar = document.querySelector('.save-bar')!.getBoundingClientRect();
      window.scrollBy(0, field.getBoundingClientRect().bottom - bar.top + 2);
    });
    await paths.click();
    expect(await page.evaluate(obscuredFocus)).toBeNull();
    await page.keyboard.type('/');
    await page.locator('.save-bar.dirty').waitFor();
    expect(
      await page.locator('.save-bar').evaluate((bar) => bar.getBoundingClientRect().height),
    ).toBeGreaterThan(clean);
    await expect.poll(() => page.evaluate(obscuredFocus)).toBeNull();
    await page.context().close();
  });
});
