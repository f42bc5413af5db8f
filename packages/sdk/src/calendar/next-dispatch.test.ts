import { describe, expect, it } from 'vitest';
import { CalendarError, isCalendarError } from './errors.js';
import { nextDispatch } from './next-dispatch.js';
import type { ShopCalendar, Weekday } from './types.js';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function shop(overrides: Partial<ShopCalendar> = {}): ShopCalendar {
  return {
    timeZone: 'Europe/Paris',
    dispatchDays: WEEKDAYS,
    cutoff: '14:00',
    handlingDays: 0,
    holidays: [],
    closedDates: [],
    absences: [],
    methods: [],
    ...overrides,
  };
}

interface Case {
  name: string;
  calendar: ShopCalendar;
  now: string;
  receiptDate: string;
  dispatchDate: string;
  orderBy: string;
  sameDay: boolean;
}

const cases: Case[] = [
  {
    name: 'Paris, Wednesday 13:59:59 CET: ships today',
    calendar: shop(),
    now: '2026-03-25T12:59:59.000Z',
    receiptDate: '2026-03-25',
    dispatchDate: '2026-03-25',
    orderBy: '2026-03-25T13:00:00.000Z',
    sameDay: true,
  },
  {
    name: 'Paris, 1 ms before the cutoff: still today',
    calendar: shop(),
    now: '2026-03-25T12:59:59.999Z',
    receiptDate: '2026-03-25',
    dispatchDate: '2026-03-25',
    orderBy: '2026-03-25T13:00:00.000Z',
    sameDay: true,
  },
  {
    name: 'Paris, exactly at the cutoff: received the next dispatch day',
    calendar: shop(),
    now: '2026-03-25T13:00:00.000Z',
    receiptDate: '2026-03-26',
    dispatchDate: '2026-03-26',
    orderBy: '2026-03-26T13:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, Friday after the cutoff: Monday, which is already summer time',
    calendar: shop(),
    now: '2026-03-27T15:00:00.000Z',
    receiptDate: '2026-03-30',
    dispatchDate: '2026-03-30',
    orderBy: '2026-03-30T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, two handling days from Thursday cross the weekend',
    calendar: shop({ handlingDays: 2 }),
    now: '2026-03-26T09:00:00.000Z',
    receiptDate: '2026-03-26',
    dispatchDate: '2026-03-30',
    orderBy: '2026-03-26T13:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, Saturday morning: received and shipped Monday',
    calendar: shop(),
    now: '2026-03-28T09:00:00.000Z',
    receiptDate: '2026-03-30',
    dispatchDate: '2026-03-30',
    orderBy: '2026-03-30T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, Easter Monday is a holiday: Friday evening goes to Tuesday',
    calendar: shop({ holidays: ['2026-04-06'] }),
    now: '2026-04-03T13:00:00.000Z',
    receiptDate: '2026-04-07',
    dispatchDate: '2026-04-07',
    orderBy: '2026-04-07T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, a closed Friday stops dispatch like a holiday',
    calendar: shop({ closedDates: ['2026-05-15'] }),
    now: '2026-05-14T13:00:00.000Z',
    receiptDate: '2026-05-18',
    dispatchDate: '2026-05-18',
    orderBy: '2026-05-18T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, a cutoff of 00:00 never allows same-day receipt',
    calendar: shop({ cutoff: '00:00' }),
    now: '2026-03-25T08:00:00.000Z',
    receiptDate: '2026-03-26',
    dispatchDate: '2026-03-26',
    orderBy: '2026-03-25T23:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, Friday cutoff of 12:00 from cutoffByDay, ordered at 11:59',
    calendar: shop({ cutoffByDay: { fri: '12:00' } }),
    now: '2026-03-27T10:59:00.000Z',
    receiptDate: '2026-03-27',
    dispatchDate: '2026-03-27',
    orderBy: '2026-03-27T11:00:00.000Z',
    sameDay: true,
  },
  {
    name: 'Paris, Friday 12:30 misses the Friday cutoff; Monday has the default one',
    calendar: shop({ cutoffByDay: { fri: '12:00' } }),
    now: '2026-03-27T11:30:00.000Z',
    receiptDate: '2026-03-30',
    dispatchDate: '2026-03-30',
    orderBy: '2026-03-30T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, during an absence with a two-day resume buffer',
    calendar: shop({
      handlingDays: 1,
      absences: [{ id: 'summer', start: '2026-08-03', end: '2026-08-14', resumeBufferDays: 2 }],
    }),
    now: '2026-08-05T08:00:00.000Z',
    receiptDate: '2026-08-19',
    dispatchDate: '2026-08-20',
    orderBy: '2026-08-19T12:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, spring-forward: 01:59:59 CET is before a 02:30 cutoff moved to 03:00 CEST',
    calendar: shop({ dispatchDays: EVERY_DAY, cutoff: '02:30' }),
    now: '2026-03-29T00:59:59.000Z',
    receiptDate: '2026-03-29',
    dispatchDate: '2026-03-29',
    orderBy: '2026-03-29T01:00:00.000Z',
    sameDay: true,
  },
  {
    name: 'Paris, spring-forward: 03:00 CEST is the moved cutoff itself',
    calendar: shop({ dispatchDays: EVERY_DAY, cutoff: '02:30' }),
    now: '2026-03-29T01:00:00.000Z',
    receiptDate: '2026-03-30',
    dispatchDate: '2026-03-30',
    orderBy: '2026-03-30T00:30:00.000Z',
    sameDay: false,
  },
  {
    name: 'Paris, fall-back: 02:15 CEST (first pass) is before a 02:30 cutoff',
    calendar: shop({ dispatchDays: EVERY_DAY, cutoff: '02:30' }),
    now: '2026-10-25T00:15:00.000Z',
    receiptDate: '2026-10-25',
    dispatchDate: '2026-10-25',
    orderBy: '2026-10-25T00:30:00.000Z',
    sameDay: true,
  },
  {
    name: 'Paris, fall-back: 02:15 CET (second pass) is after the 02:30 CEST cutoff',
    calendar: shop({ dispatchDays: EVERY_DAY, cutoff: '02:30' }),
    now: '2026-10-25T01:15:00.000Z',
    receiptDate: '2026-10-26',
    dispatchDate: '2026-10-26',
    orderBy: '2026-10-26T01:30:00.000Z',
    sameDay: false,
  },
  {
    name: 'New York, Friday 15:00 EST: Monday 15:00 EDT',
    calendar: shop({ timeZone: 'America/New_York', cutoff: '15:00' }),
    now: '2026-03-06T20:00:00.000Z',
    receiptDate: '2026-03-09',
    dispatchDate: '2026-03-09',
    orderBy: '2026-03-09T19:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'New York, Monday 23:00 EDT is still Monday there (Tuesday in UTC)',
    calendar: shop({ timeZone: 'America/New_York', cutoff: '15:00' }),
    now: '2026-03-10T03:00:00.000Z',
    receiptDate: '2026-03-10',
    dispatchDate: '2026-03-10',
    orderBy: '2026-03-10T19:00:00.000Z',
    sameDay: false,
  },
  {
    name: 'New York, fall-back: 01:15 EST (second pass) is after a 01:30 EDT cutoff',
    calendar: shop({ timeZone: 'America/New_York', dispatchDays: EVERY_DAY, cutoff: '01:30' }),
    now: '2026-11-01T06:15:00.000Z',
    receiptDate: '2026-11-02',
    dispatchDate: '2026-11-02',
    orderBy: '2026-11-02T06:30:00.000Z',
    sameDay: false,
  },
  {
    name: 'Kolkata, Friday 11:59 IST ships today',
    calendar: shop({
      timeZone: 'Asia/Kolkata',
      dispatchDays: [...WEEKDAYS, 'sat'],
      cutoff: '12:00',
    }),
    now: '2026-03-27T06:29:00.000Z',
    receiptDate: '2026-03-27',
    dispatchDate: '2026-03-27',
    orderBy: '2026-03-27T06:30:00.000Z',
    sameDay: true,
  },
  {
    name: 'Kolkata, Friday 18:45 UTC is Saturday 00:15 IST: ships Saturday',
    calendar: shop({
      timeZone: 'Asia/Kolkata',
      dispatchDays: [...WEEKDAYS, 'sat'],
      cutoff: '12:00',
    }),
    now: '2026-03-27T18:45:00.000Z',
    receiptDate: '2026-03-28',
    dispatchDate: '2026-03-28',
    orderBy: '2026-03-28T06:30:00.000Z',
    sameDay: true,
  },
];

describe('nextDispatch', () => {
  it.each(cases)('$name', ({ calendar, now, receiptDate, dispatchDate, orderBy, sameDay }) => {
    const dispatch = nextDispatch(calendar, new Date(now));
    expect({ ...dispatch, orderBy: dispatch.orderBy.toISOString() }).toEqual({
      receiptDate,
      dispatchDate,
      orderBy,
      sameDay,
    });
  });

  it('throws a CalendarError when no day is a dispatch day', () => {
    const act = () => nextDispatch(shop({ dispatchDays: [] }), new Date('2026-03-25T08:00:00Z'));
    expect(act).toThrow(CalendarError);
    expect(act).toThrow(/No dispatch day in the 400 days after 2026-03-25/);
    try {
      act();
    } catch (error) {
      expect(isCalendarError(error)).toBe(true);
      expect((error as Error).name).toBe('CalendarError');
    }
  });

  it('throws even when today could take the order, if the next 400 days cannot', () => {
    const calendar = shop({
      absences: [{ id: 'sabbatical', start: '2026-03-26', end: '2027-04-30' }],
    });
    expect(() => nextDispatch(calendar, new Date('2026-03-25T08:00:00Z'))).toThrow(CalendarError);
  });

  it('finds a dispatch day exactly 400 days ahead', () => {
    // 2026-03-25 + 400 days is 2027-04-29, a Thursday.
    const calendar = shop({ absences: [{ id: 'long', start: '2026-03-25', end: '2027-04-28' }] });
    const dispatch = nextDispatch(calendar, new Date('2026-03-25T08:00:00Z'));
    expect(dispatch.receiptDate).toBe('2027-04-29');
  });

  it('refuses a malformed cutoff', () => {
    expect(() => nextDispatch(shop({ cutoff: '2pm' }), new Date())).toThrow(RangeError);
  });
});
