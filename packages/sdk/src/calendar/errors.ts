/** Thrown when a shop calendar has no dispatch day (or carrier day) within the search bound. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}

/** Whether a value is a `CalendarError`, even one from another copy of this package. */
export function isCalendarError(error: unknown): error is CalendarError {
  return error instanceof Error && error.name === 'CalendarError';
}
