import { z } from 'zod';
import { AnnouncementSettings } from './announcement.js';
import { ShippingExclusions } from './shipping-exclusions.js';
import { calendarFields, DateList } from './calendar.js';
import { CaptureSettings } from './capture.js';
import { FaqList } from './faq.js';
import { FreeShippingSettings } from './free-shipping.js';
import { HolidayEvent } from './holiday-event.js';
import { LifecycleSettings } from './lifecycle.js';
import { Placement } from './placement.js';
import { CountryCode, CurrencyCode, HttpUrl, Locale, Origin, ShortText } from './primitives.js';
import { RecoverySettings } from './recovery.js';
import {
  checkDefaultText,
  checkPlaceholders,
  CONFIRMATION_PLACEHOLDERS,
  EMAIL_PLACEHOLDERS,
  REVIEW_REQUEST_PLACEHOLDERS,
  RESTORE_PLACEHOLDERS,
  WIDGET_PLACEHOLDERS,
} from './text-checks.js';
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

/** The fields of the editable config, before the checks across them. */
const ShopConfigFields = z.strictObject({
  shopName: ShortText.min(1, 'Required'),
  defaultLocale: Locale,
  locales: z.array(Locale).min(1).max(6),
  currency: CurrencyCode,
  calendar: CalendarSettings,
  freeShipping: FreeShippingSettings,
  holidayEvents: z.array(HolidayEvent).max(20, 'At most 20 holiday events'),
  faq: FaqList,
  /** The announcement bar's messages (none when absent). */
  announcements: AnnouncementSettings.optional(),
  /** Products and pages that do not ship: no shipping widgets there (none when absent). */
  shippingExclusions: ShippingExclusions.optional(),
  /** The storefront page that shows the FAQ, for each question's deep link (`…#faq-<id>`). */
  faqPageUrl: HttpUrl.optional(),
  capture: CaptureSettings,
  placements: z.array(Placement).max(30, 'At most 30 placements'),
  theme: Theme,
  strings: StringOverrides,
  /** Storefront origins allowed to call the public API with this shop's publishable key. */
  allowedOrigins: z.array(Origin).max(20, 'At most 20 origins'),
  recovery: RecoverySettings,
  /** Emails after the order (order confirmation); absent: none. */
  lifecycle: LifecycleSettings.optional(),
});

/** The whole editable config of one shop: `GET|PUT /v1/admin/config`. */
export const ShopConfig = ShopConfigFields.superRefine((config, ctx) => {
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
  checkTexts(config, ctx);
});
export type ShopConfig = z.infer<typeof ShopConfig>;

/**
 * What the types alone cannot say about the merchant's texts: required texts exist in the default
 * language, each email has a subject and a body in it, and placeholders are ones that get filled.
 */
function checkTexts(config: z.infer<typeof ShopConfigFields>, ctx: z.core.$RefinementCtx): void {
  const lang = config.defaultLocale;
  checkDefaultText(ctx, config.capture.consentText, lang, ['capture', 'consentText']);
  config.faq.forEach((entry, index) => {
    checkDefaultText(ctx, entry.question, lang, ['faq', index, 'question']);
    checkDefaultText(ctx, entry.answer, lang, ['faq', index, 'answer']);
  });
  config.holidayEvents.forEach((event, index) => {
    checkDefaultText(ctx, event.name, lang, ['holidayEvents', index, 'name']);
    if (event.fallback)
      checkDefaultText(ctx, event.fallback.text, lang, [
        'holidayEvents',
        index,
        'fallback',
        'text',
      ]);
  });
  config.announcements?.messages.forEach((message, index) => {
    const path = ['announcements', 'messages', index];
    checkDefaultText(ctx, message.text, lang, [...path, 'text']);
    if (message.link) checkDefaultText(ctx, message.link.label, lang, [...path, 'link', 'label']);
  });
  config.recovery.steps.forEach((step, index) => {
    for (const part of ['subject', 'body'] as const) {
      if (!step[part][lang]?.trim()) {
        ctx.addIssue({
          code: 'custom',
          message: `Required in the shop’s default language`,
          path: ['recovery', 'steps', index, part, lang],
          params: { reason: 'default-language' },
        });
      }
      for (const [locale, text] of Object.entries(step[part]))
        checkPlaceholders(ctx, text, EMAIL_PLACEHOLDERS, [
          'recovery',
          'steps',
          index,
          part,
          locale,
        ]);
    }
  });
  checkLifecycleTexts(config, ctx);
  const pattern = config.recovery.restoreUrl?.pattern;
  checkPlaceholders(ctx, pattern, RESTORE_PLACEHOLDERS, ['recovery', 'restoreUrl', 'pattern']);
  for (const [locale, overrides] of Object.entries(config.strings)) {
    for (const [key, text] of Object.entries(overrides ?? {}))
      checkPlaceholders(ctx, text, WIDGET_PLACEHOLDERS, ['strings', locale, key]);
  }
}

/**
 * The emails after the order: placeholders that get filled (the review request has no coupon, the
 * confirmation's paragraph only the shop's name), and a win-back or review request text, once
 * written, in the shop's default language, the fallback of the others.
 */
function checkLifecycleTexts(
  config: z.infer<typeof ShopConfigFields>,
  ctx: z.core.$RefinementCtx,
): void {
  const lang = config.defaultLocale;
  const lifecycle = config.lifecycle;
  const texts = (
    path: PropertyKey[],
    text: Partial<Record<string, string>> | undefined,
    allowed: readonly string[],
    needsDefault = true,
  ) => {
    if (!text) return;
    if (needsDefault && Object.keys(text).length > 0 && !text[lang]?.trim()) {
      ctx.addIssue({
        code: 'custom',
        message: 'Required in the shop’s default language',
        path: [...path, lang],
        params: { reason: 'default-language' },
      });
    }
    for (const [locale, value] of Object.entries(text))
      checkPlaceholders(ctx, value, allowed, [...path, locale]);
  };
  texts(
    ['lifecycle', 'orderConfirmation', 'paragraph'],
    lifecycle?.orderConfirmation?.paragraph,
    CONFIRMATION_PLACEHOLDERS,
    false, // a paragraph is optional in each language
  );
  for (const part of ['subject', 'body'] as const) {
    texts(['lifecycle', 'winBack', part], lifecycle?.winBack?.[part], EMAIL_PLACEHOLDERS);
    texts(
      ['lifecycle', 'reviewRequest', part],
      lifecycle?.reviewRequest?.[part],
      REVIEW_REQUEST_PLACEHOLDERS,
    );
  }
}
