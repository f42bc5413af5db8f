import { describe, expect, it } from 'vitest';
import { absenceStatus } from './absence-status.js';
import { CalendarError } from './errors.js';
import type { Absence, ShopCalendar } from './types.js';

function shop(absences: Absence[], overrides: Partial<ShopCalendar> = {}): ShopCalendar {
  return {
    timeZone: 'Europe/Paris',
    dispatchDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    cutoff: '14:00',
    handlingDays: 0,
    holidays: [],
    closedDates: [],
    absences,
    methods: [],
    ...overrides,
  };
}

// Mon 3 to Fri 14 August 2026, then two buffer days (Mon 17, Tue 18): resumes Wed 19.
const summer: Absence = {
  id: 'summer',
  start: '2026-08-03',
  end: '2026-08-14',
  resumeBufferDays: 2,
};

function at(date: string): Date {
  return new Date(`${date}T10:00:00Z`);
}

describe('absenceStatus', () => {
  it.each([
    ['2026-07-19', 'none', undefined],
    ['2026-07-20', 'upcoming', '2026-08-19'],
    ['2026-08-02', 'upcoming', '2026-08-19'],
    ['2026-08-03', 'active', '2026-08-19'],
    ['2026-08-14', 'active', '2026-08-19'],
    ['2026-08-17', 'none', undefined],
  ])('on %s the summer absence is %s', (date, state, resumeDate) => {
    const status = absenceStatus(shop([summer]), at(date));
    expect(status.state).toBe(state);
    expect(status.resumeDate).toBe(resumeDate);
  });

  it('returns the absence object itself, and no keys at all for none', () => {
    expect(absenceStatus(shop([summer]), at('2026-08-05')).absence).toBe(summer);
    expect(Object.keys(absenceStatus(shop([summer]), at('2026-06-01')))).toEqual(['state']);
  });

  it('uses the local day: 23:30 UTC on 2 August is already 3 August in Paris', () => {
    expect(absenceStatus(shop([summer]), new Date('2026-08-02T22:30:00Z')).state).toBe('active');
    expect(absenceStatus(shop([summer]), new Date('2026-08-02T21:59:59Z')).state).toBe('upcoming');
  });

  it('never announces an absence with announceDays 0, and honours a custom window', () => {
    const quiet: Absence = { id: 'quiet', start: '2026-08-03', end: '2026-08-07', announceDays: 0 };
    expect(absenceStatus(shop([quiet]), at('2026-08-02')).state).toBe('none');
    expect(absenceStatus(shop([quiet]), at('2026-08-03')).state).toBe('active');
    const early: Absence = {
      id: 'early',
      start: '2026-08-03',
      end: '2026-08-07',
      announceDays: 30,
    };
    expect(absenceStatus(shop([early]), at('2026-07-04')).state).toBe('upcoming');
    expect(absenceStatus(shop([early]), at('2026-07-03')).state).toBe('none');
  });

  it('prefers the active absence, then the nearest upcoming, then the first in the array', () => {
    const bridge: Absence = { id: 'bridge', start: '2026-07-13', end: '2026-07-14' };
    const holiday: Absence = { id: 'holiday', start: '2026-07-20', end: '2026-07-24' };
    const twin: Absence = { id: 'twin', start: '2026-07-20', end: '2026-07-31' };
    expect(absenceStatus(shop([holiday, bridge]), at('2026-07-13')).absence).toBe(bridge);
    expect(absenceStatus(shop([holiday, bridge]), at('2026-07-10')).absence).toBe(bridge);
    expect(absenceStatus(shop([twin, holiday]), at('2026-07-15')).absence).toBe(twin);
    expect(absenceStatus(shop([holiday, twin]), at('2026-07-21')).absence).toBe(holiday);
  });

  it('lets the buffers of adjacent absences overlap rather than stack', () => {
    const first: Absence = { id: 'a', start: '2026-08-03', end: '2026-08-07', resumeBufferDays: 2 };
    const second: Absence = {
      id: 'b',
      start: '2026-08-10',
      end: '2026-08-14',
      resumeBufferDays: 2,
    };
    const status = absenceStatus(shop([first, second]), at('2026-08-04'));
    expect(status).toEqual({ state: 'active', absence: first, resumeDate: '2026-08-19' });
  });

  it('skips holidays and closed dates when it resumes', () => {
    const calendar = shop([{ id: 'a', start: '2026-08-03', end: '2026-08-14' }], {
      holidays: ['2026-08-17'],
      closedDates: ['2026-08-18'],
    });
    expect(absenceStatus(calendar, at('2026-08-05')).resumeDate).toBe('2026-08-19');
  });

  it('throws a CalendarError when nothing ever ships', () => {
    expect(() => absenceStatus(shop([], { dispatchDays: [] }), at('2026-08-05'))).toThrow(
      CalendarError,
    );
  });
});
