import { addCarrierDays, findMethod } from './carrier-days.js';
import { formatDate } from './civil-date.js';
import { addDispatchDays } from './dispatch-days.js';
import { receiveOrder } from './order-receipt.js';
import { shopToday } from './shop-today.js';
import type { DeliveryEstimate, ShopCalendar } from './types.js';

/** The dispatch date and delivery window of an order placed at `now` with one shipping method. */
export function estimateDelivery(
  calendar: ShopCalendar,
  methodId: string,
  now: Date,
): DeliveryEstimate {
  const method = findMethod(calendar, methodId);
  const { days, nowMs, today, nextDispatchDay } = shopToday(calendar, now);
  const { receiptDay } = receiveOrder(days, nowMs, today, nextDispatchDay);
  const dispatchDay = addDispatchDays(days, receiptDay, days.handlingDays);
  return {
    dispatchDate: formatDate(dispatchDay),
    earliest: formatDate(addCarrierDays(days, method, dispatchDay, method.transitDays.min)),
    latest: formatDate(addCarrierDays(days, method, dispatchDay, method.transitDays.max)),
  };
}
