import { z } from 'zod';
import { calendarFields, DateList } from './calendar.js';
import { CaptureSettings } from './capture.js';
import { FaqList } from './faq.js';
import { FreeShippingSettings } from './free-shipping.js';
import { HolidayEvent } from './holiday-event.js';
import { Placement } from './placement.js';
import { CountryCode, CurrencyCode, Locale, Origin, ShortText } from './primitives.js';
import { RecoverySettings } from './recovery.js';
import { StringOverrides, Theme } from './theme.js';

/** The calendar as a merchant edits it: holidays by country and region instead of dates. */
export const CalendarSettings = z.strictObject({
  ...calendarFields,
  dispatchDays: calendarFields.dispatchDays.min(1, 'Choose at least one dispatch day'),
  /** Public holidays of this country (and region) are resolved by the server. */
  holidayCountry: CountryCode.optional(),
  holidayRegion: z
    .string()
    .max(10)
    .regex(/^[A-Z0-9]+$/, 'Expected a region code like BY')
    .optional(),
  /** Extra days when carriers do not deliver, added to the resolved public holidays. */
  extraHolidays: DateList,
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

/** The whole editable config of one shop: `GET|PUT /v1/admin/config`. */
export const ShopConfig = z
  .strictObject({
    shopName: ShortText.min(1, 'Required'),
    defaultLocale: Locale,
    locales: z.array(Locale).min(1).max(6),
    currency: CurrencyCode,
    calendar: CalendarSettings,
    freeShipping: FreeShippingSettings,
    holidayEvents: z.array(HolidayEvent).max(20, 'At most 20 holiday events'),
    faq: FaqList,
    capture: CaptureSettings,
    placements: z.array(Placement).max(30, 'At most 30 placements'),
    theme: Theme,
    strings: StringOverrides,
    /** Storefront origins allowed to call the public API with this shop's publishable key. */
    allowedOrigins: z.array(Origin).max(20, 'At most 20 origins'),
    recovery: RecoverySettings,
  })
  .superRefine((config, ctx) => {
    if (!config.locales.includes(config.defaultLocale)) {
      ctx.addIssue({
        code: 'custom',
        message: 'The default language is not among the languages',
        path: ['defaultLocale'],
      });
    }
    const methodIds = new Set(config.calendar.methods.map((method) => method.id));
    config.holidayEvents.forEach((event, eventIndex) => {
      event.methodIds?.forEach((methodId, index) => {
        if (!methodIds.has(methodId)) {
          ctx.addIssue({
            code: 'custom',
            message: `Unknown shipping method "${methodId}"`,
            path: ['holidayEvents', eventIndex, 'methodIds', index],
          });
        }
      });
    });
  });
export type ShopConfig = z.infer<typeof ShopConfig>;
