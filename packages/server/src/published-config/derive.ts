import { createHash } from 'node:crypto';
import { isPlacementAttribute, type PublishedConfig, type ShopConfig } from '@comptoir/sdk';
import {
  absenceFacts,
  announcementFacts,
  deadlineFacts,
  dispatchFacts,
  isCalendarError,
} from '@comptoir/sdk/calendar';
import { isUnknownHolidayRegionError, monthOf, publicHolidays } from './holidays.js';

const MAX_HOLIDAYS = 400;

/**
 * The placements with only their elements' documented attributes. Saving refuses the others now,
 * but a config saved before that may hold an `onfocus`: it is never published (the merchant's
 * saved config keeps it, and the config page shows it with the error until they remove it).
 */
function publishablePlacements(placements: ShopConfig['placements']): ShopConfig['placements'] {
  return placements.map((placement) => {
    if (!placement.attributes) return placement;
    const kept = Object.entries(placement.attributes).filter(([name]) =>
      isPlacementAttribute(placement.element, name),
    );
    const { attributes: _all, ...rest } = placement;
    return kept.length > 0 ? { ...rest, attributes: Object.fromEntries(kept) } : rest;
  });
}

/** What {@link derivePublishedConfig} needs of a shop. */
export interface PublishingShop {
  id: string;
  configVersion: number;
}

/**
 * The document storefronts get: the editable config minus what is private (origins, the email
 * sequence), with public holidays resolved to dates for the next 13 months and merged with the
 * merchant's extra holidays, with the widgets' answers computed ahead for this month and the next
 * (`absenceFacts`, `deadlineFacts`, `dispatchFacts`, `announcementFacts`). `version` (the ETag) is the config version plus a hash of the
 * content, so it changes when the config is saved and when the holiday window moves.
 */
export function derivePublishedConfig(
  shop: PublishingShop,
  config: ShopConfig,
  now: Date,
): PublishedConfig {
  const { holidayCountry, holidayRegion, extraHolidays, ...calendar } = config.calendar;
  let resolved: string[] = [];
  if (holidayCountry) {
    try {
      resolved = publicHolidays(holidayCountry, holidayRegion, now, calendar.timeZone).map(
        (h) => h.date,
      );
    } catch (error) {
      // A config saved before its country became unknown publishes without those holidays.
      if (!isUnknownHolidayRegionError(error)) throw error;
    }
  }
  const firstDay = `${monthOf(now, calendar.timeZone)}-01`;
  const holidays = [...new Set([...resolved, ...extraHolidays.filter((day) => day >= firstDay)])]
    .sort()
    .slice(0, MAX_HOLIDAYS);

  const published = { ...calendar, holidays };
  let facts: Pick<
    PublishedConfig,
    'absenceFacts' | 'deadlineFacts' | 'dispatchFacts' | 'announcementFacts'
  > = {};
  try {
    facts = {
      dispatchFacts: dispatchFacts(published, now),
      ...(published.absences.length > 0 ? { absenceFacts: absenceFacts(published, now) } : {}),
      ...(config.holidayEvents.length > 0
        ? { deadlineFacts: deadlineFacts(published, config.holidayEvents, now) }
        : {}),
    };
  } catch (error) {
    // No dispatch day at all: the widgets compute (and report) it from the calendar themselves.
    if (!isCalendarError(error)) throw error;
  }
  const announced = config.announcements?.messages ?? [];
  if (announced.some((message) => message.start || message.end))
    facts.announcementFacts = announcementFacts(calendar.timeZone, announced);

  const content = {
    shopId: shop.id,
    shopName: config.shopName,
    defaultLocale: config.defaultLocale,
    locales: config.locales,
    currency: config.currency,
    calendar: published,
    // What the banner, cutoff, holiday deadline and announcement bar show, computed here so that
    // they carry no calendar code (they compute it themselves from `calendar` without it).
    ...facts,
    freeShipping: config.freeShipping,
    holidayEvents: config.holidayEvents,
    faq: config.faq,
    ...(config.announcements ? { announcements: config.announcements } : {}),
    ...(config.shippingExclusions ? { shippingExclusions: config.shippingExclusions } : {}),
    capture: config.capture,
    placements: publishablePlacements(config.placements),
    theme: config.theme,
    strings: config.strings,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify(content))
    .digest('base64url')
    .slice(0, 12);
  return { version: `${shop.configVersion}-${hash}`, now: now.toISOString(), ...content };
}
