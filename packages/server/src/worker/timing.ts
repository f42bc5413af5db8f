import { createHash } from 'node:crypto';
import { addDays, localDateOf, wallTimeToInstant } from '@comptoir/sdk/calendar';

/** A nightly window in which no email goes out, as `HH:mm` wall times in the shop's time zone. */
export interface QuietHours {
  start: string;
  end: string;
}

/**
 * The first instant at or after `at` that is outside the quiet hours: `at` itself, or the end of
 * the window it falls in. Windows may cross midnight (`21:00`–`08:00`); equal ends mean none.
 */
export function outsideQuietHours(at: Date, quiet: QuietHours | undefined, timeZone: string): Date {
  if (!quiet || quiet.start === quiet.end) return at;
  const today = localDateOf(at, timeZone);
  const startToday = wallTimeToInstant(today, quiet.start, timeZone);
  const endToday = wallTimeToInstant(today, quiet.end, timeZone);
  if (quiet.start < quiet.end) {
    return at >= startToday && at < endToday ? endToday : at;
  }
  if (at >= startToday) return wallTimeToInstant(addDays(today, 1), quiet.end, timeZone);
  if (at < endToday) return endToday;
  return at;
}

/** Retry delays: 30 s doubling per attempt up to 1 h, with up to 20 % random jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (1 + 0.2 * random()));
}

/** Whether a sequence falls in the holdout group: a stable hash of its id, below the percentage. */
export function inHoldout(sequenceId: string, holdoutPercent: number): boolean {
  if (holdoutPercent <= 0) return false;
  const bucket = createHash('sha256').update(sequenceId).digest().readUInt32BE(0) % 100;
  return bucket < holdoutPercent;
}
