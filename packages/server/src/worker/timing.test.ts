import { describe, expect, it } from 'vitest';
import { backoffMs, inHoldout, outsideQuietHours } from './timing.js';

const paris = 'Europe/Paris';
const night = { start: '21:00', end: '08:00' };

describe('outsideQuietHours', () => {
  it.each([
    ['2026-03-10T19:59:00Z', '2026-03-10T19:59:00.000Z'], // 20:59 local: before the window
    ['2026-03-10T20:00:00Z', '2026-03-11T07:00:00.000Z'], // 21:00 local: waits for 08:00 tomorrow
    ['2026-03-11T02:30:00Z', '2026-03-11T07:00:00.000Z'], // 03:30 local: waits for 08:00 today
    ['2026-03-11T07:00:00Z', '2026-03-11T07:00:00.000Z'], // 08:00 local: free again
    ['2026-03-28T22:00:00Z', '2026-03-29T06:00:00.000Z'], // across the spring-forward night
  ])('%s becomes %s', (at, expected) => {
    expect(outsideQuietHours(new Date(at), night, paris).toISOString()).toBe(expected);
  });

  it('handles a window within one day and no window', () => {
    const lunch = { start: '12:00', end: '14:00' };
    expect(outsideQuietHours(new Date('2026-03-10T11:30:00Z'), lunch, paris).toISOString()).toBe(
      '2026-03-10T13:00:00.000Z',
    );
    const at = new Date('2026-03-10T23:00:00Z');
    expect(outsideQuietHours(at, undefined, paris)).toBe(at);
    expect(outsideQuietHours(at, { start: '09:00', end: '09:00' }, paris)).toBe(at);
  });

  it('uses the shop time zone, not the server one', () => {
    const at = new Date('2026-03-10T12:00:00Z'); // 21:00 in Tokyo
    expect(outsideQuietHours(at, night, 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-10T23:00:00.000Z',
    );
  });
});

describe('backoffMs', () => {
  it('doubles from 30 s and stops at 1 h, with bounded jitter', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, () => 0))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(20, () => 0)).toBe(3_600_000);
    expect(backoffMs(1, () => 1)).toBe(36_000);
  });
});

describe('inHoldout', () => {
  it('is stable and close to the percentage', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `seq_${i}`);
    const held = ids.filter((id) => inHoldout(id, 10)).length;
    expect(held / ids.length).toBeGreaterThan(0.08);
    expect(held / ids.length).toBeLessThan(0.12);
    expect(ids.filter((id) => inHoldout(id, 10)).length).toBe(held);
    expect(inHoldout('seq_1', 0)).toBe(false);
  });
});
