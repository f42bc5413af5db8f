import { SEARCH_BOUND_DAYS, isWorkingDay, type CalendarDays } from './calendar-days.js';
import { formatDate } from './civil-date.js';
import { CalendarError } from './errors.js';

/** Whether parcels leave on a day: a working day that no absence's resume buffer holds back. */
export function isDispatchDay(days: CalendarDays, day: number): boolean {
  return isWorkingDay(days, day) && !days.resumeBuffer.has(day);
}

/** The first dispatch day after `day`, looking 400 days ahead; throws a `CalendarError` if none. */
export function nextDispatchDay(days: CalendarDays, day: number): number {
  for (let candidate = day + 1; candidate <= day + SEARCH_BOUND_DAYS; candidate++) {
    if (isDispatchDay(days, candidate)) return candidate;
  }
  throw new CalendarError(
    `No dispatch day in the ${SEARCH_BOUND_DAYS} days after ${formatDate(day)} ` +
      `(time zone ${days.timeZone})`,
  );
}

/** The day `count` dispatch days after `day` (`day` itself for 0). */
export function addDispatchDays(days: CalendarDays, day: number, count: number): number {
  let dispatchDay = day;
  for (let step = 0; step < count; step++) dispatchDay = nextDispatchDay(days, dispatchDay);
  return dispatchDay;
}
