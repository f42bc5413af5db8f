import { describe, expect, it } from 'vitest';
import { addDays, formatDate, parseDate, parseWallTime, weekdayOf } from './civil-date.js';

describe('civil dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['2026-03-29', 20_541],
    ['2000-02-29', 11_016],
    ['1969-12-31', -1],
  ])('%s is day %i', (date, dayNumber) => {
    expect(parseDate(date)).toBe(dayNumber);
    expect(formatDate(dayNumber)).toBe(date);
  });

  it.each([
    ['2026-03-29', 'sun'],
    ['2026-04-06', 'mon'],
    ['2026-12-25', 'fri'],
    ['2024-02-29', 'thu'],
  ] as const)('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026/01/01', ''])(
    'refuses the date %j',
    (date) => {
      expect(() => parseDate(date)).toThrow(RangeError);
    },
  );

  it('reads HH:mm wall times and refuses others', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('14:30')).toBe(870);
    expect(parseWallTime('23:59')).toBe(1439);
    for (const time of ['24:00', '9:00', '12:60', '12h00']) {
      expect(() => parseWallTime(time)).toThrow(RangeError);
    }
  });
});
