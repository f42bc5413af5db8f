import { defaultShopConfig, type ShopConfig } from '@comptoir/sdk';
import { describe, expect, it } from 'vitest';
import type { StoredCart } from '../storage/cart.store.js';
import {
  chooseArm,
  decideAbsenceEmail,
  decideRecoveryEmail,
  type AbsenceEmailFacts,
  type RecoveryEmailFacts,
} from './decide.js';
import { inHoldout } from './timing.js';

const now = new Date('2026-03-10T10:00:00Z');
const base = defaultShopConfig('Atelier');
const config: ShopConfig = { ...base, calendar: { ...base.calendar, timeZone: 'UTC' } };
const withRecovery = (recovery: Partial<ShopConfig['recovery']>): ShopConfig => ({
  ...config,
  recovery: { ...config.recovery, ...recovery },
});
const cart: StoredCart = {
  id: 'crt_1',
  shopId: 'shp_1',
  platformCartId: null,
  currency: 'EUR',
  country: 'FR',
  subtotal: 2400,
  items: [{ id: '4401', title: 'Linen apron', quantity: 2, unitPrice: 1200 }],
  email: 'jane@example.com',
  emailHash: 'hash',
  consent: { granted: true, text: 'Email me my cart', at: now.toISOString() },
  locale: 'en',
  status: 'open',
  recoveryEmailAt: null,
  recoveryRequestedAt: null,
  convertedAt: null,
  orderId: null,
  orderTotal: null,
  orderCurrency: null,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
};
const hour = 3_600_000;
const recoveryFacts = (facts: Partial<RecoveryEmailFacts>): RecoveryEmailFacts => ({
  config,
  cart,
  suppressed: false,
  lastSentAt: undefined,
  frequencyCapMs: 12 * hour,
  now,
  ...facts,
});

describe('decideRecoveryEmail', () => {
  const cases: [string, Partial<RecoveryEmailFacts>, ReturnType<typeof decideRecoveryEmail>][] = [
    ['an open cart with consent goes', {}, { action: 'send' }],
    ['a deleted shop stops', { config: undefined }, { action: 'cancel', reason: 'shop-deleted' }],
    ['an erased cart stops', { cart: undefined }, { action: 'cancel', reason: 'cart-erased' }],
    [
      'an order stops',
      { cart: { ...cart, status: 'converted' } },
      { action: 'cancel', reason: 'order-completed' },
    ],
    [
      'a recovered cart stops',
      { cart: { ...cart, status: 'recovered' } },
      { action: 'cancel', reason: 'order-completed' },
    ],
    [
      'recovery switched off stops',
      { config: withRecovery({ enabled: false }) },
      { action: 'cancel', reason: 'recovery-disabled' },
    ],
    [
      'an erased email stops',
      { cart: { ...cart, email: null, emailHash: null } },
      { action: 'cancel', reason: 'no-email' },
    ],
    [
      'consent withdrawn stops',
      { cart: { ...cart, consent: { granted: false, text: 'x', at: now.toISOString() } } },
      { action: 'cancel', reason: 'consent-withdrawn' },
    ],
    [
      'no consent answer stops in explicit mode',
      { cart: { ...cart, consent: null } },
      { action: 'cancel', reason: 'consent-withdrawn' },
    ],
    [
      'no consent answer goes in soft mode',
      { cart: { ...cart, consent: null }, config: withRecovery({ consentMode: 'soft' }) },
      { action: 'send' },
    ],
    [
      'a refusal stops even in soft mode',
      {
        cart: { ...cart, consent: { granted: false, text: 'x', at: now.toISOString() } },
        config: withRecovery({ consentMode: 'soft' }),
      },
      { action: 'cancel', reason: 'consent-withdrawn' },
    ],
    [
      'an emptied cart stops',
      { cart: { ...cart, items: [] } },
      { action: 'cancel', reason: 'cart-emptied' },
    ],
    [
      'an unsubscribed address stops',
      { suppressed: true },
      { action: 'cancel', reason: 'unsubscribed' },
    ],
    [
      'an order wins over an unsubscribe',
      { suppressed: true, cart: { ...cart, status: 'converted' } },
      { action: 'cancel', reason: 'order-completed' },
    ],
    [
      'quiet hours wait for their end',
      { config: withRecovery({ quietHours: { start: '09:00', end: '12:00' } }) },
      { action: 'defer', until: new Date('2026-03-10T12:00:00Z'), reason: 'quiet-hours' },
    ],
    [
      'quiet hours across midnight wait for the morning',
      {
        config: withRecovery({ quietHours: { start: '21:00', end: '08:00' } }),
        now: new Date('2026-03-10T22:30:00Z'),
      },
      { action: 'defer', until: new Date('2026-03-11T08:00:00Z'), reason: 'quiet-hours' },
    ],
    [
      'outside quiet hours goes',
      { config: withRecovery({ quietHours: { start: '21:00', end: '08:00' } }) },
      { action: 'send' },
    ],
    [
      'an email 2 h ago defers to the end of the 12 h cap',
      { lastSentAt: now.getTime() - 2 * hour },
      { action: 'defer', until: new Date(now.getTime() + 10 * hour), reason: 'frequency-cap' },
    ],
    [
      'an email 12 h ago no longer caps',
      { lastSentAt: now.getTime() - 12 * hour },
      { action: 'send' },
    ],
    [
      'quiet hours are checked before the cap',
      {
        lastSentAt: now.getTime() - hour,
        config: withRecovery({ quietHours: { start: '09:00', end: '12:00' } }),
      },
      { action: 'defer', until: new Date('2026-03-10T12:00:00Z'), reason: 'quiet-hours' },
    ],
  ];
  it.each(cases)('%s', (_title, facts, expected) => {
    expect(decideRecoveryEmail(recoveryFacts(facts))).toEqual(expected);
  });
});

describe('decideAbsenceEmail', () => {
  const facts = (overrides: Partial<AbsenceEmailFacts>): AbsenceEmailFacts => ({
    config,
    subscribed: true,
    suppressed: false,
    sendAt: new Date(now.getTime() - hour),
    now,
    ...overrides,
  });
  const cases: [string, Partial<AbsenceEmailFacts>, ReturnType<typeof decideAbsenceEmail>][] = [
    ['a due subscription goes', {}, { action: 'send' }],
    ['a deleted absence goes (the shop is open)', { sendAt: undefined }, { action: 'send' }],
    [
      'an extended absence waits for its new end',
      { sendAt: new Date(now.getTime() + 48 * hour) },
      { action: 'defer', until: new Date(now.getTime() + 48 * hour), reason: 'absence-extended' },
    ],
    [
      'an erased subscription stops',
      { subscribed: false },
      { action: 'cancel', reason: 'subscription-erased' },
    ],
    [
      'an unsubscribed address stops',
      { suppressed: true },
      { action: 'cancel', reason: 'unsubscribed' },
    ],
    ['a deleted shop stops', { config: undefined }, { action: 'cancel', reason: 'shop-deleted' }],
    [
      'quiet hours wait',
      { config: withRecovery({ quietHours: { start: '09:00', end: '12:00' } }) },
      { action: 'defer', until: new Date('2026-03-10T12:00:00Z'), reason: 'quiet-hours' },
    ],
  ];
  it.each(cases)('%s', (_title, overrides, expected) => {
    expect(decideAbsenceEmail(facts(overrides))).toEqual(expected);
  });
});

describe('chooseArm', () => {
  const holdoutCart = Array.from({ length: 200 }, (_, i) => `crt_${i}`).find((id) =>
    inHoldout(id, 50),
  ) as string;
  const emailedCart = Array.from({ length: 200 }, (_, i) => `crt_${i}`).find(
    (id) => !inHoldout(id, 50),
  ) as string;
  const cases: [string, Parameters<typeof chooseArm>[0], string][] = [
    [
      'a second cart of an address with emails waiting is a duplicate',
      { cartId: holdoutCart, holdoutPercent: 50, addressHasPendingSequence: true },
      'duplicate',
    ],
    [
      'a cart in the holdout share gets no email',
      { cartId: holdoutCart, holdoutPercent: 50, addressHasPendingSequence: false },
      'holdout',
    ],
    [
      'a cart outside the holdout share is emailed',
      { cartId: emailedCart, holdoutPercent: 50, addressHasPendingSequence: false },
      'email',
    ],
    [
      'no holdout: every cart is emailed',
      { cartId: holdoutCart, holdoutPercent: 0, addressHasPendingSequence: false },
      'email',
    ],
  ];
  it.each(cases)('%s', (_title, input, expected) => {
    expect(chooseArm(input)).toBe(expected);
  });

  it('puts about the configured share in the holdout, stably', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `crt_${i}`);
    const arms = ids.map((cartId) =>
      chooseArm({ cartId, holdoutPercent: 20, addressHasPendingSequence: false }),
    );
    const share = arms.filter((arm) => arm === 'holdout').length / ids.length;
    expect(share).toBeGreaterThan(0.16);
    expect(share).toBeLessThan(0.24);
    expect(
      ids.map((cartId) =>
        chooseArm({ cartId, holdoutPercent: 20, addressHasPendingSequence: false }),
      ),
    ).toEqual(arms);
  });
});
