import type { AnnouncementFacts } from './types.js';

/** An announcement's start or end instant from the facts (`undefined` when they lack it). */
export function announcementMoment(
  facts: readonly AnnouncementFacts[] | undefined,
  id: string,
  which: 'start' | 'end',
): Date | undefined {
  const value = facts?.find((fact) => fact.id === id)?.[which];
  return value === undefined ? undefined : new Date(value);
}
