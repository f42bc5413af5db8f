import { describe, expect, it } from 'vitest';
import {
  EmailAddress,
  isWellFormedText,
  LongText,
  ShortText,
  WellFormedText,
} from './primitives.js';

describe('WellFormedText', () => {
  it.each([
    ['a lone high surrogate at the end', 'abc\ud83d'],
    ['a lone high surrogate before a letter', '\ud83dabc'],
    ['a lone low surrogate at the start', '\ude00abc'],
    ['a low surrogate before its high half', '\ude00\ud83d'],
    ['two high surrogates', '\ud83d\ud83d\ude00'],
  ])('refuses %s', (_case, value) => {
    expect(isWellFormedText(value)).toBe(false);
    const result = WellFormedText.safeParse(value);
    expect(result.error?.issues[0]?.message).toContain('lone UTF-16 surrogate');
  });

  it.each([
    ['plain text', 'Thé vert'],
    ['an emoji (a surrogate pair)', 'Merci 😀'],
    ['pairs back to back', '𝄞😀𝄞'],
    ['nothing', ''],
  ])('keeps %s', (_case, value) => {
    expect(isWellFormedText(value)).toBe(true);
    expect(WellFormedText.parse(value)).toBe(value);
  });

  it('is the base of the free-text primitives', () => {
    for (const schema of [ShortText, LongText])
      expect(schema.safeParse('x\ud800').success).toBe(false);
    expect(EmailAddress.safeParse('ana\ud800@example.com').success).toBe(false);
    expect(EmailAddress.safeParse('ana@example.com').success).toBe(true);
  });
});
