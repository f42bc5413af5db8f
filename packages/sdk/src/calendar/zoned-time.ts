import { DAY_MS, daysFromCivil, formatDate, parseDate, parseWallTime } from './civil-date.js';
import { SINGLE_CHANGE_WINDOW_MS, knownOffset, learnOffset } from './zone-offsets.js';

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
// Offsets lie within -12 h..+14 h: every instant that reads a wall time w lies in
// [w - 14 h, w + 12 h], inside [w - 15 h, w + 13 h], a window of one possible change.
const READING_BEFORE_MS = 15 * 3_600_000;
const READING_AFTER_MS = SINGLE_CHANGE_WINDOW_MS - READING_BEFORE_MS;

type ClockField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const CLOCK_FIELDS: readonly string[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

/** A time zone's formatter and the order in which its output lists the clock fields. */
interface ZoneClock {
  formatter: Intl.DateTimeFormat;
  fieldOrder: ClockField[];
}

// Creating a formatter costs tens of microseconds, and `format` is about three times faster than
// `formatToParts`, so each zone keeps one formatter and reads the digits of `format`'s output in
// the field order that `formatToParts` reported once.
const clocks = new Map<string, ZoneClock>();

function clockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const fieldOrder = formatter
      .formatToParts(0)
      .map((part) => part.type)
      .filter((type): type is ClockField => CLOCK_FIELDS.includes(type));
    clock = { formatter, fieldOrder };
    clocks.set(timeZone, clock);
  }
  return clock;
}

const fieldValues = [0, 0, 0, 0, 0, 0];

function readFields(text: string, into: number[]): number {
  let count = 0;
  let value = -1;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      value = value < 0 ? digit : value * 10 + digit;
    } else if (value >= 0) {
      into[count++] = value;
      value = -1;
    }
  }
  if (value >= 0) into[count++] = value;
  return count;
}

// The wall-clock reading in `timeZone` at an instant, read from Intl, as ms of a UTC clock.
function readWallClock(epochMs: number, timeZone: string): number {
  const { formatter, fieldOrder } = clockFor(timeZone);
  const text = formatter.format(epochMs);
  if (readFields(text, fieldValues) !== fieldOrder.length) {
    throw new RangeError(`Cannot read the time in ${timeZone} from "${text}"`);
  }
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (let i = 0; i < fieldOrder.length; i++) {
    const value = fieldValues[i] ?? 0;
    switch (fieldOrder[i]) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        // Some engines still print midnight as 24 despite hourCycle h23.
        hour = value % 24;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
    }
  }
  const subSecond = ((epochMs % SECOND_MS) + SECOND_MS) % SECOND_MS;
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * SECOND_MS +
    subSecond
  );
}

/** The UTC offset of `timeZone` at an instant, in milliseconds (positive east of Greenwich). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const known = knownOffset(timeZone, epochMs);
  if (known !== undefined) return known;
  const offset = readWallClock(epochMs, timeZone) - epochMs;
  learnOffset(timeZone, epochMs, offset);
  return offset;
}

/** The wall-clock reading in `timeZone` at an instant, encoded as milliseconds of a UTC clock. */
export function wallClockAt(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}

/** The local day number (days since 1970-01-01) of an instant in `timeZone`. */
export function localDayOf(epochMs: number, timeZone: string): number {
  return Math.floor(wallClockAt(epochMs, timeZone) / DAY_MS);
}

// In a spring-forward gap: the first whole second at which the offset leaves `offsetBefore`.
function endOfGap(from: number, to: number, offsetBefore: number, timeZone: string): number {
  let low = Math.floor(from / SECOND_MS);
  let high = Math.ceil(to / SECOND_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * SECOND_MS, timeZone) === offsetBefore) low = middle;
    else high = middle;
  }
  return high * SECOND_MS;
}

/**
 * The earliest instant whose local date is `dayNumber` and local time is at or after
 * `minuteOfDay`: a wall time skipped by a spring-forward gap gives the end of the gap, an
 * ambiguous one (fall-back) its earlier instant.
 */
export function wallTimeToEpochMs(
  dayNumber: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetAt(wall - READING_BEFORE_MS, timeZone);
  const offsetAfter = offsetAt(wall + READING_AFTER_MS, timeZone);
  const withBefore = wall - offsetBefore;
  // An unchanged offset across a window of at most one change means no change.
  if (offsetBefore === offsetAfter) return withBefore;
  const withAfter = wall - offsetAfter;
  const beforeFits = offsetAt(withBefore, timeZone) === offsetBefore;
  const afterFits = offsetAt(withAfter, timeZone) === offsetAfter;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  // Neither offset gives this wall time: it falls in a gap, which ends at the transition.
  const from = Math.min(withBefore, withAfter);
  return endOfGap(from, Math.max(withBefore, withAfter), offsetAt(from, timeZone), timeZone);
}

/** The `YYYY-MM-DD` local date of an instant in an IANA time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatDate(localDayOf(instant.getTime(), timeZone));
}

/**
 * The instant of an `HH:mm` wall time on a `YYYY-MM-DD` date in `timeZone`, resolved as the
 * calendar contract resolves cutoffs (gap: moves forward past it; overlap: the earlier instant).
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string): Date {
  return new Date(wallTimeToEpochMs(parseDate(date), parseWallTime(time), timeZone));
}
