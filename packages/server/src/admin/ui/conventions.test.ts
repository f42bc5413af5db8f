import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, formatLocaleFor, formatShopMoney } from './conventions.js';

describe('results in the shop’s conventions', () => {
  it('formats money like the widgets: €12.50 in English, 12,50 € in French', () => {
    expect(formatShopMoney(1250, 'EUR', 'en')).toBe('€12.50');
    expect(formatShopMoney(1250, 'EUR', 'fr')).toMatch(/^12,50\s€$/);
    expect(formatShopMoney(1250, 'JPY', 'en')).toBe('JP¥1,250');
  });

  it('reads English days as in Britain for a euro shop, as in the US for a dollar shop', () => {
    expect(formatLocaleFor('en', 'EUR')).toBe('en-GB');
    expect(formatLocaleFor('en', 'USD')).toBe('en-US');
    expect(formatDay('2026-12-18', 'en', 'EUR')).toBe('Fri, 18 Dec 2026');
    expect(formatDay('2026-12-18', 'en', 'USD')).toBe('Fri, Dec 18, 2026');
  });

  it('shows an instant in the shop’s time zone, whatever the browser’s', () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Paris.
    expect(formatInstant('2026-12-31T23:30:00Z', 'en', 'EUR', 'Europe/Paris')).toBe(
      '1 Jan 2027, 00:30',
    );
    expect(formatInstant('2026-12-31T23:30:00Z', 'fr', 'EUR', 'Europe/Paris')).toBe(
      '1 janv. 2027, 00:30',
    );
  });
});
