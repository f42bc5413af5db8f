// The config page's After the order section in Debian's Chromium (1280 px English, 390 px
// French): the live preview of the emails after the order rendered by the server from the draft
// as the merchant types, the review request's and win-back's texts per language with their
// placeholder errors, the soft opt-in, last week's digest, and clicks per flow on the overview.
// It serves the built page (`npm run build` first), like `comptoir serve`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ShopConfig } from '@comptoir/sdk/schemas';
import { CHROMIUM_ARGS, findBrowser } from '../../../../scripts/find-browser.mjs';
import { createShop } from '../storage/create-shop.js';
import { silentLogger } from '../log.js';
import { startServer, type RunningServer } from '../server.js';

const built = existsSync(fileURLToPath(new URL('../../dist/admin/index.html', import.meta.url)));
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const WORDS = {
  en: {
    signIn: 'Sign in',
    save: 'Save changes',
    confirmationOn: 'Send an order confirmation',
    reviewOn: 'Ask for a review after delivery',
    winBackOn: 'Invite shoppers back when they have not ordered again',
    softOptIn: 'Also ask customers who did not agree to marketing emails (soft opt-in)',
    missingFr: 'Missing in French',
    previewKind: 'Email',
    previewFrame: 'Email preview',
    promise: 'leaves our workshop on Mon 28 Dec',
    sameDay: 'leaves our workshop on Thu 24 Dec',
    showDigest: 'Show last week’s digest',
    digestFrame: 'Weekly digest',
    digestLine: 'Recovered revenue',
    clicks: 'Clicks',
  },
  fr: {
    signIn: 'Se connecter',
    save: 'Enregistrer',
    confirmationOn: 'Envoyer une confirmation de commande',
    reviewOn: 'Demander un avis après la livraison',
    winBackOn: 'Inviter à revenir les clients qui n’ont pas recommandé',
    softOptIn:
      'Demander aussi aux clients qui n’ont pas accepté les emails marketing (soft opt-in)',
    missingFr: 'Manque en français',
    previewKind: 'Email',
    previewFrame: 'Aperçu de l’email',
    promise: 'leaves our workshop on Mon 28 Dec',
    sameDay: 'leaves our workshop on Thu 24 Dec',
    showDigest: 'Afficher le résumé de la semaine dernière',
    digestFrame: 'Résumé de la semaine',
    digestLine: 'Recovered revenue',
    clicks: 'Clics',
  },
};

const RUNS = [
  { width: 1280, height: 900, locale: 'en' as const },
  { width: 390, height: 844, locale: 'fr' as const },
];

describe.skipIf(!built)('the After the order section (skipped without `npm run build`)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let secretKey: string;
  let shopId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comptoir-admin-lifecycle-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: `sqlite:${join(dir, 'admin.db')}`,
      withWorker: false,
      logger: silentLogger(),
    });
    const shop = await createShop(server.db, {
      name: 'Atelier',
      origins: ['https://atelier.example'],
      now: new Date(),
    });
    secretKey = shop.secretKey;
    shopId = shop.shopId;
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function adminConfig(): Promise<ShopConfig> {
    const response = await fetch(`${server.url}/v1/admin/config`, {
      headers: { Authorization: `Bearer ${secretKey}` },
    });
    return (await response.json()) as ShopConfig;
  }

  async function expectNoAxeViolations(page: Page): Promise<void> {
    if ((await page.evaluate(() => typeof (window as { axe?: unknown }).axe)) !== 'object')
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

  for (const run of RUNS) {
    describe(`at ${run.width} px in ${run.locale === 'en' ? 'English' : 'French'}`, () => {
      const w = WORDS[run.locale];
      let page: Page;

      beforeAll(async () => {
        const context = await browser.newContext({
          viewport: { width: run.width, height: run.height },
          locale: run.locale === 'fr' ? 'fr-FR' : 'en-GB',
          // The browser runs in New York: the sample order's "placed at" is still shop time (Paris).
          timezoneId: 'America/New_York',
        });
        page = await context.newPage();
        page.setDefaultTimeout(8000);
        await page.goto(`${server.url}/admin/`);
        await page.locator('#secret-key').fill(secretKey);
        await page.getByRole('button', { name: w.signIn }).click();
        await page.locator('#section-title').waitFor();
      }, 60_000);

      afterAll(async () => {
        await page?.context().close();
      });

      async function open(section: string): Promise<void> {
        await page.evaluate((hash) => (location.hash = hash), `#/${section}`);
        await page.locator(`.section-body[data-section="${section}"]`).waitFor();
      }
      const frame = () => page.locator('.email-preview iframe').first();
      const srcdoc = async () => (await frame().getAttribute('srcdoc')) ?? '';

      it('previews the confirmation as the merchant types, with the public holiday the server resolves', async () => {
        await open('lifecycle');
        await page.getByLabel(w.confirmationOn).check();
        // Thu 24 Dec 2026, 10:00 in Paris (shop time, not New York's): before the 14:00 cutoff.
        await page.locator('#f-lifecycle-previewAt').fill('2026-12-24T10:00');
        await expect.poll(srcdoc).toContain(w.sameDay);
        // 16:00: after the cutoff; Fri 25 is Christmas, so Monday.
        await page.locator('#f-lifecycle-previewAt').fill('2026-12-24T16:00');
        await expect.poll(srcdoc).toContain(w.promise);
        expect(await frame().getAttribute('sandbox')).toBe('');
        expect(await frame().getAttribute('title')).toBe(w.previewFrame);
        const paragraph = page.locator('#f-lifecycle-orderConfirmation-paragraph');
        await paragraph.fill('');
        await paragraph.pressSequentially('Wrapped by <b>hand</b>', { delay: 20 });
        // Debounced: the preview follows the text once typing pauses, escaped.
        await expect.poll(srcdoc).toContain('Wrapped by &lt;b&gt;hand&lt;/b&gt;');
        expect(await srcdoc()).not.toContain('<b>hand</b>');
        await paragraph.pressSequentially(' at {shopName}.');
        await expect.poll(srcdoc).toContain('Wrapped by &lt;b&gt;hand&lt;/b&gt; at Atelier.');
        await expectNoAxeViolations(page);
      });

      it('edits the review request’s and win-back’s texts per language, names a placeholder typo, and previews them', async () => {
        await open('lifecycle');
        await page.getByLabel(w.reviewOn).check();
        await page.getByLabel(w.softOptIn).check();
        const body = page.locator('#f-lifecycle-reviewRequest-body');
        await body.fill(`How was {shopname}, ${run.locale}?`);
        await expect
          .poll(() => page.locator('#f-lifecycle-reviewRequest-body-error').textContent())
          .toContain('{shopname}');
        await body.fill(`How was {shopName}, ${run.locale}?`);
        await expect
          .poll(() => page.locator('#f-lifecycle-reviewRequest-body-error').count())
          .toBe(0);
        // Written in English only: the page says French is missing.
        await expect
          .poll(() =>
            page
              .locator('.localized-field:has(#f-lifecycle-reviewRequest-body) summary')
              .textContent(),
          )
          .toContain(w.missingFr);
        await page.getByLabel(w.previewKind, { exact: true }).selectOption('review-request');
        await expect.poll(srcdoc).toContain(`How was Atelier, ${run.locale}?`);

        await page.getByLabel(w.winBackOn).check();
        await page.locator('#f-lifecycle-winBack-couponCode').fill('BACK10');
        await page.locator('#f-lifecycle-winBack-subject').fill('Back at {shopName}?');
        await page.locator('#f-lifecycle-winBack-body').fill('Take {coupon} with you.');
        await page.getByLabel(w.previewKind, { exact: true }).selectOption('win-back');
        await expect.poll(srcdoc).toContain('Take BACK10 with you.');
        expect(await page.locator('.preview-subject').textContent()).toBe('Back at Atelier?');
        await expectNoAxeViolations(page);

        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();
        const saved = (await adminConfig()).lifecycle;
        expect(saved?.reviewRequest).toEqual({
          enabled: true,
          daysAfterDelivery: 7,
          softOptIn: true,
          body: { en: `How was {shopName}, ${run.locale}?` },
        });
        expect(saved?.winBack).toMatchObject({
          subject: { en: 'Back at {shopName}?' },
          body: { en: 'Take {coupon} with you.' },
        });
      });

      it('shows last week’s digest as the email says it, and clicks per flow on the overview', async () => {
        await open('lifecycle');
        await page.getByRole('button', { name: w.showDigest }).click();
        const digest = page.locator(`iframe[title="${w.digestFrame}"]`);
        await digest.waitFor();
        expect(await digest.getAttribute('sandbox')).toBe('');
        // The shop's language is English whatever the page's.
        expect(await digest.getAttribute('srcdoc')).toContain(w.digestLine);
        await expectNoAxeViolations(page);

        // A win-back whose button was clicked twice: the overview counts the clicks.
        const now = new Date().toISOString();
        const job = `job_wb_${run.locale}`;
        await server.db
          .insertInto('recovery_jobs')
          .values({
            id: job,
            shop_id: shopId,
            kind: 'win-back',
            subject_id: `ord_${run.locale}`,
            step: 1,
            content: '{}',
            email_hash: `hash-${run.locale}`,
            status: 'sent',
            run_at: now,
            attempts: 1,
            lease_owner: null,
            token: `token-${run.locale}`,
            reason: null,
            sent_at: now,
            created_at: now,
          })
          .execute();
        for (const n of [1, 2])
          await server.db
            .insertInto('recovery_clicks')
            .values({
              id: `clk_${run.locale}_${n}`,
              shop_id: shopId,
              job_id: job,
              subject_id: `ord_${run.locale}`,
              step: 1,
              email_hash: `hash-${run.locale}`,
              clicked_at: now,
            })
            .execute();
        await open('overview');
        const header = page.locator('section[aria-labelledby="lifecycle-stats"] table thead th');
        await expect.poll(() => header.allTextContents()).toContain(w.clicks);
        const clicks = page.locator('tr[data-flow="win-back"] td').nth(1);
        // Two per run, this run's and the runs' before it on the same shop.
        await expect
          .poll(async () => Number((await clicks.textContent())?.trim()))
          .toBe(run.locale === 'en' ? 2 : 4);
        await expectNoAxeViolations(page);
      });
    });
  }
});
