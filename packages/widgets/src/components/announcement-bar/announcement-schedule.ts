import { zonedWeekday } from '@comptoir/sdk/calendar/facts';
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
  /** A message's start or end as an instant (`undefined` when it is not known yet). */
  moment(message: Announcement, which: 'start' | 'end'): Date | undefined;
}

/** The messages to show now on this page and device, in the merchant's order. */
export function activeAnnouncements(
  messages: readonly Announcement[],
  { now, timeZone, path, device, moment }: AnnouncementContext,
): Announcement[] {
  const weekday = zonedWeekday(now, timeZone);
  return messages.filter(
    (message) =>
      (!message.start || moment(message, 'start')! <= now) &&
      (!message.end || now < moment(message, 'end')!) &&
      (!message.weekdays || message.weekdays.includes(weekday)) &&
      (!message.paths || message.paths.some((pattern) => pathMatches(pattern, path))) &&
      (!message.devices || message.devices.includes(device)),
  );
}
