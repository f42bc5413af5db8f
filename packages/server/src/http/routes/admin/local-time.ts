import { wallTimeToInstant } from '@comptoir/sdk';

export { addDays, localDateOf } from '@comptoir/sdk';

/** The first instant of a local day in `timeZone` (midnight, or the end of a gap at midnight). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return wallTimeToInstant(date, '00:00', timeZone);
}
