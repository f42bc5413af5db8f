import { describe, expect, it } from 'vitest';
import { defaultShopConfig } from './defaults.js';
import { ShopConfig } from './shop-config.js';

/** Returns the dotted paths of the fields a parse rejected. */
function rejectedFields(input: unknown): string[] {
  const result = ShopConfig.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

function withCalendar(patch: Record<string, unknown>) {
  const config = defaultShopConfig('Atelier');
  return { ...config, calendar: { ...config.calendar, ...patch } };
}

describe('ShopConfig', () => {
  it('accepts the default config of a new shop', () => {
    expect(
      ShopConfig.safeParse(defaultShopConfig('Atelier', ['https://atelier.example'])).success,
    ).toBe(true);
  });

  it.each([
    ['cutoff', withCalendar({ cutoff: '25:00' }), 'calendar.cutoff'],
    ['cutoff without a colon', withCalendar({ cutoff: '1400' }), 'calendar.cutoff'],
    ['time zone', withCalendar({ timeZone: 'Europe/Atlantis' }), 'calendar.timeZone'],
    ['impossible date', withCalendar({ closedDates: ['2026-02-30'] }), 'calendar.closedDates.0'],
    ['no dispatch day', withCalendar({ dispatchDays: [] }), 'calendar.dispatchDays'],
    [
      'absence ending before it starts',
      withCalendar({ absences: [{ id: 'summer', start: '2026-08-20', end: '2026-08-01' }] }),
      'calendar.absences.0.end',
    ],
    [
      'minimum transit above maximum',
      withCalendar({ methods: [{ id: 'post', name: 'Post', transitDays: { min: 5, max: 2 } }] }),
      'calendar.methods.0.transitDays.min',
    ],
    [
      'carrier with no delivery day',
      withCalendar({
        methods: [{ id: 'post', name: 'Post', transitDays: { min: 1, max: 2 }, deliveryDays: [] }],
      }),
      'calendar.methods.0.deliveryDays',
    ],
  ])('names the field of a wrong %s', (_name, input, field) => {
    expect(rejectedFields(input)).toContain(field);
  });

  it('rejects an unknown currency and lower-case codes', () => {
    expect(rejectedFields({ ...defaultShopConfig('A'), currency: 'XYZ' })).toEqual(['currency']);
    expect(rejectedFields({ ...defaultShopConfig('A'), currency: 'eur' })).toContain('currency');
  });

  it('rejects negative and fractional money in free-shipping rules', () => {
    const config = defaultShopConfig('A');
    const rules = [
      { threshold: -100, currency: 'EUR' },
      { threshold: 49.5, currency: 'EUR' },
    ];
    expect(rejectedFields({ ...config, freeShipping: { ...config.freeShipping, rules } })).toEqual([
      'freeShipping.rules.0.threshold',
      'freeShipping.rules.1.threshold',
    ]);
  });

  it('rejects sizes past sane limits', () => {
    const config = defaultShopConfig('A');
    expect(rejectedFields({ ...config, shopName: 'x'.repeat(201) })).toEqual(['shopName']);
    const faq = Array.from({ length: 301 }, (_, index) => ({
      id: `q${index}`,
      category: 'General',
      question: 'Q?',
      answer: 'A.',
    }));
    expect(rejectedFields({ ...config, faq })).toEqual(['faq']);
  });

  it('rejects a holiday event that names an unknown shipping method', () => {
    const config = defaultShopConfig('A');
    const holidayEvents = [
      { id: 'xmas', name: 'Christmas', deliverBy: '2026-12-24', methodIds: ['pigeon'] },
    ];
    expect(rejectedFields({ ...config, holidayEvents })).toEqual(['holidayEvents.0.methodIds.0']);
  });

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    expect(rejectedFields({ ...defaultShopConfig('A'), shopNmae: 'typo' })).toEqual(['']);
  });

  it('rejects an origin with a path', () => {
    expect(
      rejectedFields({ ...defaultShopConfig('A'), allowedOrigins: ['https://shop.example/'] }),
    ).toEqual(['allowedOrigins.0']);
  });
});
