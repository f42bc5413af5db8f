import { z } from 'zod';
import { LocalDate } from '@comptoir/sdk';
import { ApiError } from '../../errors.js';
import { addDays, localDateOf, startOfLocalDay } from './local-time.js';

/** `from` and `to` query parameters: local days in the shop's time zone, both inclusive. */
export const DateRangeQuery = z.object({ from: LocalDate.optional(), to: LocalDate.optional() });

/** A range of local days and the instants `[fromInstant, toInstant)` that cover it. */
export interface DayRange {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
}

const MAX_DAYS = 366;

/** Resolves a range; missing bounds default to the 30 days ending today. */
export function resolveDayRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
  timeZone: string,
): DayRange {
  const to = query.to ?? localDateOf(now, timeZone);
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw new ApiError(400, 'invalid_request', '`from` is after `to`');
  if (addDays(from, MAX_DAYS) <= to)
    throw new ApiError(400, 'invalid_request', `At most ${MAX_DAYS} days`);
  return {
    from,
    to,
    fromInstant: startOfLocalDay(from, timeZone).toISOString(),
    toInstant: startOfLocalDay(addDays(to, 1), timeZone).toISOString(),
  };
}
