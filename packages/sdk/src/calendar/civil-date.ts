import type { Weekday } from './types.js';

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;

/** Weekdays in ISO order, so that `WEEKDAYS[weekdayIndex(day)]` names a day. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const DIGIT_0 = 48;

/** Days from 1970-01-01 to a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; RangeError if invalid. */
export function parseDate(date: string): number {
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 2);
    const day = digitsAt(date, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return daysFromCivil(year, month, day);
    }
  }
  throw new RangeError(`Invalid date "${String(date)}": expected YYYY-MM-DD`);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The `YYYY-MM-DD` date of a day number. */
export function formatDate(dayNumber: number): string {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The ISO weekday index of a day number: 0 for Monday through 6 for Sunday. */
export function weekdayIndex(dayNumber: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[weekdayIndex(parseDate(date))] as Weekday;
}

/** The `YYYY-MM-DD` date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days);
}

/** Minutes after midnight of an `HH:mm` wall time; throws a RangeError if invalid. */
export function parseWallTime(time: string): number {
  if (typeof time === 'string' && time.length === 5 && time[2] === ':') {
    const hours = digitsAt(time, 0, 2);
    const minutes = digitsAt(time, 3, 2);
    if (hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59) return hours * 60 + minutes;
  }
  throw new RangeError(`Invalid time "${String(time)}": expected HH:mm`);
}
