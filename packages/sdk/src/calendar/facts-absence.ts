// Read by the widgets (see facts.ts): the absence banner's notice, from the server's instants
// alone (no local date, so the banner's chunk carries no time-zone code).
import type { Absence, AbsenceFacts, ShopCalendar } from './types.js';

/** What the absence banner shows at an instant: `absenceStatus` plus `nextDispatch`'s date. */
export type AbsenceNotice =
  | { state: 'none'; absence?: undefined; resumeDate?: undefined; dispatchDate?: undefined }
  | { state: 'upcoming' | 'active'; absence: Absence; resumeDate: string; dispatchDate: string };

/**
 * `absenceStatus(calendar, now)` with `nextDispatch(calendar, now).dispatchDate`, read from the
 * facts the server computed (`absenceFacts`) instead of the calendar: a few comparisons of
 * instants instead of the calendar code. `undefined` when the facts do not cover every absence
 * with its instants (a config built by hand, or cached from a server that did not publish them):
 * the caller then uses the calendar functions.
 */
export function absenceNotice(
  calendar: ShopCalendar,
  facts: readonly AbsenceFacts[] | undefined,
  now: Date,
): AbsenceNotice | undefined {
  const at = now.getTime();
  let shown: { absence: Absence; fact: AbsenceFacts } | undefined;
  let state: 'upcoming' | 'active' = 'upcoming';
  let nearest = Infinity;
  for (const absence of calendar.absences) {
    const fact = facts?.find((f) => f.id === absence.id);
    if (!fact?.endsAt || !fact.startsAt || !fact.announcedFrom) return undefined;
    const starts = Date.parse(fact.startsAt);
    // The first active absence wins, else the nearest upcoming one (the first of equals).
    if (starts <= at && at < Date.parse(fact.endsAt)) {
      if (state === 'upcoming') shown = { absence, fact };
      state = 'active';
    } else if (
      state === 'upcoming' &&
      Date.parse(fact.announcedFrom) <= at &&
      at < starts &&
      starts < nearest
    ) {
      shown = { absence, fact };
      nearest = starts;
    }
  }
  if (!shown) return { state: 'none' };
  const step = shown.fact.ships.findLast(([from]) => Date.parse(from) <= at);
  if (!step) return undefined;
  return {
    state,
    absence: shown.absence,
    resumeDate: shown.fact.resumeDate,
    dispatchDate: step[1],
  };
}
