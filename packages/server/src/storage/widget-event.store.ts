import type { WidgetEvent } from '@comptoir/sdk';
import { generateId } from './keys.js';
import type { Db } from './database.js';

/** Stores a batch of widget events received at `now`. */
export async function insertWidgetEvents(
  db: Db,
  shopId: string,
  events: WidgetEvent[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('widget_events')
    .values(
      events.map((event) => ({
        id: generateId('evt'),
        shop_id: shopId,
        type: event.type,
        subject:
          event.type === 'faq_opened'
            ? event.questionId
            : event.type === 'faq_search_empty'
              ? event.query
              : null,
        threshold: event.type === 'threshold_reached' ? event.threshold : null,
        currency: event.type === 'threshold_reached' ? event.currency : null,
        created_at: at,
      })),
    )
    .execute();
}

/** Counts of the shop's widget events in `[from, to)`, and the most frequent empty searches. */
export async function widgetEventCounts(
  db: Db,
  shopId: string,
  from: string,
  to: string,
  topLimit = 10,
) {
  const inRange = db
    .selectFrom('widget_events')
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to);
  const byType = await inRange
    .select(['type', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('type')
    .execute();
  const topEmptySearches = await inRange
    .where('type', '=', 'faq_search_empty')
    .select(['subject', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('subject')
    .orderBy('count', 'desc')
    .orderBy('subject')
    .limit(topLimit)
    .execute();
  const count = (type: string) => Number(byType.find((row) => row.type === type)?.count ?? 0);
  return {
    faqOpened: count('faq_opened'),
    faqSearchesEmpty: count('faq_search_empty'),
    thresholdsReached: count('threshold_reached'),
    topEmptySearches: topEmptySearches.map((row) => ({
      query: row.subject ?? '',
      count: Number(row.count),
    })),
  };
}

/** Every widget event of the shop, for tests and exports. */
export function listWidgetEvents(db: Db, shopId: string) {
  return db
    .selectFrom('widget_events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('created_at')
    .execute();
}
