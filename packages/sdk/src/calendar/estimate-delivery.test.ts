import { describe, expect, it } from 'vitest';
import { isCalendarError } from './errors.js';
import { estimateDelivery } from './estimate-delivery.js';
import type { ShopCalendar } from './types.js';

function shop(overrides: Partial<ShopCalendar> = {}): ShopCalendar {
  return {
    timeZone: 'Europe/Paris',
    dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    cutoff: '14:00',
    handlingDays: 0,
    holidays: ['2026-12-25', '2027-01-01'],
    closedDates: [],
    absences: [],
    methods: [
      { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
      { id: 'express', name: 'Express', transitDays: { min: 1, max: 1 } },
      { id: 'courier', name: 'Courier', transitDays: { min: 0, max: 0 } },
      {
        id: 'relay',
        name: 'Relay point',
        transitDays: { min: 1, max: 2 },
        deliveryDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      },
    ],
    ...overrides,
  };
}

describe('estimateDelivery', () => {
  it.each([
    {
      name: 'Colissimo from Monday before Christmas arrives by Thursday 24',
      calendar: shop(),
      methodId: 'colissimo',
      now: '2026-12-21T09:00:00.000Z',
      expected: { dispatchDate: '2026-12-21', earliest: '2026-12-23', latest: '2026-12-24' },
    },
    {
      name: 'Colissimo from Tuesday evening skips Christmas and the weekend',
      calendar: shop(),
      methodId: 'colissimo',
      now: '2026-12-22T14:00:00.000Z',
      expected: { dispatchDate: '2026-12-23', earliest: '2026-12-28', latest: '2026-12-29' },
    },
    {
      name: 'Express across New Year: Thursday 31 to Monday 4',
      calendar: shop(),
      methodId: 'express',
      now: '2026-12-31T09:00:00.000Z',
      expected: { dispatchDate: '2026-12-31', earliest: '2027-01-04', latest: '2027-01-04' },
    },
    {
      name: 'a closed date stops dispatch but not carriers; a holiday stops both',
      calendar: shop({ holidays: ['2026-05-14'], closedDates: ['2026-05-15'] }),
      methodId: 'express',
      now: '2026-05-13T08:00:00.000Z',
      expected: { dispatchDate: '2026-05-13', earliest: '2026-05-15', latest: '2026-05-15' },
    },
    {
      name: 'a relay that delivers on Saturdays',
      calendar: shop(),
      methodId: 'relay',
      now: '2026-03-27T08:00:00.000Z',
      expected: { dispatchDate: '2026-03-27', earliest: '2026-03-28', latest: '2026-03-30' },
    },
    {
      name: 'a transit of 0 days is the dispatch day, even a Saturday',
      calendar: shop({ dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }),
      methodId: 'courier',
      now: '2026-03-28T08:00:00.000Z',
      expected: { dispatchDate: '2026-03-28', earliest: '2026-03-28', latest: '2026-03-28' },
    },
    {
      name: 'one handling day after a missed Friday cutoff in New York',
      calendar: shop({ timeZone: 'America/New_York', cutoff: '15:00', handlingDays: 1 }),
      methodId: 'colissimo',
      now: '2026-03-06T20:00:00.000Z',
      expected: { dispatchDate: '2026-03-10', earliest: '2026-03-12', latest: '2026-03-13' },
    },
  ])('$name', ({ calendar, methodId, now, expected }) => {
    expect(estimateDelivery(calendar, methodId, new Date(now))).toEqual(expected);
  });

  it('throws a plain Error naming an unknown method', () => {
    let thrown: unknown;
    try {
      estimateDelivery(shop(), 'pigeon', new Date('2026-03-25T08:00:00Z'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain('"pigeon"');
    expect(isCalendarError(thrown)).toBe(false);
  });

  it('throws a CalendarError for a carrier with no delivery day', () => {
    const calendar = shop({
      methods: [{ id: 'never', name: 'Never', transitDays: { min: 1, max: 2 }, deliveryDays: [] }],
    });
    let thrown: unknown;
    try {
      estimateDelivery(calendar, 'never', new Date('2026-03-25T08:00:00Z'));
    } catch (error) {
      thrown = error;
    }
    expect(isCalendarError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/No carrier day for shipping method "never"/);
  });
});
