import { z } from 'zod';
import { AnnouncementSettings } from './announcement.js';
import { ShippingExclusions } from './shipping-exclusions.js';
import { ShopCalendar } from './calendar.js';
import { CaptureSettings } from './capture.js';
import { FaqEntry } from './faq.js';
import { FreeShippingSettings } from './free-shipping.js';
import { HolidayEvent } from './holiday-event.js';
import { Placement } from './placement.js';
import { CurrencyCode, Identifier, Instant, LocalDate, Locale, ShortText } from './primitives.js';
import { StringOverrides, Theme } from './theme.js';

/**
 * What the absence banner needs of one absence, computed by the server (`absenceFacts` in
 * `@comptoir/sdk/calendar`) so that the banner carries no calendar code: the first dispatch day
 * after it, and the dispatch date of an order placed at any instant from its announcement on.
 */
export const AbsenceFacts = z.object({
  id: Identifier,
  resumeDate: LocalDate,
  ships: z.array(z.tuple([Instant, LocalDate])).max(2000),
  /** When it is announced, starts and is over, as instants (optional: older servers lack them). */
  announcedFrom: Instant.optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
});
export type AbsenceFacts = z.infer<typeof AbsenceFacts>;

/**
 * What the holiday deadline needs of one event, computed by the server (`deadlineFacts`): per
 * shipping method, the last moment to order for delivery by `deliverBy`, or `null` when none.
 */
export const DeadlineFacts = z.object({
  id: Identifier,
  orderBy: z.record(Identifier, Instant.nullable()),
});
export type DeadlineFacts = z.infer<typeof DeadlineFacts>;

/**
 * What the shipping cutoff needs, computed by the server (`dispatchFacts`) for this month and the
 * next: `nextDispatch` as steps `[from, receiptDate, dispatchDate]` (each holds until the next
 * one's instant, its `orderBy`; the last until `until`), and per method and dispatch date the
 * delivery range `[earliest, latest]`.
 */
export const DispatchFacts = z.object({
  steps: z.array(z.tuple([Instant, LocalDate, LocalDate])).max(400),
  until: Instant,
  delivery: z.record(Identifier, z.record(z.string(), z.tuple([LocalDate, LocalDate]))),
});
export type DispatchFacts = z.infer<typeof DispatchFacts>;

/** An announcement's `start` and `end` (shop wall time) as instants (`announcementFacts`). */
export const AnnouncementFacts = z.object({
  id: Identifier,
  start: Instant.optional(),
  end: Instant.optional(),
});
export type AnnouncementFacts = z.infer<typeof AnnouncementFacts>;

/**
 * Everything a storefront needs, derived by the server from the shop's config:
 * `GET /v1/shops/:shop/config`. Its `version` is the response's ETag.
 */
export const PublishedConfig = z.object({
  version: z.string().min(1),
  shopId: z.string().min(1),
  shopName: ShortText,
  /** The server's clock when the document was served, so widgets can correct a wrong client clock. */
  now: Instant,
  defaultLocale: Locale,
  locales: z.array(Locale).min(1),
  currency: CurrencyCode,
  /** The calendar with public holidays resolved to dates for the next 13 months. */
  calendar: ShopCalendar,
  /**
   * Per absence not yet over, what the banner shows (see `AbsenceFacts`); absent from configs
   * published before it existed and when the calendar has no dispatch day (the banner then
   * computes from `calendar`).
   */
  absenceFacts: z.array(AbsenceFacts).optional(),
  freeShipping: FreeShippingSettings,
  holidayEvents: z.array(HolidayEvent),
  /** Per holiday event not yet over, its order-by moments (see `DeadlineFacts`); optional like `absenceFacts`. */
  deadlineFacts: z.array(DeadlineFacts).optional(),
  /** The shipping cutoff's answers for this month and the next (see `DispatchFacts`); optional. */
  dispatchFacts: DispatchFacts.optional(),
  faq: z.array(FaqEntry),
  /** The announcement bar's messages; absent from configs published before it existed. */
  announcements: AnnouncementSettings.optional(),
  /** The announcements' start and end instants (see `AnnouncementFacts`); optional. */
  announcementFacts: z.array(AnnouncementFacts).optional(),
  /** Products and pages that do not ship; absent from configs published before it existed. */
  shippingExclusions: ShippingExclusions.optional(),
  capture: CaptureSettings,
  placements: z.array(Placement),
  theme: Theme,
  strings: StringOverrides,
});
export type PublishedConfig = z.infer<typeof PublishedConfig>;
