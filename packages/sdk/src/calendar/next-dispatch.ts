import { formatDate } from './civil-date.js';
import { cutoffOf } from './cutoff.js';
import { addDispatchDays } from './dispatch-days.js';
import { receiveOrder } from './order-receipt.js';
import { shopToday } from './shop-today.js';
import type { DispatchInfo, ShopCalendar } from './types.js';

/** When an order placed at `now` is received and dispatched, and the cutoff keeping those dates. */
export function nextDispatch(calendar: ShopCalendar, now: Date): DispatchInfo {
  const { days, nowMs, today, nextDispatchDay } = shopToday(calendar, now);
  const { receiptDay, receiptCutoff } = receiveOrder(days, nowMs, today, nextDispatchDay);
  const dispatchDay = addDispatchDays(days, receiptDay, days.handlingDays);
  return {
    receiptDate: formatDate(receiptDay),
    dispatchDate: formatDate(dispatchDay),
    orderBy: new Date(receiptCutoff ?? cutoffOf(days, receiptDay)),
    sameDay: dispatchDay === today,
  };
}
