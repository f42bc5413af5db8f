import { describe, expect, it } from 'vitest';
import {
  missingLocales,
  placeholdersOf,
  resolvedLocale,
  resolveText,
  textIn,
  withText,
} from './index.js';

describe('resolveText', () => {
  it('shows a plain string (a config saved before translations) in every language', () => {
    expect(resolveText('Free standard shipping', 'fr', 'en')).toBe('Free standard shipping');
  });

  it('shows the shopper’s language, else the shop’s default, else the first written', () => {
    const name = { en: 'Christmas', fr: 'Noël' };
    expect(resolveText(name, 'fr', 'en')).toBe('Noël');
    expect(resolveText(name, 'de', 'en')).toBe('Christmas');
    expect(resolveText({ nl: 'Kerstmis' }, 'de', 'en')).toBe('Kerstmis');
    expect(resolveText({ fr: '', en: 'Christmas' }, 'fr', 'en')).toBe('Christmas');
    expect(resolveText(undefined, 'fr', 'en')).toBe('');
  });
});

describe('resolvedLocale', () => {
  it('names the language the shown text is in, for a lang attribute', () => {
    const name = { en: 'Christmas', fr: 'Noël' };
    expect(resolvedLocale(name, 'fr', 'en')).toBe('fr');
    expect(resolvedLocale(name, 'de', 'en')).toBe('en');
    expect(resolvedLocale({ nl: 'Kerstmis' }, 'de', 'en')).toBe('nl');
    expect(resolvedLocale({ fr: '', en: 'Christmas' }, 'fr', 'en')).toBe('en');
    // A plain string is the shop's default language's.
    expect(resolvedLocale('Christmas', 'fr', 'en')).toBe('en');
    expect(resolvedLocale('', 'fr', 'en')).toBeUndefined();
    expect(resolvedLocale({}, 'fr', 'en')).toBeUndefined();
  });
});

describe('missingLocales', () => {
  it('names the shop languages with no text of their own', () => {
    expect(missingLocales({ en: 'Christmas', fr: ' ' }, ['en', 'fr', 'de'], 'en')).toEqual([
      'fr',
      'de',
    ]);
    expect(missingLocales('Christmas', ['en', 'fr'], 'en')).toEqual(['fr']);
  });
});

describe('withText', () => {
  it('turns a plain string into the default language’s entry and adds the new one', () => {
    expect(withText('Christmas', 'fr', 'Noël', 'en')).toEqual({ en: 'Christmas', fr: 'Noël' });
    expect(textIn(withText('Christmas', 'fr', 'Noël', 'en'), 'fr', 'en')).toBe('Noël');
  });

  it('removes a language whose text is emptied, and answers undefined when none is left', () => {
    expect(withText({ en: 'A', fr: 'B' }, 'fr', '', 'en')).toEqual({ en: 'A' });
    expect(withText({ en: 'A' }, 'en', '', 'en')).toBeUndefined();
  });
});

describe('placeholdersOf', () => {
  it('lists each placeholder once, typos included', () => {
    expect(placeholdersOf('Add {amount} for {labl} {amount} {}')).toEqual(['amount', 'labl', '']);
  });
});
