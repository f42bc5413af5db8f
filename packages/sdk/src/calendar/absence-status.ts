import type { AbsenceSpan } from './calendar-days.js';
import { formatDate } from './civil-date.js';
import { nextDispatchDay } from './dispatch-days.js';
import { shopToday } from './shop-today.js';
import type { AbsenceStatus, ShopCalendar } from './types.js';

const DEFAULT_ANNOUNCE_DAYS = 14;

function activeAbsence(absences: readonly AbsenceSpan[], today: number): AbsenceSpan | undefined {
  return absences.find((span) => span.start <= today && today <= span.end);
}

// The nearest absence announced today; on a tie the first in the array.
function upcomingAbsence(absences: readonly AbsenceSpan[], today: number): AbsenceSpan | undefined {
  let nearest: AbsenceSpan | undefined;
  for (const span of absences) {
    const daysAhead = span.start - today;
    const announceDays = span.absence.announceDays ?? DEFAULT_ANNOUNCE_DAYS;
    if (daysAhead < 1 || daysAhead > announceDays) continue;
    if (nearest === undefined || span.start < nearest.start) nearest = span;
  }
  return nearest;
}

/**
 * Whether the shop is away at `now` (`active`), announces an absence starting within its
 * `announceDays` (`upcoming`), or neither; with the first dispatch day after that absence.
 */
export function absenceStatus(calendar: ShopCalendar, now: Date): AbsenceStatus {
  const { days, today } = shopToday(calendar, now);
  const active = activeAbsence(days.absences, today);
  const span = active ?? upcomingAbsence(days.absences, today);
  if (span === undefined) return { state: 'none' };
  return {
    state: active === undefined ? 'upcoming' : 'active',
    absence: span.absence,
    resumeDate: formatDate(nextDispatchDay(days, span.end)),
  };
}
