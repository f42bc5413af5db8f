import { beforeAll, describe, expect, it } from 'vitest';
import { defaultShopConfig, ShopConfig, SUPPORTED_LOCALES } from '@comptoir/sdk/schemas';
import { loadUiLocale, translate, type Translate } from './i18n.js';
import {
  fieldKind,
  fromServerDetails,
  fromZodIssue,
  issueFieldName,
  localizeIssue,
  type ValidationIssue,
} from './validation.js';

/** The page's issues for a draft, as the config page computes them. */
function issuesOf(change: (draft: ShopConfig) => void): ValidationIssue[] {
  const draft = defaultShopConfig('Atelier', ['https://atelier.example']);
  change(draft);
  const result = ShopConfig.safeParse(draft);
  return result.success ? [] : result.error.issues.map((issue) => fromZodIssue(issue));
}

const t: Translate = (key, ...values) => translate('en', key, ...values);

beforeAll(() => loadUiLocale('fr'));

describe('localizeIssue', () => {
  it('words a negative number plainly in every language, never as zod does', () => {
    const [issue] = issuesOf((d) => (d.capture.dismissDays = -1));
    expect(issue?.path).toBe('capture.dismissDays');
    expect(localizeIssue(issue!, 'en')).toBe('Enter 0 or more.');
    expect(localizeIssue(issue!, 'fr')).toBe('Indiquez 0 ou plus.');
    for (const locale of SUPPORTED_LOCALES) {
      const message = localizeIssue(issue!, locale);
      expect(message).not.toMatch(/expected|>=|Too small/i);
      expect(message).toContain('0');
    }
  });

  it('words an announcement’s dates out of order, a countdown without end and a bad page path', () => {
    const issues = issuesOf(
      (d) =>
        (d.announcements = {
          rotateSeconds: 6,
          messages: [
            {
              id: 'sale',
              text: 'Sale',
              start: '2030-12-20T09:00',
              end: '2030-12-19T09:00',
              paths: ['cart'],
            },
            { id: 'soon', text: 'Soon', countdown: true },
          ],
        }),
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue]));
    expect(localizeIssue(byPath.get('announcements.messages.0.end')!, 'fr')).toBe(
      'Le message se termine avant de commencer.',
    );
    expect(localizeIssue(byPath.get('announcements.messages.1.countdown')!, 'en')).toMatch(
      /^A countdown needs an end/,
    );
    expect(localizeIssue(byPath.get('announcements.messages.0.paths.0')!, 'en')).toBe(
      'Enter a page path such as /cart, or /products/* for every product page.',
    );
    expect(issueFieldName('announcements.messages.0.end', t, 'en')).toBe('Shown until (optional)');
  });

  it('names the field of a bad product id or page path that does not ship', () => {
    const issues = issuesOf(
      (d) => (d.shippingExclusions = { productIds: ['gift card'], paths: ['gift-cards/*'] }),
    );
    const byPath = new Map(issues.map((issue) => [issue.path, issue]));
    expect(localizeIssue(byPath.get('shippingExclusions.paths.0')!, 'en')).toBe(
      'Enter a page path such as /cart, or /products/* for every product page.',
    );
    expect(byPath.has('shippingExclusions.productIds.0')).toBe(true);
    expect(issueFieldName('shippingExclusions.paths.0', t, 'en')).toBe(
      'Pages without shipping widgets (optional)',
    );
    expect(issueFieldName('shippingExclusions.productIds.0', t, 'en')).toBe(
      'Products that do not ship',
    );
  });

  it('asks for a date without a format the date field does not show', () => {
    const [issue] = issuesOf((d) =>
      d.holidayEvents.push({ id: 'xmas', name: 'Christmas', deliverBy: '' }),
    );
    expect(issue?.path).toBe('holidayEvents.0.deliverBy');
    expect(localizeIssue(issue!, 'en')).toBe('Choose a date.');
    expect(localizeIssue(issue!, 'de')).toBe('Bitte ein Datum wählen.');
    for (const locale of SUPPORTED_LOCALES)
      expect(localizeIssue(issue!, locale)).not.toContain('YYYY');
  });

  it('has its own sentence in each of the six languages for each kind of problem', () => {
    const issues = [
      ...issuesOf((d) => (d.calendar.cutoff = '')),
      ...issuesOf((d) => (d.shopName = '')),
      ...issuesOf((d) =>
        d.freeShipping.rules.push({ threshold: 100, currency: 'EUR', countries: ['XX'] }),
      ),
      ...issuesOf((d) =>
        d.placements.push({ element: 'comptoir-faq', selector: 'div[[bad', position: 'append' }),
      ),
      ...issuesOf((d) => delete d.recovery.steps[0]!.subject.en),
      ...issuesOf((d) => (d.recovery.steps[0]!.body.en = 'Hello {labl}')),
    ];
    expect(issues.map((issue) => issue.path)).toEqual([
      'calendar.cutoff',
      'shopName',
      'freeShipping.rules.0.countries.0',
      'placements.0.selector',
      'recovery.steps.0.subject.en',
      'recovery.steps.0.body.en',
    ]);
    for (const issue of issues) {
      const messages = SUPPORTED_LOCALES.map((locale) => localizeIssue(issue, locale));
      expect(new Set(messages).size, issue.path).toBe(6);
    }
    expect(localizeIssue(issues[4]!, 'fr')).toBe(
      'Écrivez-le en anglais, la langue principale de la boutique.',
    );
    expect(localizeIssue(issues[5]!, 'en')).toBe(
      '{labl} is not a value this text can use: {shopName}, {coupon}.',
    );
  });

  it('words the server’s English-only issues too (a save another client refused)', () => {
    const [issue] = fromServerDetails([
      {
        path: ['recovery', 'steps', '0', 'subject', 'en'],
        message: 'Required in the shop’s default language',
      },
    ]);
    expect(localizeIssue(issue!, 'it')).toBe(
      'Scrivilo in inglese, la lingua principale del negozio.',
    );
  });

  it('uses real plurals for counts', () => {
    const [issue] = issuesOf((d) => (d.shopName = 'x'.repeat(201)));
    expect(localizeIssue(issue!, 'en')).toBe('Keep it to 200 characters.');
    expect(localizeIssue(issue!, 'fr')).toBe('200 caractères au plus.');
    expect(translate('en', 'save.invalid', { n: 1 })).toBe('One thing to fix before saving:');
    expect(translate('en', 'save.invalid', { n: 3 })).toBe('3 things to fix before saving:');
    expect(translate('fr', 'overview.recoveredCarts', { n: 1 })).toBe('1 panier récupéré');
    expect(translate('fr', 'overview.recoveredCarts', { n: 2 })).toBe('2 paniers récupérés');
  });
});

describe('issueFieldName', () => {
  it('names the field and, for a translation, its language', () => {
    expect(issueFieldName('calendar.cutoff', t, 'en')).toBe('Order cutoff');
    expect(issueFieldName('calendar.absences.0.end', t, 'en')).toBe('Last day away');
    expect(issueFieldName('faq.2.question.fr', t, 'en')).toBe('Question (French)');
    expect(issueFieldName('recovery.steps.0.subject.en', t, 'en')).toBe('Subject (English)');
    expect(issueFieldName('strings.fr.faqLabel', t, 'en')).toBe('Your text for faqLabel (French)');
  });

  it('reads the kind of value from the path, translations included', () => {
    expect(fieldKind('holidayEvents.0.deliverBy')).toBe('date');
    expect(fieldKind('freeShipping.rules.0.countries.1')).toBe('country');
    expect(fieldKind('placements.3.selector')).toBe('selector');
    expect(fieldKind('locales.1')).toBe('locale');
  });
});
