import { z } from 'zod';
import { localizedText } from './localized-text.js';
import { HttpUrl, Identifier, LocalDate, LongText, ShortText } from './primitives.js';

/** What to offer once no shipping method can make an event's deadline (a gift card, say). */
export const EventFallback = z.strictObject({
  text: localizedText(ShortText.min(1, 'Required')),
  url: HttpUrl.optional(),
});
export type EventFallback = z.infer<typeof EventFallback>;

/** A named delivery deadline such as Christmas: parcels must arrive by `deliverBy`. */
export const HolidayEvent = z
  .strictObject({
    id: Identifier,
    name: localizedText(ShortText.min(1, 'Required')),
    deliverBy: LocalDate,
    /** The first day the widget shows the event; defaults to 30 days before `deliverBy`. */
    showFrom: LocalDate.optional(),
    /** Methods the deadline is computed for, slowest first is not required; default: all. */
    methodIds: z.array(Identifier).max(20).optional(),
    message: localizedText(LongText).optional(),
    fallback: EventFallback.optional(),
  })
  .refine((event) => !event.showFrom || event.showFrom <= event.deliverBy, {
    message: 'The event is shown from a day after its delivery date',
    path: ['showFrom'],
  });
export type HolidayEvent = z.infer<typeof HolidayEvent>;
