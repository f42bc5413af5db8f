import { z } from 'zod';
import {
  CssSelector,
  Identifier,
  LocalDate,
  ShortText,
  TimeZone,
  WellFormedText,
  WallTime,
  Weekday,
  WEEKDAYS,
} from './primitives.js';
import { localizedText } from './localized-text.js';

const MAX_DATES = 400;

/** A list of days, each `YYYY-MM-DD`, without duplicates. */
export const DateList = z.array(LocalDate).max(MAX_DATES, `At most ${MAX_DATES} dates`);

/** The longest absence message: about four lines on a phone, where the banner must stay small. */
export const ABSENCE_MESSAGE_MAX = 300;

/**
 * What the absence banner does to the shop's add-to-cart buttons while the absence is active,
 * for a shop that truly cannot ship: `hide` them, or keep them and add a `notice` beside them
 * (clicks then do nothing). Never applied before the absence starts.
 */
export const AbsenceCartButtons = z.strictObject({
  /** CSS selector of the add-to-cart buttons, `form[action*="/cart/add"] button[type=submit]`. */
  selector: CssSelector.refine((value) => value !== '', { message: 'Required' }),
  action: z.enum(['hide', 'notice']),
});
export type AbsenceCartButtons = z.infer<typeof AbsenceCartButtons>;

/** A period the merchant is away: the shop stays open, dispatch waits. */
export const Absence = z
  .strictObject({
    id: Identifier,
    start: LocalDate,
    end: LocalDate,
    resumeBufferDays: z.number().int().min(0).max(30).optional(),
    announceDays: z.number().int().min(0).max(90).optional(),
    message: localizedText(
      WellFormedText.max(ABSENCE_MESSAGE_MAX, `At most ${ABSENCE_MESSAGE_MAX} characters`),
    ).optional(),
    cartButtons: AbsenceCartButtons.optional(),
  })
  .refine((absence) => absence.start <= absence.end, {
    message: 'The absence ends before it starts',
    path: ['end'],
  });
export type Absence = z.infer<typeof Absence>;

/** Whole carrier days in transit, from `min` to `max`. */
export const TransitDays = z
  .strictObject({
    min: z.number().int().min(0).max(60),
    max: z.number().int().min(0).max(60),
  })
  .refine((transit) => transit.min <= transit.max, {
    message: 'Minimum transit days is above the maximum',
    path: ['min'],
  });

/** A way parcels travel, such as Colissimo or an express courier. */
export const ShippingMethod = z.strictObject({
  id: Identifier,
  name: ShortText.min(1, 'Required'),
  transitDays: TransitDays,
  deliveryDays: z
    .array(Weekday)
    .min(1, 'A carrier needs at least one delivery day')
    .max(7)
    .optional(),
});
export type ShippingMethod = z.infer<typeof ShippingMethod>;

/** A cutoff per weekday, overriding the default one. */
export const CutoffByDay = z.partialRecord(Weekday, WallTime);

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, what: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        message: `Duplicate ${what} id "${item.id}"`,
        path: [index, 'id'],
      });
    }
    seen.add(item.id);
  });
}

/** The fields of a calendar a merchant sets directly (holidays excepted). */
export const calendarFields = {
  timeZone: TimeZone,
  dispatchDays: z.array(Weekday).max(7),
  cutoff: WallTime,
  cutoffByDay: CutoffByDay.optional(),
  handlingDays: z.number().int().min(0).max(30),
  closedDates: DateList,
  absences: z
    .array(Absence)
    .max(50, 'At most 50 absences')
    .superRefine((absences, ctx) => uniqueIds(absences, ctx, 'absence')),
  methods: z
    .array(ShippingMethod)
    .max(20, 'At most 20 shipping methods')
    .superRefine((methods, ctx) => uniqueIds(methods, ctx, 'shipping method')),
};

/** A shop's shipping calendar with its public holidays resolved to dates. */
export const ShopCalendar = z.strictObject({
  ...calendarFields,
  holidays: DateList,
});
export type ShopCalendar = z.infer<typeof ShopCalendar>;

/** The weekdays in calendar order, for forms and tests. */
export const ALL_WEEKDAYS = [...WEEKDAYS];
