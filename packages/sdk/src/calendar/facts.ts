import type {
  Absence,
  AbsenceFacts,
  AnnouncementFacts,
  DeadlineFacts,
  DeliveryEstimate,
  DispatchFacts,
  DispatchInfo,
  ShopCalendar,
  Weekday,
} from './types.js';

/** What the absence banner shows at an instant: `absenceStatus` plus `nextDispatch`'s date. */
export type AbsenceNotice =
  | { state: 'none'; absence?: undefined; resumeDate?: undefined; dispatchDate?: undefined }
  | { state: 'upcoming' | 'active'; absence: Absence; resumeDate: string; dispatchDate: string };

const DAY_MS = 86_400_000;

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

/** The `YYYY-MM-DD` date `days` calendar days after `date`. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `lastOrderDate(calendar, methodId, event.deliverBy, now)?.orderBy` from the server's facts:
 * `null` when it is too late, `undefined` when the facts do not have it (the caller then uses
 * `lastOrderDate`).
 */
export function lastOrderFromFacts(
  facts: readonly DeadlineFacts[] | undefined,
  eventId: string,
  methodId: string,
  now: Date,
): Date | null | undefined {
  const orderBy = facts?.find((fact) => fact.id === eventId)?.orderBy[methodId];
  if (orderBy === undefined) return undefined;
  const instant = orderBy === null ? null : new Date(orderBy);
  return instant && instant.getTime() > now.getTime() ? instant : null;
}

/**
 * `nextDispatch(calendar, now)` from the server's facts, or `undefined` outside the window they
 * cover (or without them): the caller then uses `nextDispatch`.
 */
export function dispatchFromFacts(
  facts: DispatchFacts | undefined,
  now: Date,
  timeZone: string,
): DispatchInfo | undefined {
  const steps = facts?.steps ?? [];
  const index = steps.findLastIndex(([from]) => Date.parse(from) <= now.getTime());
  const step = steps[index];
  const orderBy = new Date(steps[index + 1]?.[0] ?? facts?.until ?? 0);
  if (!step || orderBy <= now) return undefined;
  return {
    receiptDate: step[1],
    dispatchDate: step[2],
    orderBy,
    sameDay: step[2] === zonedDate(now, timeZone),
  };
}

/** `estimateDelivery` for a dispatch date from the facts, or `undefined` when they lack it. */
export function deliveryFromFacts(
  facts: DispatchFacts | undefined,
  methodId: string,
  dispatchDate: string,
): DeliveryEstimate | undefined {
  const range = facts?.delivery[methodId]?.[dispatchDate];
  return range && { dispatchDate, earliest: range[0], latest: range[1] };
}

/** An announcement's start or end instant from the facts (`undefined` when they lack it). */
export function announcementMoment(
  facts: readonly AnnouncementFacts[] | undefined,
  id: string,
  which: 'start' | 'end',
): Date | undefined {
  const value = facts?.find((fact) => fact.id === id)?.[which];
  return value === undefined ? undefined : new Date(value);
}
