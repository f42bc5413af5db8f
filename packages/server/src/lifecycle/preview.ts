import type { EmailPreview, LifecyclePreviewKind, ShopConfig } from '@comptoir/sdk';
import { addDays, localDateOf, weekdayOf } from '@comptoir/sdk/calendar';
import type { Db } from '../storage/database.js';
import { digestFacts } from './digest-facts.js';
import { digestInstant } from './digest-schedule.js';
import { reviewRequestAt } from './record-lifecycle-order.js';
import {
  confirmationInput,
  confirmationLocale,
  renderOrderConfirmation,
} from './render-confirmation.js';
import { renderDigest } from './render-digest.js';
import { marketingInput, marketingLocale, renderMarketingEmail } from './render-marketing.js';

/**
 * The sample order the config page's previews show: two lines with product pages on the shop's
 * storefront, an address in the shop's country. Labelled as a sample by the page; its links lead
 * to `/r/preview` and `/u/preview`, which say what the link does in a real email.
 */
function sampleOrder(config: ShopConfig, at: Date, locale: string | undefined) {
  return {
    orderId: '1001',
    orderedAt: at.toISOString(),
    locale: locale ?? null,
    methodId: null,
    name: 'Jane Doe',
    address: {
      line1: '12 Example Street',
      postalCode: '10115',
      city: 'Example City',
      country: config.calendar.holidayCountry ?? 'FR',
    },
    items: [
      { title: 'Linen apron', quantity: 1, url: 'https://preview.invalid/linen-apron' },
      { title: 'Beeswax candle', quantity: 2, url: 'https://preview.invalid/beeswax-candle' },
    ],
  };
}

/**
 * Renders one email after the order from `config` (the merchant's draft) for a sample order
 * placed `at`, exactly as the worker renders it: the confirmation's promise from the published
 * calendar (public holidays resolved here, on the server), the merchant's texts in `locale` (else
 * the shop's language), and for the marketing flows when they would be sent.
 */
export function previewLifecycleEmail(
  config: ShopConfig,
  kind: LifecyclePreviewKind,
  at: Date,
  locale: string | undefined,
  publicUrl: string,
): EmailPreview {
  const order = sampleOrder(config, at, locale);
  if (kind === 'confirmation') {
    const lang = confirmationLocale(locale, config.defaultLocale);
    return { ...renderOrderConfirmation(confirmationInput(config, order)), locale: lang };
  }
  // The links' pages speak the email's language, which the merchant's texts may choose.
  const input = marketingInput(kind, config, order, {
    unsubscribeUrl: '',
    shopLink: '',
    lineLink: () => '',
  });
  const written = marketingLocale(input);
  const link = (path: 'r' | 'u') => `${publicUrl}/${path}/preview?lang=${written}`;
  const rendered = renderMarketingEmail(
    marketingInput(kind, config, order, {
      unsubscribeUrl: link('u'),
      shopLink: link('r'),
      lineLink: () => link('r'),
    }),
  );
  const winBack = config.lifecycle?.winBack;
  const sendAt =
    kind === 'win-back'
      ? new Date(at.getTime() + (winBack?.delayDays ?? 90) * 86_400_000)
      : reviewRequestAt(config, null, at, config.lifecycle?.reviewRequest?.daysAfterDelivery ?? 7);
  return { ...rendered, locale: written, sendAt: sendAt.toISOString() };
}

/**
 * The send date of the latest weekly digest at or before `now` (the configured weekday and hour,
 * default Monday 08:00 shop time), whether or not the digest is switched on.
 */
export function lastDigestDate(config: ShopConfig, now: Date): string {
  const weekday = config.lifecycle?.digest?.weekday ?? 'mon';
  let date = localDateOf(now, config.calendar.timeZone);
  while (weekdayOf(date) !== weekday) date = addDays(date, -1);
  if (digestInstant(config, date).getTime() > now.getTime()) date = addDays(date, -7);
  return date;
}

/** The weekly digest of the week before `sendDate` as the worker would email it. */
export async function previewDigest(
  db: Db,
  shopId: string,
  config: ShopConfig,
  sendDate: string,
  now: Date,
) {
  const facts = await digestFacts(db, shopId, config, sendDate, now);
  const rendered = renderDigest({
    shopName: config.shopName,
    locale: config.defaultLocale,
    currency: config.currency,
    timeZone: config.calendar.timeZone,
    facts,
  });
  return {
    ...rendered,
    locale: confirmationLocale(config.defaultLocale, 'en'),
    sendDate,
    from: facts.from,
    to: facts.to,
    enabled: config.lifecycle?.digest?.enabled ?? false,
  };
}
