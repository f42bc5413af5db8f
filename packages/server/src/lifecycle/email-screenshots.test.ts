import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDigest } from './render-digest.js';
import { renderMarketingEmail } from './render-marketing.js';
import { renderOrderConfirmation } from './render-confirmation.js';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const OUT = resolve(import.meta.dirname, '../../../../docs/screenshots');

// Regenerates docs/screenshots/email-*.png (each email's HTML part in headless Chromium). Opt-in
// with COMPTOIR_EMAIL_SCREENSHOTS=1: it writes into the docs and needs a browser, so `npm test`
// skips it.
describe.skipIf(process.env.COMPTOIR_EMAIL_SCREENSHOTS !== '1')('email screenshots', () => {
  const items = [
    { title: 'Linen apron', quantity: 1, url: 'https://atelier.example/p/apron' },
    { title: 'Stoneware mug', quantity: 2, url: 'https://atelier.example/p/mug' },
  ];
  const emails = {
    'email-order-confirmation': renderOrderConfirmation({
      shopName: 'Atelier Lune',
      defaultLocale: 'en',
      orderId: '#1042',
      promise: {
        dispatchDate: '2025-12-03',
        delivery: { earliest: '2025-12-05', latest: '2025-12-08', methodName: 'Colissimo' },
      },
      paragraph: { en: 'I wrap every parcel myself in the workshop. Thank you for trusting us!' },
      items,
      name: 'Jane Doe',
      address: { line1: '12 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' },
    }),
    'email-order-confirmation-away-fr': renderOrderConfirmation({
      shopName: 'Atelier Lune',
      locale: 'fr',
      defaultLocale: 'en',
      orderId: '#1043',
      promise: {
        dispatchDate: '2027-01-18',
        awayUntil: '2027-01-15',
        delivery: { earliest: '2027-01-20', latest: '2027-01-21', methodName: 'Colissimo' },
      },
      items,
      name: 'Jeanne Martin',
      address: { line1: '3 place du Marché', postalCode: '69002', city: 'Lyon', country: 'FR' },
    }),
    // An order that ships nothing (digital, pickup): no date promised, no address.
    'email-order-confirmation-digital': renderOrderConfirmation({
      shopName: 'Atelier Lune',
      defaultLocale: 'en',
      orderId: '#1044',
      paragraph: { en: 'Download your pattern from your account page whenever you like.' },
      items: [{ title: 'Apron sewing pattern (PDF)', quantity: 1 }],
      name: 'Jane Doe',
      address: null,
    }),
    'email-win-back': renderMarketingEmail({
      flow: 'win-back',
      shopName: 'Atelier Lune',
      defaultLocale: 'en',
      couponCode: 'COMEBACK10',
      shopUrl: 'https://atelier.example',
      items: [],
      unsubscribeUrl: 'https://api.example/u/preview',
    }),
    'email-review-request': renderMarketingEmail({
      flow: 'review-request',
      shopName: 'Atelier Lune',
      defaultLocale: 'en',
      items,
      unsubscribeUrl: 'https://api.example/u/preview',
    }),
    'email-weekly-digest': renderDigest({
      shopName: 'Atelier Lune',
      locale: 'en',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      facts: {
        from: '2026-03-16',
        to: '2026-03-23',
        week: {
          cartsCaptured: 48,
          cartsWithEmail: 21,
          cartsRecovered: 4,
          recoveryRate: 4 / 21,
          recoveredRevenue: 21_350,
        },
        previousWeek: {
          cartsCaptured: 39,
          cartsWithEmail: 17,
          cartsRecovered: 2,
          recoveryRate: 2 / 17,
          recoveredRevenue: 9_800,
        },
        faqSearchesEmpty: 6,
        topEmptySearches: [
          { query: 'gift wrap', count: 4 },
          { query: 'returns', count: 2 },
        ],
        bounced: 1,
        unsubscribed: 2,
        webhookFailures: 0,
        eventWebhookFailures: 0,
        absences: [{ start: '2026-04-06', end: '2026-04-10' }],
        lastOrders: [
          {
            event: "Mother's Day",
            orderBy: new Date('2026-03-31T12:00:00Z'),
            deliverBy: '2026-04-03',
          },
        ],
      },
    }),
  };

  it.skipIf(!existsSync(CHROME))(
    'renders each email in Chromium into docs/screenshots',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'comptoir-emails-'));
      try {
        for (const [name, email] of Object.entries(emails)) {
          const page = join(dir, `${name}.html`);
          writeFileSync(page, email.html);
          const png = join(OUT, `${name}.png`);
          execFileSync(
            CHROME,
            [
              '--headless=new',
              '--no-sandbox',
              '--disable-gpu',
              '--hide-scrollbars',
              '--window-size=680,1000',
              `--screenshot=${png}`,
              `file://${page}`,
            ],
            { stdio: 'ignore', timeout: 60_000 },
          );
          expect(statSync(png).size).toBeGreaterThan(5_000);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
