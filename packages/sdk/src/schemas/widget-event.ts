import { z } from 'zod';
import { CurrencyCode, Identifier, MinorUnits, WellFormedText } from './primitives.js';

/** The most events one request may carry. */
export const MAX_EVENTS_PER_BATCH = 50;

/** Something a shopper did in a widget that the merchant's stats count. */
export const WidgetEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('faq_opened'), questionId: Identifier }),
  z.strictObject({ type: z.literal('faq_search_empty'), query: WellFormedText.min(1).max(200) }),
  z.strictObject({
    type: z.literal('threshold_reached'),
    threshold: MinorUnits,
    currency: CurrencyCode,
  }),
]);
export type WidgetEvent = z.infer<typeof WidgetEvent>;

/** A batch of widget events, as the public events endpoint takes it. */
export const WidgetEventBatch = z.strictObject({
  events: z
    .array(WidgetEvent)
    .min(1, 'At least one event')
    .max(MAX_EVENTS_PER_BATCH, `At most ${MAX_EVENTS_PER_BATCH} events a request`),
});
export type WidgetEventBatch = z.infer<typeof WidgetEventBatch>;
