import { describe, expect, it } from 'vitest';
import { localDateOf, offsetAt, wallTimeToInstant } from './zoned-time.js';

describe('wallTimeToInstant', () => {
  it.each([
    // Europe/Paris springs forward on 2026-03-29 at 02:00 CET (01:00Z) to 03:00 CEST.
    ['2026-03-29', '01:59', 'Europe/Paris', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '02:00', 'Europe/Paris', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '03:00', 'Europe/Paris', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', '03:01', 'Europe/Paris', '2026-03-29T01:01:00.000Z'],
    // It falls back on 2026-10-25 at 03:00 CEST (01:00Z) to 02:00 CET: 02:00–02:59 happen twice.
    ['2026-10-25', '01:59', 'Europe/Paris', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25', '02:00', 'Europe/Paris', '2026-10-25T00:00:00.000Z'],
    ['2026-10-25', '02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:00', 'Europe/Paris', '2026-10-25T02:00:00.000Z'],
    // America/New_York: gap 02:00–03:00 on 2026-03-08, overlap 01:00–02:00 on 2026-11-01.
    ['2026-03-08', '02:15', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08', '15:00', 'America/New_York', '2026-03-08T19:00:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-11-01', '15:00', 'America/New_York', '2026-11-01T20:00:00.000Z'],
    // Asia/Kolkata is UTC+05:30 all year.
    ['2026-06-15', '00:00', 'Asia/Kolkata', '2026-06-14T18:30:00.000Z'],
    ['2026-06-15', '12:00', 'Asia/Kolkata', '2026-06-15T06:30:00.000Z'],
    // Australia/Lord_Howe moves by half an hour: 02:00 → 02:30 on 2026-10-04.
    ['2026-10-04', '02:10', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, timeZone, iso) => {
    expect(wallTimeToInstant(date, time, timeZone).toISOString()).toBe(iso);
  });
});

describe('localDateOf', () => {
  it.each([
    ['2026-03-28T23:30:00Z', 'Europe/Paris', '2026-03-29'],
    ['2026-03-28T22:59:59.999Z', 'Europe/Paris', '2026-03-28'],
    ['2026-03-10T03:00:00Z', 'America/New_York', '2026-03-09'],
    ['2026-03-27T18:30:00Z', 'Asia/Kolkata', '2026-03-28'],
    ['2026-03-27T18:29:59.999Z', 'Asia/Kolkata', '2026-03-27'],
  ])('%s in %s is on %s', (iso, timeZone, date) => {
    expect(localDateOf(new Date(iso), timeZone)).toBe(date);
  });

  it('keeps milliseconds out of the offset', () => {
    expect(offsetAt(Date.parse('2026-07-01T10:00:00.999Z'), 'Europe/Paris')).toBe(7_200_000);
    expect(offsetAt(Date.parse('1969-12-31T23:59:59.250Z'), 'Asia/Kolkata')).toBe(19_800_000);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDateOf(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
