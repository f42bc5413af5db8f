import type { CalendarDays } from './calendar-days.js';
import { cutoffOf } from './cutoff.js';
import { isDispatchDay, nextDispatchDay } from './dispatch-days.js';

/** The day an order is received, with that day's cutoff when it had to be computed. */
export interface OrderReceipt {
  receiptDay: number;
  /** `cutoff(receiptDay)` in epoch ms, when known. */
  receiptCutoff: number | undefined;
}

/**
 * The receipt of an order placed at `orderMs` on local day `orderDay`: that day when it is a
 * dispatch day and the order is strictly before its cutoff, else the first dispatch day after it.
 */
export function receiveOrder(
  days: CalendarDays,
  orderMs: number,
  orderDay: number,
  firstDispatchDayAfter?: number,
): OrderReceipt {
  if (isDispatchDay(days, orderDay)) {
    const cutoff = cutoffOf(days, orderDay);
    if (orderMs < cutoff) return { receiptDay: orderDay, receiptCutoff: cutoff };
  }
  return {
    receiptDay: firstDispatchDayAfter ?? nextDispatchDay(days, orderDay),
    receiptCutoff: undefined,
  };
}
