// The config page in Debian's Chromium, as a merchant meets it, at desktop (1280 px, English) and
// phone (390 px, French) widths: texts per language, errors as you type, values refused with the
// field named. It serves the built page (`npm run build` first), like `comptoir serve`.
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

/** What the page says in each language the test runs in. */
const WORDS = {
  en: {
    signIn: 'Sign in',
    save: 'Save changes',
    discard: 'Discard',
    addQuestion: 'Add a question',
    category: 'Category',
    question: 'Question (English)',
    questionFr: 'Question (French)',
    missingFr: 'Missing in French',
    complete: 'Written in every language of the shop',
    cutoff: 'Order cutoff',
    timeMessage: 'Enter a time such as 14:00.',
    addAbsence: 'Plan an absence',
    firstDay: 'First day away',
    lastDay: 'Last day away',
    absenceMessage: 'The last day away is before the first day.',
    summary: 'Absences 1 — Last day away: The last day away is before the first day.',
    selector: 'Element (CSS selector)',
    addPlacement: 'Add a placement',
    selectorMessage: 'Not a CSS selector the browser understands',
    countries: 'Only for these countries',
    addThreshold: 'Add a threshold',
    threshold: 'Threshold (EUR)',
    // A decimal comma on the English page means 45.50 too (it once read as 4,550.00).
    typedAmount: '45,50',
    tooPrecise: '45.505',
    shownAmount: '60.00',
    numberMessage: 'Enter a number.',
    previewWaitsFor: /once this is fixed: Announcement bar \d+ — Message/,
    thresholdSummary: 'Threshold: Enter a number.',
    countryMessage: 'Not a country code',
    subject: 'Subject (English)',
    subjectMessage: 'Write it in English, the shop’s main language.',
    delay: 'Sent after',
    unit: 'Unit',
    minutes: 'minutes',
    delayMeaning: 'Sent 30 minutes after the cart is saved.',
    cartTitle: 'Cart captured 31 Dec 2026, 23:30',
    cartLine: '€64.00',
    addQuestions: 'Add questions',
    faqPage: 'Address of your FAQ page (optional)',
    copyLink: 'Copy link',
    emailFields: 'Your own email fields (CSS selector, optional)',
    platform: 'Your shop platform (for restore links)',
    couponParam: 'Coupon parameter in the link (optional)',
    cartButtons: 'Change the add-to-cart buttons during the absence',
    cartButtonsSelector: 'Add-to-cart buttons (CSS selector)',
    cartButtonsAction: 'What to do with them',
    addMessage: 'Add a message',
    message: 'Message (English)',
    messageFr: 'Message (French)',
    linkUrl: 'Link address (optional)',
    linkLabel: 'Link text (English)',
    shownFrom: 'Shown from (optional)',
    shownUntil: 'Shown until (optional)',
    pages: 'Only on these pages (optional)',
    orderMessage: 'The message ends before it starts.',
    remove: 'Remove',
    confirmationOn: 'Send an order confirmation',
    platformSendsOne: 'My shop platform already sends one',
    reviewOn: 'Ask for a review after delivery',
    winBackOn: 'Invite shoppers back when they have not ordered again',
    digestOn: 'Send me a weekly digest',
    digestTo: 'Your email address',
    emailMessage: 'Enter an email address such as name@example.com.',
    couponMessage: 'Use only letters, digits, _ and -.',
    afterOrder: 'After the order',
    reviewFlow: 'Review request',
    excludedProducts: 'Products that do not ship',
    excludedPaths: 'Pages without shipping widgets (optional)',
    pathMessage: 'Enter a page path such as /cart, or /products/* for every product page.',
  },
  fr: {
    signIn: 'Se connecter',
    save: 'Enregistrer',
    discard: 'Annuler les modifications',
    addQuestion: 'Ajouter une question',
    category: 'Catégorie',
    question: 'Question (anglais)',
    questionFr: 'Question (français)',
    missingFr: 'Manque en français',
    complete: 'Écrit dans toutes les langues de la boutique',
    cutoff: 'Heure limite de commande',
    timeMessage: 'Indiquez une heure comme 14:00.',
    addAbsence: 'Prévoir une absence',
    firstDay: 'Premier jour d’absence',
    lastDay: 'Dernier jour d’absence',
    absenceMessage: 'Le dernier jour d’absence précède le premier.',
    summary: 'Absences 1 — Dernier jour d’absence : Le dernier jour d’absence précède le premier.',
    selector: 'Élément (sélecteur CSS)',
    addPlacement: 'Ajouter un placement',
    selectorMessage: 'Le navigateur ne comprend pas ce sélecteur CSS',
    countries: 'Seulement pour ces pays',
    addThreshold: 'Ajouter un seuil',
    threshold: 'Seuil (EUR)',
    typedAmount: '45,50',
    tooPrecise: '45,505',
    shownAmount: '60,00',
    numberMessage: 'Indiquez un nombre.',
    previewWaitsFor: /une fois ceci corrigé\s: Barre d’annonce \d+ — Message/,
    thresholdSummary: 'Seuil : Indiquez un nombre.',
    countryMessage: 'Ce n’est pas un code pays',
    subject: 'Objet (anglais)',
    subjectMessage: 'Écrivez-le en anglais, la langue principale de la boutique.',
    delay: 'Envoyé après',
    unit: 'Unité',
    minutes: 'minutes',
    delayMeaning: 'Envoyé 30 minutes après l’enregistrement du panier.',
    cartTitle: 'Panier enregistré le 31 déc. 2026, 23:30',
    cartLine: '64,00\u00a0€',
    addQuestions: 'Ajouter des questions',
    faqPage: 'Adresse de votre page FAQ (facultatif)',
    copyLink: 'Copier le lien',
    emailFields: 'Vos propres champs email (sélecteur CSS, facultatif)',
    platform: 'Votre plateforme (pour les liens de restauration)',
    couponParam: 'Paramètre du code promo dans le lien (facultatif)',
    cartButtons: 'Modifier les boutons d’ajout au panier pendant l’absence',
    cartButtonsSelector: 'Boutons d’ajout au panier (sélecteur CSS)',
    cartButtonsAction: 'Que faire de ces boutons',
    addMessage: 'Ajouter un message',
    message: 'Message (anglais)',
    messageFr: 'Message (français)',
    linkUrl: 'Adresse du lien (facultatif)',
    linkLabel: 'Texte du lien (anglais)',
    shownFrom: 'Affiché à partir du (facultatif)',
    shownUntil: 'Affiché jusqu’au (facultatif)',
    pages: 'Seulement sur ces pages (facultatif)',
    orderMessage: 'Le message se termine avant de commencer.',
    remove: 'Supprimer',
    confirmationOn: 'Envoyer une confirmation de commande',
    platformSendsOne: 'Ma plateforme de boutique en envoie déjà une',
    reviewOn: 'Demander un avis après la livraison',
    winBackOn: 'Inviter à revenir les clients qui n’ont pas recommandé',
    digestOn: 'M’envoyer un résumé chaque semaine',
    digestTo: 'Votre adresse email',
    emailMessage: 'Indiquez une adresse email comme nom@exemple.fr.',
    couponMessage: 'Utilisez seulement des lettres, des chiffres, _ et -.',
    afterOrder: 'Après la commande',
    reviewFlow: 'Demande d’avis',
    excludedProducts: 'Produits non expédiés',
    excludedPaths: 'Pages sans widgets de livraison (facultatif)',
    pathMessage:
      'Indiquez un chemin de page comme /cart, ou /products/* pour toutes les fiches produit.',
  },
};

const RUNS = [
  { width: 1280, height: 900, locale: 'en' as const },
  { width: 390, height: 844, locale: 'fr' as const },
];

describe.skipIf(!built)('the config page (skipped without `npm run build`)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let secretKey: string;
  let shopId: string;
  let publishableKey: string;

  /** A storefront request, as the widgets on https://atelier.example send it. */
  async function storefront(path: string, body: unknown): Promise<Response> {
    return fetch(`${server.url}/v1/shops/${shopId}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${publishableKey}`,
        origin: 'https://atelier.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'comptoir-admin-page-'));
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
    publishableKey = shop.publishableKey;
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
          // The browser runs in New York: the page still shows times in the shop's zone (Paris).
          timezoneId: 'America/New_York',
        });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: server.url,
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

      it('lets a question be written per language and says which language is missing', async () => {
        await open('faq');
        await page.getByRole('button', { name: w.addQuestion }).click();
        await page.getByLabel(w.question).last().fill('Do you ship to Belgium?');
        const card = page.locator('.faq-card').last();
        await expect
          .poll(() => card.locator('.translations summary').first().textContent())
          .toContain(w.missingFr);
        await card.locator('.translations summary').first().click();
        await page.getByLabel(w.questionFr).last().fill('Livrez-vous en Belgique ?');
        await expect
          .poll(() => card.locator('.translations summary').first().textContent())
          .toContain(w.complete);
        await card.locator('textarea').first().fill('Yes, in 2 to 4 days.');
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();
        const config = await adminConfig();
        expect(config.faq.at(-1)?.question).toEqual({
          en: 'Do you ship to Belgium?',
          fr: 'Livrez-vous en Belgique ?',
        });
        expect(config.faq.at(-1)?.answer).toBe('Yes, in 2 to 4 days.');
      });

      it('keeps the keyboard’s place when the last question is removed', async () => {
        await open('faq');
        await page.getByRole('button', { name: w.addQuestion }).click();
        const category = () =>
          page
            .locator('.faq-card')
            .last()
            .getByLabel(new RegExp(`^${w.category}`))
            .first();
        await category().fill('Shipping');
        await page.getByRole('button', { name: w.addQuestion }).click();
        // With no category filter, a new question has no category (it took the first one).
        await expect.poll(() => page.locator('.faq-card').count()).toBeGreaterThan(1);
        expect(await category().inputValue()).toBe('');
        const removes = page.locator('.faq-card .danger-link');
        const count = await removes.count();
        await removes.last().focus();
        await page.keyboard.press('Enter');
        // Before: focus fell to <body> and the next Tab started at "Skip to content".
        await expect.poll(() => removes.count()).toBe(count - 1);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
          .toContain('danger-link');
        expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
        await page.getByRole('button', { name: w.discard }).click();
      });

      it('shows a plain error beside the field as the merchant types, before any save', async () => {
        await open('shipping');
        const cutoff = page.getByLabel(w.cutoff, { exact: true });
        await cutoff.fill('');
        await expect
          .poll(() => page.locator('#f-calendar-cutoff-error').textContent())
          .toContain(w.timeMessage);
        expect(await page.locator('#f-calendar-cutoff-error').textContent()).not.toMatch(
          /HH:mm|expected/i,
        );
        await expect(cutoff.getAttribute('aria-invalid')).resolves.toBe('true');
        await cutoff.fill('14:00');
        await expect.poll(() => page.locator('#f-calendar-cutoff-error').count()).toBe(0);
      });

      it('names the field in the summary on save and takes the merchant to it', async () => {
        await open('absences');
        await page.getByRole('button', { name: w.addAbsence }).click();
        await page.getByLabel(w.firstDay).last().fill('2030-08-20');
        await page.getByLabel(w.lastDay).last().fill('2030-08-01');
        // Shown as they type: the check across the two days appears on the other field.
        await expect
          .poll(() => page.locator('.has-error .field-error').first().textContent())
          .toContain(w.absenceMessage);
        await page.getByRole('button', { name: w.save }).click();
        const summary = page.locator('#error-summary');
        await summary.waitFor();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe('error-summary');
        expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain(w.summary);
        await expectNoAxeViolations(page);
        await summary.getByRole('link').first().click();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toMatch(/^f-calendar-absences-\d+-end$/);
        await page.getByRole('button', { name: w.discard }).click();
      });

      it('refuses a selector, a country and an empty subject that were accepted before', async () => {
        await open('placements');
        await page.getByRole('button', { name: w.addPlacement }).click();
        await page.getByLabel(w.selector).last().fill('div[[bad');
        await expect
          .poll(() => page.locator('.field.has-error .field-error').first().textContent())
          .toContain(w.selectorMessage);

        await open('free-shipping');
        await page.getByRole('button', { name: w.addThreshold }).click();
        await page.getByLabel(w.countries).last().fill('FR, XX');
        await expect
          .poll(() => page.locator('.field.has-error .field-error').first().textContent())
          .toContain(w.countryMessage);

        await open('emails');
        await page.getByLabel(w.subject, { exact: true }).first().fill('');
        await expect
          .poll(() => page.locator('#f-recovery-steps-0-subject-en-error').textContent())
          .toContain(w.subjectMessage);
        await page.getByRole('button', { name: w.discard }).click();
      });

      it('keeps a threshold as the merchant types it, decimal comma in French, and refuses letters', async () => {
        await open('free-shipping');
        await page.getByRole('button', { name: w.addThreshold }).click();
        const threshold = page.getByLabel(w.threshold).last();
        const typeInto = async (text: string) => {
          await threshold.click();
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.type(text, { delay: 20 });
        };
        // Before: each key re-wrote the amount ("6" became "6.00"), so typing 60 gave 6.00.
        await typeInto('60');
        expect(await threshold.inputValue()).toBe('60');
        await page.keyboard.press('Tab');
        await expect.poll(() => threshold.inputValue()).toBe(w.shownAmount);
        // Letters: kept as typed, refused beside the field and in the summary, never saved.
        await typeInto('abc');
        expect(await threshold.inputValue()).toBe('abc');
        const error = page.locator('.field.has-error .field-error').first();
        await expect.poll(() => error.textContent()).toContain(w.numberMessage);
        await page.getByRole('button', { name: w.save }).click();
        await expect
          .poll(async () =>
            (await page.locator('#error-summary').textContent())?.replace(/\s+/g, ' '),
          )
          .toContain(w.thresholdSummary);
        // More decimals than the currency has is refused, not rounded.
        await typeInto(w.tooPrecise);
        await expect.poll(() => error.textContent()).toContain(w.numberMessage);
        await typeInto(w.typedAmount);
        expect(await threshold.inputValue()).toBe(w.typedAmount);
        await expect.poll(() => page.locator('.field.has-error').count()).toBe(0);
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();
        expect((await adminConfig()).freeShipping.rules.at(-1)?.threshold).toBe(4550);
        await page.locator('.section-body .danger-link').last().click();
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();
      });

      it('opens a cart with its items, money and times in the shop’s conventions', async () => {
        const captured = await storefront('/carts', {
          cart: {
            id: `cart-${run.locale}`,
            currency: 'EUR',
            subtotal: 7450,
            items: [
              { id: 'mug', title: 'Stoneware mug', quantity: 2, unitPrice: 3200 },
              { id: 'card', title: 'Card', quantity: 1, unitPrice: 1050 },
            ],
          },
        });
        expect(captured.status).toBe(201);
        const { id } = (await captured.json()) as { id: string };
        // Captured at 22:30 UTC, which is 23:30 in Paris and 17:30 in the browser's New York.
        await server.db
          .updateTable('carts')
          .set({ created_at: '2026-12-31T22:30:00.000Z' })
          .where('id', '=', id)
          .execute();
        await open('carts');
        await page.locator(`a[href="#/carts/${id}"]`).click();
        await page.locator('#cart-title').waitFor();
        expect(await page.locator('#cart-title').textContent()).toContain(w.cartTitle);
        const rows = await page.locator('.card table tbody tr').allTextContents();
        expect(rows[0]?.replace(/\s+/g, ' ')).toContain('Stoneware mug');
        expect(rows[0]).toContain(w.cartLine);
        await expectNoAxeViolations(page);
      });

      it('turns a search that found nothing into a new question, and gives each a link', async () => {
        const reported = await storefront('/events', {
          events: [{ type: 'faq_search_empty', query: `dishwasher ${run.locale}` }],
        });
        expect(reported.status, await reported.clone().text()).toBeLessThan(300);
        // Events are written in batches: reopen the overview (it reloads) until the search is in.
        await expect
          .poll(async () => {
            await open('carts');
            await open('overview');
            await page.locator('#faq-gaps').waitFor();
            return page.getByRole('link', { name: w.addQuestions }).count();
          })
          .toBe(1);
        await page.getByRole('link', { name: w.addQuestions }).click();
        await page.locator('.section-body[data-section="faq"]').waitFor();
        const asked = page.locator('.faq-card').last();
        await expect
          .poll(() => asked.locator('input').first().inputValue())
          .toMatch(/^dishwasher /);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
          .toMatch(/^f-faq-\d+-answer$/);
        await page.getByLabel(w.faqPage).fill('https://atelier.example/faq');
        const link = asked.locator('.faq-link code');
        await expect
          .poll(() => link.textContent())
          .toMatch(/^https:\/\/atelier\.example\/faq#faq-q-/);
        await asked.getByRole('button', { name: w.copyLink }).click();
        await expect
          .poll(() => page.evaluate(() => navigator.clipboard.readText()))
          .toBe(await link.textContent());
        await page.getByRole('button', { name: w.discard }).click();
      });

      it('relabels the delay when its unit changes, keeping the number', async () => {
        await open('emails');
        const delay = page.getByLabel(w.delay).first();
        await delay.fill('30');
        await page.getByLabel(w.unit, { exact: true }).first().selectOption('minutes');
        await expect(delay.inputValue()).resolves.toBe('30');
        await expect
          .poll(() => page.locator('#f-recovery-steps-0-delaySeconds-hint').textContent())
          .toBe(w.delayMeaning);
        await page.getByRole('button', { name: w.discard }).click();
      });

      it('turns on each email after the order, saves it, and counts its sends on the overview', async () => {
        const fieldError = (id: string) => page.locator(`#${id}-error`).textContent();
        await open('lifecycle');
        expect(await page.locator('#section-title').textContent()).toBe(w.afterOrder);
        await page.getByLabel(w.confirmationOn).check();
        await page.getByLabel(w.platformSendsOne).check();
        await page
          .locator('#f-lifecycle-orderConfirmation-paragraph')
          .fill(`Every mug is thrown by hand at {shopName} ${run.locale}.`);
        await page.locator('.section-body details.translations summary').click();
        await page
          .locator('#f-lifecycle-orderConfirmation-paragraph-fr')
          .fill('Chaque bol est tourné à la main.');

        await page.getByLabel(w.reviewOn).check();
        await page.locator('#f-lifecycle-reviewRequest-daysAfterDelivery').fill('10');

        await page.getByLabel(w.winBackOn).check();
        await page.locator('#f-lifecycle-winBack-delayDays').fill('90');
        const coupon = page.locator('#f-lifecycle-winBack-couponCode');
        await coupon.fill('welcome back');
        await expect
          .poll(() => fieldError('f-lifecycle-winBack-couponCode'))
          .toContain(w.couponMessage);
        await coupon.fill(`WELCOME-${run.locale}`);

        await page.getByLabel(w.digestOn).check();
        const to = page.getByLabel(w.digestTo);
        // On with no address: the address is asked for beside the field, and saving is refused.
        await to.fill('owner@');
        await expect.poll(() => fieldError('f-lifecycle-digest-to')).toContain(w.emailMessage);
        await to.fill('owner@atelier.example');
        await expect.poll(() => page.locator('#f-lifecycle-digest-to-error').count()).toBe(0);
        await page.locator('#f-lifecycle-digest-weekday').selectOption('fri');
        await page.locator('#f-lifecycle-digest-hour').selectOption('7');
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();

        expect((await adminConfig()).lifecycle).toEqual({
          orderConfirmation: {
            enabled: true,
            platformSendsOne: true,
            paragraph: {
              en: `Every mug is thrown by hand at {shopName} ${run.locale}.`,
              fr: 'Chaque bol est tourné à la main.',
            },
          },
          reviewRequest: { enabled: true, daysAfterDelivery: 10 },
          winBack: { enabled: true, delayDays: 90, couponCode: `WELCOME-${run.locale}` },
          digest: { enabled: true, to: 'owner@atelier.example', weekday: 'fri', hour: 7 },
        });

        // Switched off again (so the next run turns them on): the settings are kept, only off.
        for (const label of [w.confirmationOn, w.reviewOn, w.winBackOn, w.digestOn])
          await page.getByLabel(label).uncheck();
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: w.save }).click();
        await expect
          .poll(async () => {
            const saved = (await adminConfig()).lifecycle;
            return [
              saved?.orderConfirmation?.enabled,
              saved?.reviewRequest?.enabled,
              saved?.winBack?.enabled,
              saved?.digest?.enabled,
              saved?.digest?.to,
            ];
          })
          .toEqual([false, false, false, false, 'owner@atelier.example']);

        // A review request sent: the overview's row for it counts it.
        await server.db
          .insertInto('recovery_emails')
          .values({
            id: `eml_review_${run.locale}`,
            shop_id: shopId,
            job_id: null,
            kind: 'review-request',
            subject_id: null,
            step: null,
            to_address: 'shopper@example.com',
            email_hash: `hash-${run.locale}`,
            subject: 'How is your mug?',
            html: null,
            text: 'How is your mug?',
            message_id: `<review-${run.locale}@atelier.example>`,
            transport: 'outbox',
            created_at: new Date().toISOString(),
          })
          .execute();
        const { count } = await server.db
          .selectFrom('recovery_emails')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('shop_id', '=', shopId)
          .where('kind', '=', 'review-request')
          .executeTakeFirstOrThrow();
        await open('overview');
        const row = page.locator('tr[data-flow="review-request"]');
        await row.waitFor();
        expect(await row.locator('th').textContent()).toContain(w.reviewFlow);
        expect((await row.locator('td').first().textContent())?.trim()).toBe(String(Number(count)));
        // Before: at 390 px in French the table made the whole page 445 px wide.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          run.width,
        );
        await expectNoAxeViolations(page);
      });

      it('saves the products and pages that do not ship, and drops them once emptied', async () => {
        await open('shipping');
        const paths = page.getByLabel(w.excludedPaths);
        await paths.fill('gift-cards/*');
        await expect
          .poll(() => page.locator('#f-shippingExclusions-paths-error').textContent())
          .toContain(w.pathMessage);
        await paths.fill('/gift-cards/*, /e-cards');
        await page.getByLabel(w.excludedProducts).fill('gift-card, e-card');
        await expect.poll(() => page.locator('.section-body .field-error').count()).toBe(0);
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();
        expect((await adminConfig()).shippingExclusions).toEqual({
          productIds: ['gift-card', 'e-card'],
          paths: ['/gift-cards/*', '/e-cards'],
        });

        await paths.fill('');
        await page.getByLabel(w.excludedProducts).fill('');
        await page.getByRole('button', { name: w.save }).click();
        await expect.poll(async () => (await adminConfig()).shippingExclusions).toBeUndefined();
      });

      it('saves the capture email fields, coupon parameter, cart buttons and an announcement', async () => {
        const fieldError = (id: string) => page.locator(`#${id}-error`).textContent();
        await open('capture');
        const emailFields = page.getByLabel(w.emailFields);
        await emailFields.fill('div[[bad');
        await expect
          .poll(() => fieldError('f-capture-emailFieldSelector'))
          .toContain(w.selectorMessage);
        await emailFields.fill('#checkout-email');
        await expect
          .poll(() => page.locator('#f-capture-emailFieldSelector-error').count())
          .toBe(0);

        await open('emails');
        await page.getByLabel(w.platform).selectOption('woocommerce');
        const couponParam = page.getByLabel(w.couponParam);
        await couponParam.fill('coupon code');
        await expect
          .poll(() => page.locator('#f-recovery-restoreUrl-couponParam-error').count())
          .toBe(1);
        await couponParam.fill('coupon');

        await open('absences');
        await page.getByRole('button', { name: w.addAbsence }).click();
        await page.getByLabel(w.cartButtons).last().check();
        const buttons = page.getByLabel(w.cartButtonsSelector).last();
        await buttons.fill('button[[');
        await expect
          .poll(() => page.locator('.field.has-error .field-error').first().textContent())
          .toContain(w.selectorMessage);
        await buttons.fill('form[action*="/cart/add"] button');
        await page.getByLabel(w.cartButtonsAction).last().selectOption('hide');
        await expectNoAxeViolations(page);

        await open('announcements');
        await page.getByRole('button', { name: w.addMessage }).click();
        // Nothing is highlighted yet: the preview names what it waits for.
        await expect
          .poll(() => page.locator('.preview-stage .field-error').textContent())
          .toMatch(w.previewWaitsFor);
        const card = page.locator('.section-body .cards > li').last();
        await card
          .getByRole('textbox', { name: w.message, exact: true })
          .fill(`Free shipping this weekend ${run.locale}`);
        // The live preview shows the real bar with the unsaved message (no dates: shown now).
        await expect
          .poll(() =>
            page.evaluate(
              () =>
                document.querySelector('comptoir-announcement-bar')?.shadowRoot?.textContent ?? '',
            ),
          )
          .toContain(`Free shipping this weekend ${run.locale}`);
        // Written in English only: the summary says French shoppers see the English text.
        const messageSummary = card.locator('.translations summary').first();
        await expect.poll(() => messageSummary.textContent()).toContain(w.missingFr);
        await messageSummary.click();
        await card
          .getByRole('textbox', { name: w.messageFr, exact: true })
          .fill(`Livraison offerte ce week-end ${run.locale}`);
        await expect.poll(() => messageSummary.textContent()).toContain(w.complete);
        await card.getByLabel(w.linkUrl).fill('https://atelier.example/offer');
        await card.getByLabel(w.linkLabel).fill('See the offer');
        await card.getByLabel(w.shownFrom).fill('2030-12-20T09:00');
        await card.getByLabel(w.shownUntil).fill('2030-12-19T09:00');
        await expect
          .poll(() => card.locator('.field.has-error .field-error').first().textContent())
          .toContain(w.orderMessage);
        await card.getByLabel(w.shownUntil).fill('2030-12-24T18:00');
        // Sunday (the last day) unticked: the message shows Monday to Saturday.
        await card.locator('fieldset').first().locator('input[type=checkbox]').last().uncheck();
        await card.getByLabel(w.pages).fill('/cart, /products/*');
        await expect.poll(() => card.locator('.field-error').count()).toBe(0);
        await expectNoAxeViolations(page);
        await page.getByRole('button', { name: w.save }).click();
        await page.locator('.notice.success').waitFor();

        const config = await adminConfig();
        expect(config.capture.emailFieldSelector).toBe('#checkout-email');
        expect(config.recovery.restoreUrl).toMatchObject({
          preset: 'woocommerce',
          couponParam: 'coupon',
        });
        expect(config.calendar.absences.at(-1)?.cartButtons).toEqual({
          selector: 'form[action*="/cart/add"] button',
          action: 'hide',
        });
        const message = config.announcements?.messages.at(-1);
        expect(message).toMatchObject({
          text: {
            en: `Free shipping this weekend ${run.locale}`,
            fr: `Livraison offerte ce week-end ${run.locale}`,
          },
          // The link text written in English only stays the plain string older configs hold.
          link: { url: 'https://atelier.example/offer', label: 'See the offer' },
          start: '2030-12-20T09:00',
          end: '2030-12-24T18:00',
          weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
          paths: ['/cart', '/products/*'],
        });
        expect(message?.devices).toBeUndefined();

        // Removing the message and the absence removes them from the saved config too (and leaves
        // the next run's absence numbered 1).
        await card.getByRole('button', { name: w.remove }).click();
        await open('absences');
        await page
          .locator('.section-body .cards > li')
          .last()
          .getByRole('button', { name: w.remove })
          .click();
        await page.getByRole('button', { name: w.save }).click();
        await expect
          .poll(async () => {
            const saved = await adminConfig();
            return [
              saved.announcements?.messages.some((m) => m.id === message?.id),
              saved.calendar.absences.length,
            ];
          })
          .toEqual([false, 0]);
      });
    });
  }
});
