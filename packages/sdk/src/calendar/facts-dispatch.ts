import { zonedDate } from './facts-zoned.js';
import type { DeliveryEstimate, DispatchFacts, DispatchInfo } from './types.js';

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
