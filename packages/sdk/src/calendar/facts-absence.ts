// Read by the widgets (see facts.ts): the local date and the absence banner's notice.
import type { Absence, AbsenceFacts, ShopCalendar, Weekday } from './types.js';

/** What the absence banner shows at an instant: `absenceStatus` plus `nextDispatch`'s date. */
export type AbsenceNotice =
  | { state: 'none'; absence?: undefined; resumeDate?: undefined; dispatchDate?: undefined }
  | { state: 'upcoming' | 'active'; absence: Absence; resumeDate: string; dispatchDate: string };

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

/**
 * `absenceStatus(calendar, now)` with `nextDispatch(calendar, now).dispatchDate`, read from the
 * facts the server computed (`absenceFacts`) instead of the calendar: a few lines instead of the
 * calendar code. `undefined` when the facts lack the absence to show (a config built by hand, or
 * by a server that could not compute them): the caller then uses the calendar functions.
 */
export function absenceNotice(
  calendar: ShopCalendar,
  facts: readonly AbsenceFacts[] | undefined,
  now: Date,
): AbsenceNotice | undefined {
  const today = Date.parse(zonedDate(now, calendar.timeZone));
  const days = (date: string) => (Date.parse(date) - today) / DAY_MS;
  let absence = calendar.absences.find((a) => days(a.start) <= 0 && days(a.end) >= 0);
  const state = absence ? 'active' : 'upcoming';
  for (const a of absence ? [] : calendar.absences) {
    const ahead = days(a.start);
    if (ahead >= 1 && ahead <= (a.announceDays ?? 14) && (!absence || ahead < days(absence.start)))
      absence = a;
  }
  if (!absence) return { state: 'none' };
  const fact = facts?.find((f) => f.id === absence.id);
  const step = fact?.ships.findLast(([from]) => Date.parse(from) <= now.getTime());
  if (!fact || !step) return undefined;
  return { state, absence, resumeDate: fact.resumeDate, dispatchDate: step[1] };
}
