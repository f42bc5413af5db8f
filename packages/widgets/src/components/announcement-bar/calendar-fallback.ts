import { wallTimeToInstant } from '@comptoir/sdk/calendar';

// What the announcement bar computes itself when the config has no facts for a message's start or
// end (a config built by hand): loaded only then.

/** A `YYYY-MM-DDTHH:mm` wall-clock moment of the shop as an instant (DST gaps move forward). */
export function shopMoment(moment: string, timeZone: string): Date {
  return wallTimeToInstant(moment.slice(0, 10), moment.slice(11, 16), timeZone);
}
