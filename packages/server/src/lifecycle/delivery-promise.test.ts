import { defaultShopConfig, type ShopConfig } from '@comptoir/sdk';
import { describe, expect, it } from 'vitest';
import { confirmationStrings } from './confirmation-strings.js';
import { deliveryPromise } from './delivery-promise.js';
import { promiseSentence } from './render-confirmation.js';

// Europe/Paris, dispatch Monday to Friday before 14:00, French public holidays, Colissimo 2–3
// carrier days (Monday to Friday).
function config(changes: Partial<ShopConfig['calendar']> = {}): ShopConfig {
  const base = defaultShopConfig('Atelier');
  return {
    ...base,
    calendar: {
      ...base.calendar,
      methods: [
        { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
        { id: 'express', name: 'Express', transitDays: { min: 1, max: 1 } },
      ],
      ...changes,
    },
  };
}

const sentence = (shop: ShopConfig, at: string, method = 'colissimo', locale = 'en') =>
  promiseSentence(deliveryPromise(shop, method, new Date(at)), confirmationStrings(locale), locale);

describe('the delivery promise of an order confirmation', () => {
  it("says the brief's sentence for a Wednesday order, the window crossing a weekend", () => {
    expect(sentence(config(), '2025-12-03T09:00:00Z')).toBe(
      'Thank you — your order leaves our workshop on Wed 3 Dec and should arrive between Fri 5 Dec and Mon 8 Dec (Colissimo).',
    );
  });

  it('moves a Friday order after the cutoff to Monday', () => {
    // 15:00 in Paris, after the 14:00 cutoff: received Monday.
    expect(deliveryPromise(config(), 'colissimo', new Date('2025-12-05T14:00:00Z'))).toEqual({
      dispatchDate: '2025-12-08',
      delivery: { earliest: '2025-12-10', latest: '2025-12-11', methodName: 'Colissimo' },
    });
  });

  it('skips a public holiday for dispatch and for the carrier', () => {
    // Wed 11 Nov 2026 is Armistice Day. Tuesday after the cutoff: leaves Thursday 12.
    expect(deliveryPromise(config(), 'colissimo', new Date('2026-11-10T15:00:00Z'))).toMatchObject({
      dispatchDate: '2026-11-12',
      delivery: { earliest: '2026-11-16', latest: '2026-11-17' },
    });
    // Monday morning: leaves Monday, and the carrier does not count Wednesday.
    expect(deliveryPromise(config(), 'colissimo', new Date('2026-11-09T08:00:00Z'))).toMatchObject({
      dispatchDate: '2026-11-09',
      delivery: { earliest: '2026-11-12', latest: '2026-11-13' },
    });
  });

  it('says plainly that the shop is away and when the order leaves', () => {
    const away = config({
      absences: [{ id: 'winter', start: '2027-01-04', end: '2027-01-15' }],
    });
    expect(sentence(away, '2027-01-06T10:00:00Z')).toBe(
      "Thank you — we're away until 15 Jan; your order leaves on Mon 18 Jan and should arrive between Wed 20 Jan and Thu 21 Jan (Colissimo).",
    );
    expect(sentence(away, '2027-01-06T10:00:00Z', 'colissimo', 'fr')).toBe(
      "Merci — nous sommes absents jusqu'au 15 janv. ; votre commande part le lun. 18 janv. et devrait arriver entre le mer. 20 janv. et le jeu. 21 janv. (Colissimo).",
    );
    // Before the absence begins nothing is said about it.
    expect(deliveryPromise(away, 'colissimo', new Date('2026-12-30T10:00:00Z')).awayUntil).toBe(
      undefined,
    );
  });

  it('reads the cutoff in the shop time zone across the end of summer time', () => {
    // Sun 25 Oct 2026 Paris goes from UTC+2 to UTC+1. Monday 12:30Z is 13:30 in Paris: before
    // the cutoff (with the summer offset it would be 14:30, after it).
    expect(
      deliveryPromise(config(), 'express', new Date('2026-10-26T12:30:00Z')).dispatchDate,
    ).toBe('2026-10-26');
    expect(
      deliveryPromise(config(), 'express', new Date('2026-10-26T13:10:00Z')).dispatchDate,
    ).toBe('2026-10-27');
    // The Friday before, still summer time: 11:59Z is 13:59, 12:01Z is 14:01.
    expect(
      deliveryPromise(config(), 'express', new Date('2026-10-23T11:59:00Z')).dispatchDate,
    ).toBe('2026-10-23');
    expect(sentence(config(), '2026-10-23T12:01:00Z', 'express')).toBe(
      'Thank you — your order leaves our workshop on Mon 26 Oct and should arrive on Tue 27 Oct (Express).',
    );
  });

  it("uses the shop's first method for an unknown one and only the dispatch with none", () => {
    expect(deliveryPromise(config(), 'nope', new Date('2025-12-03T09:00:00Z')).delivery).toEqual({
      earliest: '2025-12-05',
      latest: '2025-12-08',
      methodName: 'Colissimo',
    });
    expect(sentence(config({ methods: [] }), '2025-12-03T09:00:00Z', 'x')).toBe(
      'Thank you — your order leaves our workshop on Wed 3 Dec.',
    );
  });
});
