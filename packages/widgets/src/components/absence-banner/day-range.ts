import { dayToDate, type LocalizeController } from '../../internal/localize.js';

/**
 * A range of calendar days in the language's words (the `dayRange` entry): "7–11 Dec",
 * "du 7 au 11 déc.", "vom 7. bis 11. Dez.". `Intl` splits the range into its start and end (the
 * month is written once when both share it); the language joins them.
 */
export function formatDayRange(localize: LocalizeController, start: string, end: string): string {
  if (start === end) return localize.formatDay(start, { day: 'numeric', month: 'short' });
  const parts = new Intl.DateTimeFormat(localize.formatLocale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).formatRangeToParts(dayToDate(start), dayToDate(end));
  const firstEnd = parts.findIndex((part) => part.source === 'endRange');
  const lastStart = parts.findLastIndex((part) => part.source === 'startRange');
  if (firstEnd < 0 || lastStart < 0) return parts.map((part) => part.value).join('');
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  // What sits between the two halves is the separator ("–", " – ", ".–"): the dash goes, and
  // what belongs to the start (German's ordinal dot) stays with it. Italian's "07" loses its 0.
  const between = text(lastStart + 1, firstEnd).replace(/\s*[–-]\s*/, '');
  const clean = (value: string) => value.trim().replace(/^0(?=\d)/, '');
  return localize.t('dayRange', {
    start: clean(text(0, lastStart + 1) + between),
    end: clean(text(firstEnd, parts.length)),
  });
}
