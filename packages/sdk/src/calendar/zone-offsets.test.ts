import { beforeEach, describe, expect, it } from 'vitest';
import {
  SINGLE_CHANGE_WINDOW_MS,
  forgetOffsets,
  knownOffset,
  learnOffset,
} from './zone-offsets.js';
import { offsetAt, wallTimeToInstant } from './zoned-time.js';

const HOUR = 3_600_000;
const ZONE = 'Test/Zone';

describe('learned time-zone offsets', () => {
  beforeEach(() => forgetOffsets());

  it('knows nothing it has not read', () => {
    expect(knownOffset(ZONE, 0)).toBeUndefined();
  });

  it('bridges two readings of one offset within the single-change window', () => {
    learnOffset(ZONE, 0, HOUR);
    learnOffset(ZONE, SINGLE_CHANGE_WINDOW_MS, HOUR);
    expect(knownOffset(ZONE, SINGLE_CHANGE_WINDOW_MS / 2)).toBe(HOUR);
  });

  it('does not bridge readings further apart, nor different offsets', () => {
    learnOffset(ZONE, 0, HOUR);
    learnOffset(ZONE, SINGLE_CHANGE_WINDOW_MS + 1, HOUR);
    expect(knownOffset(ZONE, 10 * HOUR)).toBeUndefined();
    learnOffset(ZONE, 2 * SINGLE_CHANGE_WINDOW_MS, 2 * HOUR);
    expect(knownOffset(ZONE, SINGLE_CHANGE_WINDOW_MS + HOUR)).toBeUndefined();
    expect(knownOffset(ZONE, 2 * SINGLE_CHANGE_WINDOW_MS)).toBe(2 * HOUR);
  });

  it('merges spans that a reading connects, in any order', () => {
    learnOffset(ZONE, 40 * HOUR, HOUR);
    learnOffset(ZONE, 0, HOUR);
    learnOffset(ZONE, 20 * HOUR, HOUR);
    expect(knownOffset(ZONE, 5 * HOUR)).toBe(HOUR);
    expect(knownOffset(ZONE, 35 * HOUR)).toBe(HOUR);
    expect(knownOffset(ZONE, 41 * HOUR)).toBeUndefined();
  });

  it('forgets a zone whose readings contradict each other', () => {
    learnOffset(ZONE, 0, HOUR);
    learnOffset(ZONE, 10 * HOUR, HOUR);
    learnOffset(ZONE, 5 * HOUR, 2 * HOUR);
    expect(knownOffset(ZONE, 0)).toBeUndefined();
  });

  it('gives the same answers from learned offsets as from Intl, across a transition', () => {
    const cold = [1, 2, 3].map(() => {
      forgetOffsets();
      return wallTimeToInstant('2026-10-25', '02:30', 'Europe/Paris').toISOString();
    });
    for (let hour = -48; hour <= 48; hour += 5) {
      offsetAt(Date.parse('2026-10-25T01:00:00Z') + hour * HOUR, 'Europe/Paris');
    }
    expect(wallTimeToInstant('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe(cold[0]);
    expect(offsetAt(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Paris')).toBe(HOUR);
  });
});
