import { localDateOf } from '@comptoir/sdk';
import Holidays from 'date-holidays';

/** A public holiday: a local date and its name in the country's language. */
export interface PublicHoliday {
  date: string;
  name: string;
}

/** A holiday country or region that date-holidays does not know. */
export class UnknownHolidayRegionError extends Error {
  override name = 'UnknownHolidayRegionError';
}

/** True when `error` is an {@link UnknownHolidayRegionError}. */
export function isUnknownHolidayRegionError(error: unknown): error is UnknownHolidayRegionError {
  return error instanceof Error && error.name === 'UnknownHolidayRegionError';
}

/** How many months of holidays the published config carries, from the current month. */
export const HOLIDAY_MONTHS = 13;

const catalogue = new Holidays();
const calendars = new Map<string, Holidays>();
const resolved = new Map<string, PublicHoliday[]>();

/** The month (`YYYY-MM`) of `now` in `timeZone` (on every config request: the sdk caches offsets). */
export function monthOf(now: Date, timeZone: string): string {
  return localDateOf(now, timeZone).slice(0, 7);
}

function calendarFor(country: string, region: string | undefined): Holidays {
  const key = `${country}|${region ?? ''}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (!catalogue.getCountries()[country]) {
      throw new UnknownHolidayRegionError(
        `No public holidays are known for the country ${country}`,
      );
    }
    if (region && !catalogue.getStates(country)?.[region]) {
      throw new UnknownHolidayRegionError(
        `No public holidays are known for the region ${region} of ${country}`,
      );
    }
    calendar = new Holidays(country, region ?? '', { types: ['public'] });
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * Public holidays (date-holidays' type `public` only: not bank, school, optional or observance
 * days) of a country, optionally one of its regions, from the first day of `now`'s month in
 * `timeZone` through the next {@link HOLIDAY_MONTHS} months. Cached per country, region and month.
 */
export function publicHolidays(
  country: string,
  region: string | undefined,
  now: Date,
  timeZone = 'UTC',
): PublicHoliday[] {
  const month = monthOf(now, timeZone);
  const key = `${country}|${region ?? ''}|${month}`;
  const cached = resolved.get(key);
  if (cached) return cached;

  const calendar = calendarFor(country, region);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const endMonth = monthNumber - 1 + HOLIDAY_MONTHS;
  const end = `${year + Math.floor(endMonth / 12)}-${String((endMonth % 12) + 1).padStart(2, '0')}`;
  const seen = new Set<string>();
  const holidays: PublicHoliday[] = [];
  for (const y of [year, year + 1, year + 2]) {
    for (const holiday of calendar.getHolidays(y)) {
      const date = holiday.date.slice(0, 10);
      if (
        holiday.type !== 'public' ||
        date < `${month}-01` ||
        date >= `${end}-01` ||
        seen.has(date)
      )
        continue;
      seen.add(date);
      holidays.push({ date, name: holiday.name });
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  resolved.set(key, holidays);
  return holidays;
}
