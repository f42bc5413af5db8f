import { localDateOf, wallTimeToInstant, weekdayOf } from '@comptoir/sdk/calendar';
import type { Announcement } from '@comptoir/sdk/schemas';
import { pathMatches } from '../../internal/ships.js';

/** Where and when the bar is looked at. */
export interface AnnouncementContext {
  now: Date;
  /** The shop's IANA time zone: starts, ends and weekdays are its wall clock. */
  timeZone: string;
  /** The page's path, matched against a message's `paths`. */
  path: string;
  device: 'mobile' | 'desktop';
}

/** A `YYYY-MM-DDTHH:mm` wall-clock moment of the shop as an instant (DST gaps move forward). */
export function shopMoment(moment: string, timeZone: string): Date {
  return wallTimeToInstant(moment.slice(0, 10), moment.slice(11, 16), timeZone);
}

/** The messages to show now on this page and device, in the merchant's order. */
export function activeAnnouncements(
  messages: readonly Announcement[],
  { now, timeZone, path, device }: AnnouncementContext,
): Announcement[] {
  const weekday = weekdayOf(localDateOf(now, timeZone));
  return messages.filter(
    (message) =>
      (!message.start || shopMoment(message.start, timeZone) <= now) &&
      (!message.end || now < shopMoment(message.end, timeZone)) &&
      (!message.weekdays || message.weekdays.includes(weekday)) &&
      (!message.paths || message.paths.some((pattern) => pathMatches(pattern, path))) &&
      (!message.devices || message.devices.includes(device)),
  );
}
