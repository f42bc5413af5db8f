// The schema types (inferred from zod) are the public names for documents; the calendar's own
// structural interfaces with the same names are reachable from `@comptoir/sdk/calendar`.
export * from './schemas/index.js';
export {
  absenceStatus,
  addDays,
  applicableRules,
  CalendarError,
  estimateDelivery,
  freeShippingProgress,
  isCalendarError,
  lastOrderDate,
  localDateOf,
  nextDispatch,
  wallTimeToInstant,
  weekdayOf,
  type AbsenceStatus,
  type DeliveryEstimate,
  type DispatchInfo,
  type FreeShippingCart,
  type FreeShippingProgress,
  type LastOrder,
} from './calendar/index.js';
export * from './money/index.js';
export * from './client/index.js';
