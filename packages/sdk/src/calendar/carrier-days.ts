import { SEARCH_BOUND_DAYS, hasWeekday, weekdayMask, type CalendarDays } from './calendar-days.js';
import { formatDate, weekdayIndex } from './civil-date.js';
import { CalendarError } from './errors.js';
import type { ShippingMethod, ShopCalendar } from './types.js';

// Monday to Friday.
const DEFAULT_DELIVERY_MASK = 0b0011111;

/** The shipping method of a calendar with this id; throws a plain `Error` naming an unknown one. */
export function findMethod(calendar: ShopCalendar, methodId: string): ShippingMethod {
  const method = calendar.methods.find((candidate) => candidate.id === methodId);
  if (method === undefined) throw new Error(`Unknown shipping method "${methodId}"`);
  return method;
}

function deliveryMask(method: ShippingMethod): number {
  return method.deliveryDays === undefined
    ? DEFAULT_DELIVERY_MASK
    : weekdayMask(method.deliveryDays);
}

/**
 * The day `count` carrier days after `dispatchDay` for a method (`dispatchDay` itself for 0, even
 * when carriers do not deliver that day); throws a `CalendarError` when carriers never deliver.
 */
export function addCarrierDays(
  days: CalendarDays,
  method: ShippingMethod,
  dispatchDay: number,
  count: number,
): number {
  const mask = deliveryMask(method);
  let deliveryDay = dispatchDay;
  for (let step = 0; step < count; step++) {
    const from = deliveryDay;
    do {
      deliveryDay++;
      if (deliveryDay > from + SEARCH_BOUND_DAYS) {
        throw new CalendarError(
          `No carrier day for shipping method "${method.id}" in the ${SEARCH_BOUND_DAYS} days ` +
            `after ${formatDate(from)}`,
        );
      }
    } while (!hasWeekday(mask, weekdayIndex(deliveryDay)) || days.holidays.has(deliveryDay));
  }
  return deliveryDay;
}
