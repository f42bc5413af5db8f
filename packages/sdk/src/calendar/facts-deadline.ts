import { DAY_MS } from './facts-zoned.js';
import type { DeadlineFacts } from './types.js';

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
