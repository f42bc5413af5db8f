import { z } from 'zod';
import { AnnouncementSettings } from './announcement.js';
import { ShippingExclusions } from './shipping-exclusions.js';
import { ShopCalendar } from './calendar.js';
import { CaptureSettings } from './capture.js';
import { FaqEntry } from './faq.js';
import { FreeShippingSettings } from './free-shipping.js';
import { HolidayEvent } from './holiday-event.js';
import { Placement } from './placement.js';
import { CurrencyCode, Instant, Locale, ShortText } from './primitives.js';
import { StringOverrides, Theme } from './theme.js';

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
  freeShipping: FreeShippingSettings,
  holidayEvents: z.array(HolidayEvent),
  faq: z.array(FaqEntry),
  /** The announcement bar's messages; absent from configs published before it existed. */
  announcements: AnnouncementSettings.optional(),
  /** Products and pages that do not ship; absent from configs published before it existed. */
  shippingExclusions: ShippingExclusions.optional(),
  capture: CaptureSettings,
  placements: z.array(Placement),
  theme: Theme,
  strings: StringOverrides,
});
export type PublishedConfig = z.infer<typeof PublishedConfig>;
