import { compileCalendar } from './calendar-days.js';
import { addDays, formatDate, parseDate } from './civil-date.js';
import { nextDispatchDay } from './dispatch-days.js';
import { lastOrderDate } from './last-order-date.js';
import { estimateDelivery } from './estimate-delivery.js';
import { nextDispatch } from './next-dispatch.js';
import type {
  AbsenceFacts,
  AnnouncementFacts,
  DeadlineEvent,
  DeadlineFacts,
  DispatchFacts,
  ShopCalendar,
} from './types.js';
import { localDateOf, wallTimeToInstant } from './zoned-time.js';

const DEFAULT_ANNOUNCE_DAYS = 14;

/**
 * The day before the first of `now`'s month in the shop: what ended before it is never shown
 * again. Anchored on the month (not the day) so that the facts change with the month only, as the
 * published config's holidays do.
 */
function monthStart(now: Date, timeZone: string): string {
  return `${localDateOf(now, timeZone).slice(0, 7)}-01`;
}

/**
 * The facts of every absence: for one that ended before `now`'s month (never shown again, so a
 * config cached earlier still has every fact it needs) its instants alone, which tell the banner
 * so; for the others the dispatch steps too.
 * Throws what the calendar functions throw (a `CalendarError` when there is no dispatch day).
 */
export function absenceFacts(calendar: ShopCalendar, now: Date): AbsenceFacts[] {
  const yesterday = addDays(monthStart(now, calendar.timeZone), -1);
  const days = compileCalendar(calendar);
  const midnight = (date: string) => wallTimeToInstant(date, '00:00', calendar.timeZone);
  return calendar.absences.map((absence) => {
    const announceFrom = addDays(absence.start, -(absence.announceDays ?? DEFAULT_ANNOUNCE_DAYS));
    const moments = {
      announcedFrom: midnight(announceFrom).toISOString(),
      startsAt: midnight(absence.start).toISOString(),
      endsAt: midnight(addDays(absence.end, 1)).toISOString(),
    };
    const resumeDate = formatDate(nextDispatchDay(days, parseDate(absence.end)));
    if (absence.end < yesterday) return { id: absence.id, resumeDate, ships: [], ...moments };
    // nextDispatch's answer holds until its `orderBy` (the receipt day's cutoff), where an order
    // is no longer received that day: following `orderBy` visits every instant where it changes.
    const ships: AbsenceFacts['ships'] = [];
    let at = midnight(announceFrom);
    for (let step = 0; step < 1000; step++) {
      const dispatch = nextDispatch(calendar, at);
      if (ships.at(-1)?.[1] !== dispatch.dispatchDate)
        ships.push([at.toISOString(), dispatch.dispatchDate]);
      if (localDateOf(at, calendar.timeZone) > absence.end || dispatch.orderBy <= at) break;
      at = dispatch.orderBy;
    }
    return { id: absence.id, resumeDate, ships, ...moments };
  });
}

/**
 * The facts of every holiday event whose `deliverBy` is not before `now`'s month, computed at the
 * start of that month (so that they change with the month only).
 */
export function deadlineFacts(
  calendar: ShopCalendar,
  events: readonly DeadlineEvent[],
  now: Date,
): DeadlineFacts[] {
  const first = monthStart(now, calendar.timeZone);
  const yesterday = addDays(first, -1);
  const at = wallTimeToInstant(first, '00:00', calendar.timeZone);
  return events
    .filter((event) => event.deliverBy >= yesterday)
    .map((event) => ({
      id: event.id,
      orderBy: Object.fromEntries(
        calendar.methods
          .filter((method) => !event.methodIds || event.methodIds.includes(method.id))
          .map((method) => [
            method.id,
            lastOrderDate(calendar, method.id, event.deliverBy, at)?.orderBy.toISOString() ?? null,
          ]),
      ),
    }));
}

/**
 * The dispatch facts from the first instant of `now`'s month to the end of the next month: a
 * config cached for a month still has them; past `until` the cutoff computes from the calendar.
 */
export function dispatchFacts(calendar: ShopCalendar, now: Date): DispatchFacts {
  const first = monthStart(now, calendar.timeZone);
  const end = `${addDays(first, 62).slice(0, 7)}-01`;
  const steps: DispatchFacts['steps'] = [];
  const delivery: DispatchFacts['delivery'] = {};
  for (const method of calendar.methods) delivery[method.id] = {};
  let at = wallTimeToInstant(first, '00:00', calendar.timeZone);
  while (localDateOf(at, calendar.timeZone) < end && steps.length < 400) {
    const dispatch = nextDispatch(calendar, at);
    steps.push([at.toISOString(), dispatch.receiptDate, dispatch.dispatchDate]);
    for (const method of calendar.methods) {
      const estimate = estimateDelivery(calendar, method.id, at);
      delivery[method.id]![dispatch.dispatchDate] = [estimate.earliest, estimate.latest];
    }
    at = dispatch.orderBy;
  }
  return { steps, until: at.toISOString(), delivery };
}

/** The instants of every announcement that has a start or an end. */
export function announcementFacts(
  timeZone: string,
  messages: readonly { id: string; start?: string; end?: string }[],
): AnnouncementFacts[] {
  const instant = (moment: string) =>
    wallTimeToInstant(moment.slice(0, 10), moment.slice(11, 16), timeZone).toISOString();
  return messages
    .filter((message) => message.start || message.end)
    .map((message) => ({
      id: message.id,
      ...(message.start ? { start: instant(message.start) } : {}),
      ...(message.end ? { end: instant(message.end) } : {}),
    }));
}
