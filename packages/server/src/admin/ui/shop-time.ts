import { wallTimeToInstant } from '@comptoir/sdk/calendar';

/**
 * The instant of a `datetime-local` value read in the shop's time zone: the merchant thinks in
 * shop time whatever the browser's zone, so `2026-12-24T16:00` in Paris is 15:00Z even when the
 * page is open in New York. Undefined when empty or not a date and time.
 */
export function shopTimeInstant(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return undefined;
  try {
    return wallTimeToInstant(match[1]!, match[2]!, timeZone).toISOString();
  } catch {
    return undefined;
  }
}
