import { parseDate, parseWallTime, weekdayIndex } from './civil-date.js';
import type { Absence, ShopCalendar, Weekday } from './types.js';

/** How many days ahead any search for a dispatch or carrier day looks before giving up. */
export const SEARCH_BOUND_DAYS = 400;

const WEEKDAY_INDEX: Record<Weekday, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};

/** An absence with its dates as day numbers. */
export interface AbsenceSpan {
  start: number;
  end: number;
  absence: Absence;
}

/** A shop calendar prepared for fast day arithmetic: day numbers, bit masks and sets. */
export interface CalendarDays {
  timeZone: string;
  /** Bit `i` set when ISO weekday index `i` (0 = Monday) is in `dispatchDays`. */
  dispatchMask: number;
  /** Cutoff in minutes after midnight, by ISO weekday index. */
  cutoffMinutes: number[];
  handlingDays: number;
  holidays: Set<number>;
  closedDates: Set<number>;
  absences: AbsenceSpan[];
  /** Days held back by some absence's `resumeBufferDays`. */
  resumeBuffer: Set<number>;
}

/** The bit mask of a list of weekdays; throws a RangeError on an unknown name. */
export function weekdayMask(weekdays: readonly Weekday[]): number {
  let mask = 0;
  for (const weekday of weekdays) {
    const index = WEEKDAY_INDEX[weekday];
    if (index === undefined) throw new RangeError(`Unknown weekday "${String(weekday)}"`);
    mask |= 1 << index;
  }
  return mask;
}

/** Whether ISO weekday index `weekday` is in `mask`. */
export function hasWeekday(mask: number, weekday: number): boolean {
  return (mask & (1 << weekday)) !== 0;
}

function dayNumbers(dates: readonly string[]): Set<number> {
  const days = new Set<number>();
  for (const date of dates) days.add(parseDate(date));
  return days;
}

function cutoffMinutesByWeekday(calendar: ShopCalendar): number[] {
  const fallback = parseWallTime(calendar.cutoff);
  const minutes = [fallback, fallback, fallback, fallback, fallback, fallback, fallback];
  const byDay = calendar.cutoffByDay;
  if (byDay !== undefined) {
    for (const weekday of Object.keys(byDay) as Weekday[]) {
      const time = byDay[weekday];
      const index = WEEKDAY_INDEX[weekday];
      if (time !== undefined && index !== undefined) minutes[index] = parseWallTime(time);
    }
  }
  return minutes;
}

/** Whether a day falls inside any absence (both ends inclusive). */
export function isAway(absences: readonly AbsenceSpan[], day: number): boolean {
  for (const span of absences) {
    if (day >= span.start && day <= span.end) return true;
  }
  return false;
}

/**
 * Whether a day would be a dispatch day but for resume buffers: a dispatch weekday that is not a
 * holiday, not a closed date and not inside any absence.
 */
export function isWorkingDay(days: CalendarDays, day: number): boolean {
  return (
    hasWeekday(days.dispatchMask, weekdayIndex(day)) &&
    !days.holidays.has(day) &&
    !days.closedDates.has(day) &&
    !isAway(days.absences, day)
  );
}

// Each absence holds back its own first working days after it; overlapping buffers merge.
function holdResumeBuffers(days: CalendarDays): void {
  const held = days.resumeBuffer;
  for (const span of days.absences) {
    let remaining = span.absence.resumeBufferDays ?? 0;
    for (let day = span.end + 1; remaining > 0 && day <= span.end + SEARCH_BOUND_DAYS; day++) {
      if (isWorkingDay(days, day)) {
        held.add(day);
        remaining--;
      }
    }
  }
}

/** Prepares a shop calendar for day arithmetic; throws a RangeError on a malformed date or time. */
export function compileCalendar(calendar: ShopCalendar): CalendarDays {
  const days: CalendarDays = {
    timeZone: calendar.timeZone,
    dispatchMask: weekdayMask(calendar.dispatchDays),
    cutoffMinutes: cutoffMinutesByWeekday(calendar),
    handlingDays: calendar.handlingDays,
    holidays: dayNumbers(calendar.holidays),
    closedDates: dayNumbers(calendar.closedDates),
    absences: calendar.absences.map((absence) => ({
      start: parseDate(absence.start),
      end: parseDate(absence.end),
      absence,
    })),
    resumeBuffer: new Set(),
  };
  holdResumeBuffers(days);
  return days;
}
