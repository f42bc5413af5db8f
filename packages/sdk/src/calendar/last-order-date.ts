import type { CalendarDays } from './calendar-days.js';
import { addCarrierDays, findMethod } from './carrier-days.js';
import { formatDate, parseDate } from './civil-date.js';
import { cutoffOf } from './cutoff.js';
import { addDispatchDays, isDispatchDay } from './dispatch-days.js';
import { receiveOrder } from './order-receipt.js';
import { shopToday } from './shop-today.js';
import type { LastOrder, ShippingMethod, ShopCalendar } from './types.js';
import { localDayOf } from './zoned-time.js';

function latestDelivery(days: CalendarDays, method: ShippingMethod, dispatchDay: number): number {
  return addCarrierDays(days, method, dispatchDay, method.transitDays.max);
}

/**
 * The last moment to order for delivery by `deliverBy` (inclusive) with one shipping method: the
 * latest dispatch-day cutoff such that an order 1 ms before it arrives in time, or `null` when
 * that moment is not after `now`.
 */
export function lastOrderDate(
  calendar: ShopCalendar,
  methodId: string,
  deliverBy: string,
  now: Date,
): LastOrder | null {
  const method = findMethod(calendar, methodId);
  const { days, nowMs, today } = shopToday(calendar, now);
  const deadline = parseDate(deliverBy);
  // Later receipt days never deliver sooner, so the first candidate that makes it, going
  // backwards from the deadline, is the best one.
  for (let candidate = deadline; candidate >= today; candidate--) {
    if (!isDispatchDay(days, candidate)) continue;
    const candidateDispatch = addDispatchDays(days, candidate, days.handlingDays);
    if (latestDelivery(days, method, candidateDispatch) > deadline) continue;

    const orderBy = cutoffOf(days, candidate);
    const lastMoment = orderBy - 1;
    const orderDay = localDayOf(lastMoment, days.timeZone);
    // On the candidate day itself, 1 ms before its cutoff is received that day.
    const receiptDay =
      orderDay === candidate ? candidate : receiveOrder(days, lastMoment, orderDay).receiptDay;
    const dispatchDay = addDispatchDays(days, receiptDay, days.handlingDays);
    if (latestDelivery(days, method, dispatchDay) > deadline) continue;

    if (orderBy <= nowMs) return null;
    return {
      orderBy: new Date(orderBy),
      receiptDate: formatDate(receiptDay),
      dispatchDate: formatDate(dispatchDay),
    };
  }
  return null;
}
