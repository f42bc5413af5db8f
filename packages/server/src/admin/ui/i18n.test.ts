import { beforeAll, describe, expect, it } from 'vitest';
import { loadUiLocale, translate, UI_LOCALES, type MessageKey, type UiLocale } from './i18n.js';
import en from './i18n/en.js';
import { plural } from './i18n/plural.js';
import { integrationsText } from './sections/integrations.i18n.js';

const KEYS = Object.keys(en) as MessageKey[];

beforeAll(() => Promise.all(UI_LOCALES.map(loadUiLocale)));

/** Sample values for every entry that takes some: a number where it counts, else a word. */
const NUMBERS = new Set([
  'n',
  'count',
  'position',
  'total',
  'days',
  'captured',
  'recovered',
  'opened',
  'empty',
]);
/** `translate` with any key and values, for looping over every key. */
const anyTranslate = translate as (locale: UiLocale, key: MessageKey, values?: object) => string;

function render(locale: UiLocale, key: MessageKey, n: number): string {
  const entry = en[key];
  if (typeof entry === 'string') return anyTranslate(locale, key);
  const names = /^\(\{([^}]*)\}/.exec(entry.toString())?.[1] ?? '';
  const values = Object.fromEntries(
    names
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => [name, NUMBERS.has(name) ? n : `«${name}»`]),
  );
  return anyTranslate(locale, key, values);
}

describe('plural', () => {
  it('picks the form of each language’s rules and writes the number in its digits', () => {
    const forms = { one: '# cart', other: '# carts' };
    expect(plural('en', 1, forms)).toBe('1 cart');
    expect(plural('en', 0, forms)).toBe('0 carts');
    expect(plural('en', 1200, forms)).toBe('1,200 carts');
    // French says "0 panier" and "1,5 panier": 0 and 1.5 are `one` there, not in English.
    const fr = { one: '# panier', other: '# paniers' };
    expect(plural('fr', 0, fr)).toBe('0 panier');
    expect(plural('fr', 1.5, fr)).toBe('1,5 panier');
    expect(plural('fr', 2, fr)).toBe('2 paniers');
    expect(plural('de', 1200, { one: '# Warenkorb', other: '# Warenkörbe' })).toBe(
      '1.200 Warenkörbe',
    );
  });

  it('falls back to `other` when a language’s form is not given', () => {
    expect(plural('en', 1, { other: '# clicked' })).toBe('1 clicked');
  });
});

describe('the config page’s strings', () => {
  it('load each language on demand, and answer in English until it is there', async () => {
    // A fresh copy of the module: nothing loaded yet.
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('./i18n.js');
    expect(fresh.translate('fr', 'common.loading')).toBe(en['common.loading']);
    await fresh.loadUiLocale('fr');
    expect(fresh.translate('fr', 'common.loading')).not.toBe(en['common.loading']);
    expect(fresh.translate('de', 'common.loading')).toBe(en['common.loading']);
  });

  it.each(UI_LOCALES)('words the counts with real plurals in %s', (locale) => {
    const one = translate(locale, 'save.invalid', { n: 1 });
    const many = translate(locale, 'save.invalid', { n: 3 });
    expect(one).not.toBe(many);
    expect(many).toContain('3');
    expect(translate(locale, 'overview.recoveredCarts', { n: 1 })).not.toBe(
      translate(locale, 'overview.recoveredCarts', { n: 2 }).replace('2', '1'),
    );
  });

  it.each(UI_LOCALES)('fills every value and leaves no “(s)” in %s', (locale) => {
    for (const key of KEYS) {
      for (const n of [1, 2]) {
        const text = render(locale, key, n);
        expect(text, key).not.toMatch(/\(s\)|\(e\)s|\(n\)|undefined|NaN|\[object/);
        expect(text.trim(), key).not.toBe('');
        if (typeof en[key] === 'function') expect(text, key).not.toMatch(/\{(n|count)\}/);
      }
    }
  });

  it.each(UI_LOCALES.filter((locale) => locale !== 'en'))(
    'is written in %s, not left in English',
    (locale) => {
      const same = KEYS.filter(
        (key) => typeof en[key] === 'string' && anyTranslate(locale, key) === en[key],
      );
      // Names, codes and words that are the same in both (FAQ, Email, Widget…) may stay.
      expect(same.length, same.join(', ')).toBeLessThan(KEYS.length / 20);
    },
  );

  it('keeps French typography: a narrow no-break space before ; : ! ? and inside « »', () => {
    for (const key of KEYS) {
      const text = render('fr', key, 2);
      expect(text, key).not.toMatch(/ [;:!?](?!\/)/);
      expect(text, key).not.toMatch(/« | »/);
    }
  });
});

describe('the Integrations section’s strings', () => {
  it.each(UI_LOCALES.filter((locale) => locale !== 'en'))(
    'are written in %s, values filled',
    (locale) => {
      expect(integrationsText(locale, 'intro')).not.toBe(integrationsText('en', 'intro'));
      expect(integrationsText(locale, 'events.test')).not.toBe(
        integrationsText('en', 'events.test'),
      );
      const since = integrationsText(locale, 'state.receivingSince', {
        first: '2 Dec',
        last: '3 Dec',
      });
      expect(since).toContain('2 Dec');
      expect(since).toContain('3 Dec');
      expect(integrationsText(locale, 'notDelivered', { status: '503' })).toContain('503');
    },
  );
});
