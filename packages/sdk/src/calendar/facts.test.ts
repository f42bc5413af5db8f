import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceFacts, announcementFacts, deadlineFacts, dispatchFacts } from './derive-facts.js';
import { estimateDelivery } from './estimate-delivery.js';
import {
  absenceNotice,
  announcementMoment,
  deliveryFromFacts,
  dispatchFromFacts,
  lastOrderFromFacts,
  zonedDate,
  zonedWeekday,
} from './facts.js';
import { lastOrderDate } from './last-order-date.js';
import { absenceStatus } from './absence-status.js';
import { isCalendarError } from './errors.js';
import { nextDispatch } from './next-dispatch.js';
import type { Absence, ShopCalendar, Weekday } from './types.js';
import { weekdayOf } from './civil-date.js';
import { localDateOf, wallTimeToInstant } from './zoned-time.js';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const DAY_MS = 86_400_000;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

const day = fc.integer({ min: 0, max: 365 }).map((days) => plusDays('2026-01-01', days));
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const absence: fc.Arbitrary<Absence> = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    start: day,
    length: fc.integer({ min: 0, max: 15 }),
    resumeBufferDays: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    announceDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  })
  .map(({ length, ...rest }) => ({ ...rest, end: plusDays(rest.start, length) }));
const calendar: fc.Arbitrary<ShopCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  dispatchDays: fc.subarray(WEEKDAYS, { minLength: 1 }),
  cutoff: fc.oneof(fc.constantFrom('00:00', '02:30', '14:00'), time),
  cutoffByDay: fc.option(fc.dictionary(fc.constantFrom(...WEEKDAYS), time, { maxKeys: 2 }), {
    nil: undefined,
  }),
  handlingDays: fc.integer({ min: 0, max: 3 }),
  holidays: fc.array(day, { maxLength: 15 }),
  closedDates: fc.array(day, { maxLength: 6 }),
  absences: fc.uniqueArray(absence, { maxLength: 3, selector: (a) => a.id }),
  methods: fc.constant([]),
});
// Instants from the publication to 100 days after it, with a bias to whole hours around cutoffs.
const offset = fc.oneof(
  fc.integer({ min: 0, max: 100 * DAY_MS }),
  fc
    .tuple(fc.integer({ min: 0, max: 100 * 24 }), fc.integer({ min: -2, max: 2 }))
    .map(([hours, ms]) => hours * 3_600_000 + ms),
);

describe('absence facts', () => {
  it('answer what absenceStatus and nextDispatch answer, at any later instant', () => {
    fc.assert(
      fc.property(
        calendar,
        day,
        fc.array(offset, { minLength: 1, maxLength: 8 }),
        (shop, published, later) => {
          const at = new Date(`${published}T12:00:00Z`);
          let facts;
          try {
            facts = absenceFacts(shop, at);
          } catch (error) {
            if (isCalendarError(error)) return;
            throw error;
          }
          for (const ms of later) {
            const now = new Date(at.getTime() + ms);
            let status, dispatchDate;
            try {
              status = absenceStatus(shop, now);
              dispatchDate = nextDispatch(shop, now).dispatchDate;
            } catch (error) {
              if (isCalendarError(error)) continue;
              throw error;
            }
            const notice = absenceNotice(shop, facts, now);
            if (status.state === 'none') expect(notice).toEqual({ state: 'none' });
            else
              expect(notice).toEqual({
                state: status.state,
                absence: status.absence,
                resumeDate: status.resumeDate,
                dispatchDate,
              });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave out absences over before yesterday, and say when the facts are missing', () => {
    const shop: ShopCalendar = {
      timeZone: 'Europe/Paris',
      dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      cutoff: '14:00',
      handlingDays: 1,
      holidays: [],
      closedDates: [],
      absences: [
        { id: 'spring', start: '2026-04-06', end: '2026-04-10' },
        { id: 'summer', start: '2026-08-03', end: '2026-08-14', resumeBufferDays: 2 },
      ],
      methods: [],
    };
    const facts = absenceFacts(shop, new Date('2026-05-01T10:00:00Z'));
    // Spring ended before May: its instants alone, which tell the banner it is over.
    expect(facts.map((f) => [f.id, f.ships.length > 0])).toEqual([
      ['spring', false],
      ['summer', true],
    ]);
    expect(facts[1]).toMatchObject({
      announcedFrom: '2026-07-19T22:00:00.000Z',
      startsAt: '2026-08-02T22:00:00.000Z',
      endsAt: '2026-08-14T22:00:00.000Z',
    });
    // Away until Fri 14; Mon 17 and Tue 18 held back; received Wed 19, dispatched Thu 20.
    expect(facts[1]).toMatchObject({ resumeDate: '2026-08-19' });
    expect(absenceNotice(shop, facts, new Date('2026-08-05T10:00:00Z'))).toMatchObject({
      state: 'active',
      resumeDate: '2026-08-19',
      dispatchDate: '2026-08-20',
    });
    // Fri 31 July, before and after the 14:00 cutoff (12:00 UTC in summer): received that day,
    // the one handling day is Wed 19; received Wed 19, dispatched Thu 20.
    expect(absenceNotice(shop, facts, new Date('2026-07-31T11:59:59Z'))).toMatchObject({
      state: 'upcoming',
      dispatchDate: '2026-08-19',
    });
    expect(absenceNotice(shop, facts, new Date('2026-07-31T12:00:00Z'))).toMatchObject({
      dispatchDate: '2026-08-20',
    });
    expect(absenceNotice(shop, facts, new Date('2026-07-30T11:59:59Z'))).toMatchObject({
      dispatchDate: '2026-07-31',
    });
    expect(absenceNotice(shop, [], new Date('2026-08-05T10:00:00Z'))).toBeUndefined();
    expect(absenceNotice(shop, facts, new Date('2026-06-05T10:00:00Z'))).toEqual({
      state: 'none',
    });
    // Without facts (a config built by hand), or facts without the instants: the calendar answers.
    expect(absenceNotice(shop, undefined, new Date('2026-06-05T10:00:00Z'))).toBeUndefined();
    expect(
      absenceNotice(
        shop,
        facts.map(({ id, resumeDate, ships }) => ({ id, resumeDate, ships })),
        new Date('2026-08-05T10:00:00Z'),
      ),
    ).toBeUndefined();
  });

  it('give the holiday deadline what lastOrderDate gives, at any later instant', () => {
    const method = fc
      .record({
        id: fc.constantFrom('slow', 'fast'),
        min: fc.integer({ min: 0, max: 4 }),
        spread: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ id, min, spread }) => ({ id, name: id, transitDays: { min, max: min + spread } }));
    const withMethods = fc
      .tuple(
        calendar,
        fc.uniqueArray(method, { minLength: 1, maxLength: 2, selector: (m) => m.id }),
      )
      .map(([shop, methods]) => ({ ...shop, methods }));
    fc.assert(
      fc.property(
        withMethods,
        day,
        day,
        fc.array(offset, { minLength: 1, maxLength: 6 }),
        (shop, published, deliverBy, later) => {
          const at = new Date(`${published}T09:30:00Z`);
          const event = { id: 'xmas', deliverBy };
          let facts;
          try {
            facts = deadlineFacts(shop, [event], at);
          } catch (error) {
            if (isCalendarError(error)) return;
            throw error;
          }
          for (const ms of later) {
            const now = new Date(at.getTime() + ms);
            for (const m of shop.methods) {
              let expected;
              try {
                expected = lastOrderDate(shop, m.id, deliverBy, now)?.orderBy ?? null;
              } catch (error) {
                if (isCalendarError(error)) continue;
                throw error;
              }
              const got = lastOrderFromFacts(facts, 'xmas', m.id, now);
              if (facts.length === 0) expect(got).toBeUndefined();
              else expect(got).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give the shipping cutoff what nextDispatch and estimateDelivery give, for 4 weeks and more', () => {
    const method = fc
      .record({ min: fc.integer({ min: 0, max: 4 }), spread: fc.integer({ min: 0, max: 3 }) })
      .map(({ min, spread }) => ({ id: 'm', name: 'M', transitDays: { min, max: min + spread } }));
    fc.assert(
      fc.property(
        calendar,
        method,
        day,
        fc.array(fc.oneof(offset.map((ms) => ms % (28 * DAY_MS))), { minLength: 1, maxLength: 8 }),
        (shop0, m, published, later) => {
          const shop = { ...shop0, methods: [m] };
          const at = new Date(`${published}T12:00:00Z`);
          let facts;
          try {
            facts = dispatchFacts(shop, at);
          } catch (error) {
            if (isCalendarError(error)) return;
            throw error;
          }
          for (const ms of later) {
            const now = new Date(at.getTime() + ms);
            const expected = nextDispatch(shop, now);
            expect(dispatchFromFacts(facts, now, shop.timeZone)).toEqual(expected);
            expect(deliveryFromFacts(facts, 'm', expected.dispatchDate)).toEqual(
              estimateDelivery(shop, 'm', now),
            );
          }
          // Past the window: undefined, so that the widget computes it.
          expect(dispatchFromFacts(facts, new Date(facts.until), shop.timeZone)).toBeUndefined();
          expect(dispatchFromFacts(undefined, at, shop.timeZone)).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('turn announcement wall times into the instants the calendar gives', () => {
    const facts = announcementFacts('Europe/Paris', [
      { id: 'spring', start: '2026-03-29T02:30', end: '2026-10-25T02:30' },
      { id: 'always' },
    ]);
    expect(facts).toEqual([
      {
        id: 'spring',
        start: wallTimeToInstant('2026-03-29', '02:30', 'Europe/Paris').toISOString(),
        end: '2026-10-25T00:30:00.000Z',
      },
    ]);
    // 02:30 does not exist on 29 March in Paris: it moves past the gap, to 03:00 (01:00 UTC).
    expect(announcementMoment(facts, 'spring', 'start')).toEqual(new Date('2026-03-29T01:00:00Z'));
    expect(announcementMoment(facts, 'always', 'end')).toBeUndefined();
  });

  it('read the local date from Intl as the calendar does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const now = new Date(Date.parse('2026-01-01T00:00:00Z') + ms);
          expect(zonedDate(now, zone)).toBe(localDateOf(now, zone));
          expect(zonedWeekday(now, zone)).toBe(weekdayOf(localDateOf(now, zone)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
