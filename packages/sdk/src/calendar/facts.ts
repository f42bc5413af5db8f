// What the widgets read of the facts the server computed (derive-facts.ts) instead of running the
// calendar: `@comptoir/sdk/calendar/facts`. One module per reader, so that each element's chunk
// carries only its own (the banner's page loads the first alone).
export { absenceNotice, type AbsenceNotice } from './facts-absence.js';
export { zonedDate, zonedWeekday } from './facts-zoned.js';
export { announcementMoment } from './facts-announcement.js';
export { lastOrderFromFacts, shiftDate } from './facts-deadline.js';
export { deliveryFromFacts, dispatchFromFacts } from './facts-dispatch.js';
