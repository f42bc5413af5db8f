import type { CalendarDays } from './calendar-days.js';
import { weekdayIndex } from './civil-date.js';
import { wallTimeToEpochMs } from './zoned-time.js';

/** The instant (epoch ms) of a day's cutoff: `cutoffByDay[weekday]` or `cutoff`, local time. */
export function cutoffOf(days: CalendarDays, day: number): number {
  return wallTimeToEpochMs(day, days.cutoffMinutes[weekdayIndex(day)] ?? 0, days.timeZone);
}
