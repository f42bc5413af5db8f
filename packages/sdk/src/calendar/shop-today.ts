import { compileCalendar, type CalendarDays } from './calendar-days.js';
import { nextDispatchDay } from './dispatch-days.js';
import type { ShopCalendar } from './types.js';
import { localDayOf } from './zoned-time.js';

/** A calendar prepared for one call, with the shop's local day at `now`. */
export interface ShopToday {
  days: CalendarDays;
  nowMs: number;
  /** The local day `D` of `now` in the shop's time zone. */
  today: number;
  /** The first dispatch day after `today`. */
  nextDispatchDay: number;
}

/**
 * Prepares a calendar at `now`; throws a `CalendarError` when no day in the 400 days after today
 * is a dispatch day, as every calendar function must even when its answer would not need one.
 */
export function shopToday(calendar: ShopCalendar, now: Date): ShopToday {
  const days = compileCalendar(calendar);
  const nowMs = now.getTime();
  const today = localDayOf(nowMs, days.timeZone);
  return { days, nowMs, today, nextDispatchDay: nextDispatchDay(days, today) };
}
