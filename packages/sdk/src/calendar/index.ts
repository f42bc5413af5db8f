export { absenceFacts, announcementFacts, deadlineFacts, dispatchFacts } from './derive-facts.js';
export {
  absenceNotice,
  announcementMoment,
  deliveryFromFacts,
  dispatchFromFacts,
  lastOrderFromFacts,
  shiftDate,
  zonedDate,
  zonedWeekday,
  type AbsenceNotice,
} from './facts.js';
export { absenceStatus } from './absence-status.js';
export { addDays, weekdayOf } from './civil-date.js';
export { CalendarError, isCalendarError } from './errors.js';
export { estimateDelivery } from './estimate-delivery.js';
export { applicableRules, freeShippingProgress } from './free-shipping.js';
export { lastOrderDate } from './last-order-date.js';
export { nextDispatch } from './next-dispatch.js';
export type {
  Absence,
  AbsenceFacts,
  AnnouncementFacts,
  DeadlineEvent,
  DeadlineFacts,
  DispatchFacts,
  AbsenceStatus,
  DeliveryEstimate,
  DispatchInfo,
  FreeShippingCart,
  FreeShippingProgress,
  FreeShippingRule,
  LastOrder,
  ShippingMethod,
  ShopCalendar,
  Weekday,
} from './types.js';
export { localDateOf, wallTimeToInstant } from './zoned-time.js';
