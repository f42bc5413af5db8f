import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceStatus } from './absence-status.js';
import { estimateDelivery } from './estimate-delivery.js';
import { freeShippingProgress } from './free-shipping.js';
import { lastOrderDate } from './last-order-date.js';
import { nextDispatch } from './next-dispatch.js';
import type { Absence, FreeShippingRule, ShippingMethod, ShopCalendar, Weekday } from './types.js';
import { localDateOf, wallTimeToInstant } from './zoned-time.js';

// Modest run counts: the whole calendar suite must stay well under 10 s on a 2-core CI machine.
const RUNS = { numRuns: 150 };

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const START = Date.parse('2026-01-01T00:00:00Z');
const END = Date.parse('2027-01-01T00:00:00Z');
// Instants at or near the 2026 DST transitions of the zones above.
const TRANSITIONS = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
].map(Date.parse);

// A deliberately naive reading of the contract, on date strings, to check the engine against.
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekdayName(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] as Weekday;
}

function wouldDispatch(calendar: ShopCalendar, date: string): boolean {
  return (
    calendar.dispatchDays.includes(weekdayName(date)) &&
    !calendar.holidays.includes(date) &&
    !calendar.closedDates.includes(date) &&
    !calendar.absences.some((absence) => absence.start <= date && date <= absence.end)
  );
}

function isDispatchDay(calendar: ShopCalendar, date: string): boolean {
  if (!wouldDispatch(calendar, date)) return false;
  return !calendar.absences.some((absence) => {
    if (absence.end >= date) return false;
    let heldBefore = 0;
    for (let day = plusDays(absence.end, 1); day < date; day = plusDays(day, 1)) {
      if (wouldDispatch(calendar, day)) heldBefore++;
    }
    return heldBefore < (absence.resumeBufferDays ?? 0);
  });
}

function cutoffAt(calendar: ShopCalendar, date: string): number {
  const time = calendar.cutoffByDay?.[weekdayName(date)] ?? calendar.cutoff;
  return wallTimeToInstant(date, time, calendar.timeZone).getTime();
}

function firstDispatchDayAfter(calendar: ShopCalendar, date: string): string {
  let day = plusDays(date, 1);
  while (!isDispatchDay(calendar, day)) day = plusDays(day, 1);
  return day;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

// Local wall clock read with formatToParts, independently of the engine's own reader.
function wallClock(epochMs: number, timeZone: string): { date: string; time: string } {
  let formatter = partsFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(epochMs);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

const dayOf2026 = fc.integer({ min: 0, max: 420 }).map((days) => plusDays('2026-01-01', days));
function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

const wallTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 0, 15, 30, 59))
  .map(([hours, minutes]) => `${twoDigits(hours)}:${twoDigits(minutes)}`);
const cutoffTime = fc.oneof(fc.constantFrom('00:00', '01:30', '02:00', '02:30', '14:00'), wallTime);
const instant = fc
  .oneof(
    fc.integer({ min: START, max: END }),
    fc
      .tuple(
        fc.constantFrom(...TRANSITIONS),
        fc.integer({ min: -4 * 3_600_000, max: 4 * 3_600_000 }),
      )
      .map(([transition, shift]) => transition + shift),
  )
  .map((epochMs) => new Date(epochMs));

const absence: fc.Arbitrary<Absence> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    start: dayOf2026,
    length: fc.integer({ min: 0, max: 20 }),
    resumeBufferDays: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    announceDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  })
  .map(({ length, ...rest }) => ({ ...rest, end: plusDays(rest.start, length) }));

const method: fc.Arbitrary<ShippingMethod> = fc
  .record({
    min: fc.integer({ min: 0, max: 4 }),
    spread: fc.integer({ min: 0, max: 3 }),
    deliveryDays: fc.option(fc.subarray(WEEKDAYS, { minLength: 1 }), { nil: undefined }),
  })
  .map(({ min, spread, deliveryDays }) => ({
    id: 'method',
    name: 'Method',
    transitDays: { min, max: min + spread },
    ...(deliveryDays === undefined ? {} : { deliveryDays }),
  }));

const calendar: fc.Arbitrary<ShopCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  dispatchDays: fc.subarray(WEEKDAYS, { minLength: 1 }),
  cutoff: cutoffTime,
  cutoffByDay: fc.option(fc.dictionary(fc.constantFrom(...WEEKDAYS), cutoffTime, { maxKeys: 3 }), {
    nil: undefined,
  }),
  handlingDays: fc.integer({ min: 0, max: 3 }),
  holidays: fc.array(dayOf2026, { maxLength: 20 }),
  closedDates: fc.array(dayOf2026, { maxLength: 8 }),
  absences: fc.array(absence, { maxLength: 3 }),
  methods: fc.tuple(method).map((methods) => methods),
});

describe('calendar properties', () => {
  it('resolves a cutoff to the earliest instant at or after its wall time that day', () => {
    const dstDay = fc.constantFrom(
      '2026-03-29',
      '2026-10-25',
      '2026-03-08',
      '2026-11-01',
      '2026-10-04',
    );
    const zone = fc.constantFrom(...ZONES);
    // Nothing earlier qualifies: not 1 ms before, nor a first pass up to 3 h before.
    const lookBack = [1, ...Array.from({ length: 12 }, (_, i) => (i + 1) * 900_000)];
    fc.assert(
      fc.property(fc.oneof(dstDay, dayOf2026), wallTime, zone, (date, time, timeZone) => {
        const resolved = wallTimeToInstant(date, time, timeZone).getTime();
        const at = wallClock(resolved, timeZone);
        expect(at.date).toBe(date);
        expect(at.time >= `${time}:00`).toBe(true);
        for (const earlier of lookBack) {
          const before = wallClock(resolved - earlier, timeZone);
          expect(before.date < date || before.time < `${time}:00`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('receives and dispatches on dispatch days, never before today, as the contract says', () => {
    fc.assert(
      fc.property(calendar, instant, (shop, now) => {
        const today = localDateOf(now, shop.timeZone);
        const dispatch = nextDispatch(shop, now);
        const sameDayReceipt = isDispatchDay(shop, today) && now.getTime() < cutoffAt(shop, today);
        const receiptDate = sameDayReceipt ? today : firstDispatchDayAfter(shop, today);
        let dispatchDate = receiptDate;
        for (let i = 0; i < shop.handlingDays; i++) {
          dispatchDate = firstDispatchDayAfter(shop, dispatchDate);
        }
        expect(dispatch.receiptDate >= today).toBe(true);
        expect(isDispatchDay(shop, dispatch.dispatchDate)).toBe(true);
        expect(dispatch.orderBy.getTime()).toBeGreaterThan(now.getTime());
        expect(dispatch).toEqual({
          receiptDate,
          dispatchDate,
          orderBy: new Date(cutoffAt(shop, receiptDate)),
          sameDay: dispatchDate === today,
        });
      }),
      RUNS,
    );
  });

  it('never moves results backwards as now moves forward', () => {
    const step = fc.integer({ min: 1, max: 6 * 86_400_000 });
    fc.assert(
      fc.property(calendar, instant, step, dayOf2026, (shop, now, stepMs, deliverBy) => {
        const later = new Date(now.getTime() + stepMs);
        const [first, second] = [nextDispatch(shop, now), nextDispatch(shop, later)];
        expect(second.receiptDate >= first.receiptDate).toBe(true);
        expect(second.dispatchDate >= first.dispatchDate).toBe(true);
        expect(second.orderBy.getTime()).toBeGreaterThanOrEqual(first.orderBy.getTime());
        const [early, late] = [
          estimateDelivery(shop, 'method', now),
          estimateDelivery(shop, 'method', later),
        ];
        expect(late.earliest >= early.earliest).toBe(true);
        expect(late.latest >= early.latest).toBe(true);
        const lastThen = lastOrderDate(shop, 'method', deliverBy, now);
        const lastLater = lastOrderDate(shop, 'method', deliverBy, later);
        if (lastLater !== null) expect(lastThen).toEqual(lastLater);
      }),
      RUNS,
    );
  });

  it('gives an orderBy after now that meets the deadline 1 ms before and misses it at', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: -2, max: 40 }), (shop, now, daysAhead) => {
        const deliverBy = plusDays(localDateOf(now, shop.timeZone), daysAhead);
        const last = lastOrderDate(shop, 'method', deliverBy, now);
        if (last === null) {
          expect(estimateDelivery(shop, 'method', now).latest > deliverBy).toBe(true);
          return;
        }
        expect(last.orderBy.getTime()).toBeGreaterThan(now.getTime());
        const justBefore = new Date(last.orderBy.getTime() - 1);
        expect(estimateDelivery(shop, 'method', justBefore).latest <= deliverBy).toBe(true);
        expect(estimateDelivery(shop, 'method', last.orderBy).latest > deliverBy).toBe(true);
        const placed = nextDispatch(shop, justBefore);
        expect(last.receiptDate).toBe(placed.receiptDate);
        expect(last.dispatchDate).toBe(placed.dispatchDate);
      }),
      RUNS,
    );
  });

  it('reports an absence only around its dates, resuming on a dispatch day after it', () => {
    fc.assert(
      fc.property(calendar, instant, (shop, now) => {
        const today = localDateOf(now, shop.timeZone);
        const status = absenceStatus(shop, now);
        if (status.state === 'none') return;
        const { absence, resumeDate } = status;
        expect(shop.absences).toContain(absence);
        expect(resumeDate).toBe(firstDispatchDayAfter(shop, absence.end));
        if (status.state === 'active') {
          expect(absence.start <= today && today <= absence.end).toBe(true);
        } else {
          expect(absence.start > today).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('keeps the free-shipping ratio in [0, 1] and the tiers consistent', () => {
    const currency = fc.constantFrom('EUR', 'JPY', 'USD');
    const rule: fc.Arbitrary<FreeShippingRule> = fc.record(
      {
        threshold: fc.integer({ min: 0, max: 20_000 }),
        currency,
        countries: fc.array(fc.constantFrom('FR', 'BE', 'DE'), { maxLength: 2 }),
      },
      { requiredKeys: ['threshold', 'currency'] },
    );
    const cart = fc.record(
      {
        subtotal: fc.integer({ min: 0, max: 25_000 }),
        currency,
        country: fc.constantFrom('FR', 'BE', 'IT'),
      },
      { requiredKeys: ['subtotal', 'currency'] },
    );
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), cart, (rules, shopper) => {
        const progress = freeShippingProgress(rules, shopper);
        expect(progress.ratio).toBeGreaterThanOrEqual(0);
        expect(progress.ratio).toBeLessThanOrEqual(1);
        expect(progress.remaining).toBeGreaterThanOrEqual(0);
        for (const reached of progress.reached) {
          expect(reached.threshold).toBeLessThanOrEqual(shopper.subtotal);
          expect(reached.currency).toBe(shopper.currency);
        }
        if (progress.next === null) {
          expect(progress).toMatchObject({ remaining: 0, ratio: 1 });
        } else {
          expect(progress.next.threshold).toBeGreaterThan(shopper.subtotal);
          expect(progress.remaining).toBe(progress.next.threshold - shopper.subtotal);
        }
      }),
      { numRuns: 300 },
    );
  });
});
