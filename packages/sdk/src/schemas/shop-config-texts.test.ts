import { describe, expect, it } from 'vitest';
import { defaultShopConfig } from './defaults.js';
import { isCountryCode, isCssSelector } from './primitives.js';
import { ShopConfig } from './shop-config.js';

/** The rejected fields of a parse, with their messages. */
function rejected(config: unknown): Record<string, string> {
  const result = ShopConfig.safeParse(config);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
  );
}

function shop() {
  return defaultShopConfig('Atelier', ['https://atelier.example']);
}

describe('merchant texts per language', () => {
  it('still accepts the plain strings every existing config holds', () => {
    const config = shop();
    config.faq = [{ id: 'q1', category: 'Delivery', question: 'When?', answer: 'Soon.' }];
    config.holidayEvents = [{ id: 'xmas', name: 'Christmas', deliverBy: '2026-12-24' }];
    config.capture.consentText = 'Email me my cart.';
    expect(rejected(config)).toEqual({});
  });

  it('accepts a text per language and refuses one missing in the default language', () => {
    const config = shop();
    config.holidayEvents = [
      { id: 'xmas', name: { en: 'Christmas', fr: 'Noël' }, deliverBy: '2026-12-24' },
    ];
    expect(rejected(config)).toEqual({});
    config.holidayEvents[0]!.name = { fr: 'Noël' };
    config.faq = [{ id: 'q1', category: '', question: { fr: 'Quand ?' }, answer: 'Soon.' }];
    config.announcements = {
      rotateSeconds: 6,
      messages: [
        {
          id: 'sale',
          text: { fr: 'Soldes' },
          link: { url: 'https://atelier.example/sale', label: { fr: 'Voir' } },
        },
      ],
    };
    expect(rejected(config)).toEqual({
      'holidayEvents.0.name.en': 'Required in the shop’s default language',
      'faq.0.question.en': 'Required in the shop’s default language',
      'announcements.messages.0.text.en': 'Required in the shop’s default language',
      'announcements.messages.0.link.label.en': 'Required in the shop’s default language',
    });
  });

  it('refuses an email with no subject in the default language', () => {
    const config = shop();
    delete config.recovery.steps[0]!.subject.en;
    expect(rejected(config)).toEqual({
      'recovery.steps.0.subject.en': 'Required in the shop’s default language',
    });
  });

  it('refuses placeholders that are never filled, naming the ones that are', () => {
    const config = shop();
    config.recovery.steps[1]!.body.fr = 'Votre panier chez {shopname} vous attend.';
    config.strings = { fr: { freeShippingRemainingTier: 'Plus que {amount} pour {labl}' } };
    expect(rejected(config)).toEqual({
      'recovery.steps.1.body.fr':
        'Unknown placeholder {shopname}: this text can use {shopName}, {coupon}',
      'strings.fr.freeShippingRemainingTier':
        'Unknown placeholder {labl}: this text can use {range}, {end}, {date}, {amount}, {label}, {duration}, {hours}, {minutes}, {method}, {event}, {query}, {count}',
    });
  });

  it('checks the emails after the order: placeholders named per field, the default language', () => {
    const config = shop();
    config.lifecycle = {
      orderConfirmation: {
        enabled: true,
        platformSendsOne: false,
        paragraph: { fr: 'Merci de la part de {shop}' },
      },
      winBack: {
        enabled: true,
        delayDays: 30,
        couponCode: 'BACK',
        subject: { en: 'We miss you at {shopName}', fr: 'Code {coupon}' },
        body: { fr: 'Revenez chez {shopName} avec {copon}' },
      },
      reviewRequest: {
        enabled: true,
        daysAfterDelivery: 3,
        subject: { en: 'Your {coupon} at {shopName}' },
      },
    };
    expect(rejected(config)).toEqual({
      'lifecycle.orderConfirmation.paragraph.fr':
        'Unknown placeholder {shop}: this text can use {shopName}',
      'lifecycle.winBack.body.en': 'Required in the shop’s default language',
      'lifecycle.winBack.body.fr':
        'Unknown placeholder {copon}: this text can use {shopName}, {coupon}',
      // The review request has no coupon to fill in.
      'lifecycle.reviewRequest.subject.en':
        'Unknown placeholder {coupon}: this text can use {shopName}',
    });
    // A paragraph in one language only is fine (it is optional in each).
    config.lifecycle.orderConfirmation!.paragraph = { fr: 'Merci, {shopName}' };
    config.lifecycle.winBack!.body = { en: 'Come back to {shopName}', fr: 'Revenez, {coupon}' };
    config.lifecycle.reviewRequest!.subject = { en: 'How was {shopName}?' };
    expect(ShopConfig.safeParse(config).success).toBe(true);
  });

  it('refuses a selector no browser parses and a country that does not exist', () => {
    const config = shop();
    config.placements = [{ element: 'comptoir-faq', selector: 'div[[bad', position: 'append' }];
    config.capture.anchorSelector = '.cart-button';
    config.freeShipping.rules = [{ threshold: 5000, currency: 'EUR', countries: ['FR', 'XX'] }];
    expect(rejected(config)).toEqual({
      'placements.0.selector': 'Not a valid CSS selector',
      'freeShipping.rules.0.countries.1': 'Unknown country code: use an ISO 3166-1 code, like FR',
    });
  });
});

describe('isCssSelector and isCountryCode', () => {
  it.each([
    ['.cart-button', true],
    ['#main > .product:not(.gift), footer a[href^="/cart"]', true],
    ['div[[bad', false],
    ['a,', false],
    ['', false],
  ])('%s is a selector: %s', (selector, expected) => {
    expect(isCssSelector(selector)).toBe(expected);
  });

  it('knows the assigned country codes only', () => {
    expect(['FR', 'BE', 'DE', 'GB', 'US', 'JP', 'XK'].every(isCountryCode)).toBe(true);
    expect(['XX', 'UK', 'EU', 'ZZ', 'fr'].some(isCountryCode)).toBe(false);
  });
});
