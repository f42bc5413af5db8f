// The config page in German (1280 px) and Dutch (390 px), switched from its language menu, in
// Debian's Chromium over the built page (`npm run build` first, as `npm test` does): a section's
// own words, a field's error as the merchant types, the error summary with its plural and the
// field named, the choice kept after a reload; axe clean.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAdminTestBed } from './support/admin-test-bed.js';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const bed = useAdminTestBed('languages');

async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(`${axeSource}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            el: Element,
            o: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document.body, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations).toEqual([]);
}

// Before: the page's session check was a GET /v1/admin/session answered 401, which Chromium logs
// as an error ("Failed to load resource") on every visit before sign-in.
it('opens on its sign-in form with nothing in the console, in English and French', async () => {
  for (const [locale, signIn] of [
    ['en-GB', 'Sign in'],
    ['fr-FR', 'Se connecter'],
  ] as const) {
    const context = await bed.browser.newContext({ locale, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
    await page.goto(`${bed.server.url}/admin/`);
    await page.getByRole('button', { name: signIn }).waitFor();
    expect(logged, locale).toEqual([]);
    await page.locator('#secret-key').fill(bed.secretKey);
    await page.getByRole('button', { name: signIn }).click();
    await page.locator('#secret-key').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('#secret-key').waitFor({ state: 'detached' });
    await page.getByRole('heading').first().waitFor();
    expect(logged, locale).toEqual([]);
    await context.close();
  }
}, 60_000);

const RUNS = [
  {
    locale: 'de',
    width: 1280,
    height: 900,
    signOut: 'Abmelden',
    shipping: 'Versand',
    intro: 'Wann Pakete Ihre Werkstatt verlassen.',
    cutoff: 'Bestellschluss',
    handlingDays: 'Bearbeitungstage',
    timeMessage: 'Bitte eine Uhrzeit wie 14:00 eingeben.',
    save: 'Änderungen speichern',
    discard: 'Verwerfen',
    unsaved: 'Ungespeicherte Änderungen',
    summaryOne: 'Vor dem Speichern ist eine Sache zu korrigieren:',
    summaryTwo: 'Vor dem Speichern sind 2 Dinge zu korrigieren:',
    summaryLine: 'Versand — Bestellschluss: Bitte eine Uhrzeit wie 14:00 eingeben.',
  },
  {
    locale: 'nl',
    width: 390,
    height: 844,
    signOut: 'Uitloggen',
    shipping: 'Verzending',
    intro: 'Wanneer pakketten je werkplaats verlaten.',
    cutoff: 'Uiterste besteltijd',
    handlingDays: 'Voorbereidingsdagen',
    timeMessage: 'Vul een tijd in zoals 14:00.',
    save: 'Wijzigingen opslaan',
    discard: 'Weggooien',
    unsaved: 'Niet-opgeslagen wijzigingen',
    summaryOne: 'Eén ding om te verbeteren voor het opslaan:',
    summaryTwo: '2 dingen om te verbeteren voor het opslaan:',
    summaryLine: 'Verzending — Uiterste besteltijd: Vul een tijd in zoals 14:00.',
  },
] as const;

describe('the config page in German and Dutch', () => {
  for (const run of RUNS) {
    it(`speaks ${run.locale} once chosen, in a section and its errors, at ${run.width} px`, async () => {
      const context = await bed.browser.newContext({
        viewport: { width: run.width, height: run.height },
        locale: 'en-GB',
      });
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      await page.goto(`${bed.server.url}/admin/`);
      await page.locator('#secret-key').fill(bed.secretKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#section-title').waitFor();

      await page.locator('#ui-locale').selectOption(run.locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(run.locale);
      await expect(page.getByRole('button', { name: run.signOut }).count()).resolves.toBe(1);

      await page.evaluate(() => (location.hash = '#/shipping'));
      await page.locator('.section-body[data-section="shipping"]').waitFor();
      expect(await page.locator('#section-title').textContent()).toBe(run.shipping);
      expect(await page.locator('.section-body .lead').first().textContent()).toContain(run.intro);

      // An error as the merchant types, in the language and beside the field.
      const cutoff = page.getByLabel(run.cutoff, { exact: true });
      await cutoff.fill('');
      await expect
        .poll(() => page.locator('#f-calendar-cutoff-error').textContent())
        .toContain(run.timeMessage);
      await expect(cutoff.getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await page.locator('.save-status').textContent()).toContain(run.unsaved);

      // The summary on save: the count in the language's plural, each line naming its field.
      await page.getByRole('button', { name: run.save }).click();
      const summary = page.locator('#error-summary');
      await summary.waitFor();
      expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain(run.summaryOne);
      expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain(run.summaryLine);
      await page.getByLabel(run.handlingDays).fill('-1');
      await page.getByRole('button', { name: run.save }).click();
      await expect
        .poll(async () => (await summary.textContent())?.replace(/\s+/g, ' '))
        .toContain(run.summaryTwo);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: run.discard }).click();

      // The choice is kept: the page opens in it again.
      await page.reload();
      await page.locator('#section-title').waitFor();
      expect(await page.locator('#section-title').textContent()).toBe(run.shipping);
      // …and says so to screen readers from the start (WCAG 3.1.1), not only after a change.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(run.locale);
      await context.close();
    });
  }
});
