import { expect } from '@open-wc/testing';
import { formatLocale } from './locale.js';

describe('formatLocale', () => {
  const cases: [Parameters<typeof formatLocale>, string][] = [
    [['en', ['en', 'en'], 'EUR'], 'en-GB'],
    [['en', ['en', null], 'USD'], 'en-US'],
    [['en', [undefined, 'en'], undefined], 'en-GB'],
    [['en', ['en', 'en-US'], 'EUR'], 'en-US'],
    [['en', ['en-gb', 'en-US'], 'USD'], 'en-GB'],
    [['en', ['fr-CA', 'en-IE'], 'EUR'], 'en-IE'],
    [['fr', ['fr-CA'], 'CAD'], 'fr-CA'],
    [['fr', ['en-US', 'fr'], 'EUR'], 'fr'],
    [['de', ['not a tag', ''], 'EUR'], 'de'],
  ];
  for (const [args, expected] of cases) {
    it(`${JSON.stringify(args)} → ${expected}`, () => {
      expect(formatLocale(...args)).to.equal(expected);
    });
  }
});
