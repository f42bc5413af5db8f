import { describe, expect, it } from 'vitest';
import { lastOrderDate } from './last-order-date.js';
import type { ShopCalendar } from './types.js';

function shop(overrides: Partial<ShopCalendar> = {}): ShopCalendar {
  return {
    timeZone: 'Europe/Paris',
    dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    cutoff: '14:00',
    handlingDays: 0,
    holidays: ['2026-12-25'],
    closedDates: [],
    absences: [],
    methods: [
      { id: 'colissimo', name: 'Colissimo', transitDays: { min: 2, max: 3 } },
      { id: 'express', name: 'Express', transitDays: { min: 1, max: 1 } },
      { id: 'ground', name: 'Ground', transitDays: { min: 3, max: 5 } },
      {
        id: 'sunday-courier',
        name: 'Sunday courier',
        transitDays: { min: 1, max: 1 },
        deliveryDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      },
    ],
    ...overrides,
  };
}

function iso(lastOrder: ReturnType<typeof lastOrderDate>) {
  return lastOrder && { ...lastOrder, orderBy: lastOrder.orderBy.toISOString() };
}

describe('lastOrderDate', () => {
  it.each([
    {
      name: 'Colissimo (2–3 days) before Christmas: order by Monday 21, 14:00',
      calendar: shop(),
      methodId: 'colissimo',
      now: '2026-12-01T09:00:00.000Z',
      expected: {
        orderBy: '2026-12-21T13:00:00.000Z',
        receiptDate: '2026-12-21',
        dispatchDate: '2026-12-21',
      },
    },
    {
      name: 'with a handling day, the order must be in by Friday 18',
      calendar: shop({ handlingDays: 1 }),
      methodId: 'colissimo',
      now: '2026-12-01T09:00:00.000Z',
      expected: {
        orderBy: '2026-12-18T13:00:00.000Z',
        receiptDate: '2026-12-18',
        dispatchDate: '2026-12-21',
      },
    },
    {
      name: 'express makes it from Wednesday 23',
      calendar: shop(),
      methodId: 'express',
      now: '2026-12-01T09:00:00.000Z',
      expected: {
        orderBy: '2026-12-23T13:00:00.000Z',
        receiptDate: '2026-12-23',
        dispatchDate: '2026-12-23',
      },
    },
    {
      name: 'New York ground (3–5 days): order by Thursday 17, 15:00 EST',
      calendar: shop({ timeZone: 'America/New_York', cutoff: '15:00' }),
      methodId: 'ground',
      now: '2026-12-01T15:00:00.000Z',
      expected: {
        orderBy: '2026-12-17T20:00:00.000Z',
        receiptDate: '2026-12-17',
        dispatchDate: '2026-12-17',
      },
    },
    {
      name: 'a cutoff in the spring-forward gap: 03:00 CEST on Sunday 29 March',
      calendar: shop({
        dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        cutoff: '02:30',
      }),
      methodId: 'sunday-courier',
      deliverBy: '2026-03-30',
      now: '2026-03-20T09:00:00.000Z',
      expected: {
        orderBy: '2026-03-29T01:00:00.000Z',
        receiptDate: '2026-03-29',
        dispatchDate: '2026-03-29',
      },
    },
    {
      name: 'a cutoff in the fall-back overlap takes its first pass',
      calendar: shop({
        dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        cutoff: '02:30',
      }),
      methodId: 'sunday-courier',
      deliverBy: '2026-10-26',
      now: '2026-10-20T09:00:00.000Z',
      expected: {
        orderBy: '2026-10-25T00:30:00.000Z',
        receiptDate: '2026-10-25',
        dispatchDate: '2026-10-25',
      },
    },
    {
      name: 'an absence with a resume buffer pushes the deadline before it',
      calendar: shop({
        absences: [{ id: 'summer', start: '2026-08-03', end: '2026-08-14', resumeBufferDays: 2 }],
      }),
      methodId: 'express',
      deliverBy: '2026-08-19',
      now: '2026-07-20T09:00:00.000Z',
      expected: {
        orderBy: '2026-07-31T12:00:00.000Z',
        receiptDate: '2026-07-31',
        dispatchDate: '2026-07-31',
      },
    },
    {
      name: 'with a cutoff of 00:00 the order must be in the evening before',
      calendar: shop({ cutoff: '00:00' }),
      methodId: 'express',
      now: '2026-12-01T09:00:00.000Z',
      expected: {
        orderBy: '2026-12-22T23:00:00.000Z',
        receiptDate: '2026-12-23',
        dispatchDate: '2026-12-23',
      },
    },
  ])('$name', ({ calendar, methodId, deliverBy = '2026-12-24', now, expected }) => {
    expect(iso(lastOrderDate(calendar, methodId, deliverBy, new Date(now)))).toEqual(expected);
  });

  it('is null once the deadline has passed, and not 1 ms before', () => {
    const calendar = shop();
    expect(
      lastOrderDate(calendar, 'colissimo', '2026-12-24', new Date('2026-12-21T13:00:00Z')),
    ).toBeNull();
    expect(
      iso(lastOrderDate(calendar, 'colissimo', '2026-12-24', new Date('2026-12-21T12:59:59.999Z'))),
    ).toEqual({
      orderBy: '2026-12-21T13:00:00.000Z',
      receiptDate: '2026-12-21',
      dispatchDate: '2026-12-21',
    });
    expect(
      lastOrderDate(calendar, 'colissimo', '2026-12-24', new Date('2026-12-22T09:00:00Z')),
    ).toBeNull();
  });

  it('is null for a day before today or one no order can reach', () => {
    const now = new Date('2026-12-21T09:00:00Z');
    expect(lastOrderDate(shop(), 'express', '2026-12-20', now)).toBeNull();
    expect(lastOrderDate(shop(), 'express', '2026-12-21', now)).toBeNull();
  });

  it('throws a plain Error naming an unknown method', () => {
    expect(() => lastOrderDate(shop(), 'pigeon', '2026-12-24', new Date())).toThrow(/"pigeon"/);
  });
});
