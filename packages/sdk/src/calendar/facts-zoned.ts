// Read by the widgets (see facts.ts): the local date and weekday of an instant, from `Intl`.
import type { Weekday } from './types.js';

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;

/** The date parts of an instant in `timeZone` (year, month, day, weekday), from `Intl`. */
function zonedParts(now: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(now))
    parts[part.type] = part.value;
  return parts;
}

/** The `YYYY-MM-DD` local date of an instant in `timeZone`, straight from `Intl`. */
export function zonedDate(now: Date, timeZone: string): string {
  const parts = zonedParts(now, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The local weekday of an instant in `timeZone`. */
export function zonedWeekday(now: Date, timeZone: string): Weekday {
  return zonedParts(now, timeZone).weekday!.toLowerCase() as Weekday;
}
