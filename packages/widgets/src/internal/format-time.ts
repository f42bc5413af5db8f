import type { LocalizeController } from './localize.js';

// Formatting only some elements need (the shipping cutoff, holiday deadline and announcement
// bar): functions beside `LocalizeController` rather than methods, so that the elements without
// them (the banner, FAQ, cart capture) do not load them.

/** An instant in the shop's time zone, e.g. "Thu 18 Dec, 14:00". */
export function formatInstant(
  localize: LocalizeController,
  instant: Date,
  timeZone: string,
): string {
  return new Intl.DateTimeFormat(localize.formatLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/** A duration in whole minutes, rounded up, e.g. "2 h 14 min" (the `duration` entry). */
export function formatDuration(localize: LocalizeController, ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 60_000));
  return localize.t('duration', { hours: Math.floor(total / 60), minutes: total % 60 });
}
