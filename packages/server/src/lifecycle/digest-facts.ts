import type { ShopConfig } from '@comptoir/sdk';
import { addDays, lastOrderDate, wallTimeToInstant } from '@comptoir/sdk/calendar';
import { derivePublishedConfig } from '../published-config/derive.js';
import { cartFactsInRange } from '../storage/cart.store.js';
import type { Db } from '../storage/database.js';
import { widgetEventCounts } from '../storage/widget-event.store.js';

/** One week's recovery figures. */
export interface WeekFigures {
  cartsCaptured: number;
  cartsWithEmail: number;
  cartsRecovered: number;
  /** Recovered carts over carts with an email (0 when none). */
  recoveryRate: number;
  /** In minor units of the shop's currency. */
  recoveredRevenue: number;
}

/** What the weekly digest says. */
export interface DigestFacts {
  /** The week reported: `from` inclusive to `to` exclusive, shop-time dates. */
  from: string;
  to: string;
  week: WeekFigures;
  previousWeek: WeekFigures;
  faqSearchesEmpty: number;
  topEmptySearches: { query: string; count: number }[];
  bounced: number;
  unsubscribed: number;
  /** Order webhooks refused (bad signature, malformed, not configured). */
  webhookFailures: number;
  /** Event webhooks (outgoing) with at least one failed delivery attempt that week. */
  eventWebhookFailures: number;
  /** Absences starting in the next 21 days. */
  absences: { start: string; end: string }[];
  /** Holiday last-order moments in the next 21 days (one per event, the latest over methods). */
  lastOrders: { event: string; orderBy: Date; deliverBy: string }[];
}

async function weekFigures(
  db: Db,
  shopId: string,
  currency: string,
  from: Date,
  to: Date,
): Promise<WeekFigures> {
  const carts = await cartFactsInRange(db, shopId, from.toISOString(), to.toISOString());
  const withEmail = carts.filter((cart) => cart.email !== null).length;
  const recovered = carts.filter((cart) => cart.status === 'recovered');
  return {
    cartsCaptured: carts.length,
    cartsWithEmail: withEmail,
    cartsRecovered: recovered.length,
    recoveryRate: withEmail === 0 ? 0 : recovered.length / withEmail,
    recoveredRevenue: recovered
      .filter((cart) => (cart.order_currency ?? currency) === currency)
      .reduce((sum, cart) => sum + Number(cart.order_total ?? 0), 0),
  };
}

/**
 * Reads one digest's facts: the seven shop-time days before `sendDate` against the seven before
 * them (carts by capture day), that week's FAQ searches that found nothing, bounces and
 * unsubscribes, refused order webhooks and failed event-webhook deliveries, and what comes in the 21 days from `sendDate`.
 */
export async function digestFacts(
  db: Db,
  shopId: string,
  config: ShopConfig,
  sendDate: string,
  now: Date,
): Promise<DigestFacts> {
  const zone = config.calendar.timeZone;
  const midnight = (date: string) => wallTimeToInstant(date, '00:00', zone);
  const from = addDays(sendDate, -7);
  const [start, end, previousStart] = [
    midnight(from),
    midnight(sendDate),
    midnight(addDays(sendDate, -14)),
  ];
  const events = await widgetEventCounts(db, shopId, start.toISOString(), end.toISOString(), 5);
  const suppressions = await db
    .selectFrom('recovery_suppressions')
    .select(['reason', (eb) => eb.fn.countAll<number>().as('count')])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', start.toISOString())
    .where('created_at', '<', end.toISOString())
    .groupBy('reason')
    .execute();
  const failures = await db
    .selectFrom('order_webhook_log')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('outcome', 'in', ['bad_signature', 'malformed', 'not_configured'])
    .where('received_at', '>=', start.toISOString())
    .where('received_at', '<', end.toISOString())
    .executeTakeFirstOrThrow();
  const outgoing = await db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.count<number>('message_id').distinct().as('count'))
    .where('shop_id', '=', shopId)
    .where('ok', '=', 0)
    .where('at', '>=', start.toISOString())
    .where('at', '<', end.toISOString())
    .executeTakeFirstOrThrow();
  const horizon = addDays(sendDate, 21);
  const { calendar } = derivePublishedConfig({ id: 'digest', configVersion: 0 }, config, now);
  const lastOrders: DigestFacts['lastOrders'] = [];
  for (const event of config.holidayEvents) {
    const methods = event.methodIds ?? calendar.methods.map((method) => method.id);
    const moments = methods
      .filter((id) => calendar.methods.some((method) => method.id === id))
      .map((id) => lastOrderDate(calendar, id, event.deliverBy, now)?.orderBy)
      .filter((moment): moment is Date => moment !== undefined)
      .filter((moment) => moment.getTime() < midnight(horizon).getTime());
    const latest = moments.sort((a, b) => b.getTime() - a.getTime())[0];
    const name =
      typeof event.name === 'string' ? event.name : (Object.values(event.name)[0] ?? event.id);
    if (latest)
      lastOrders.push({ event: String(name), orderBy: latest, deliverBy: event.deliverBy });
  }
  const count = (reason: string) =>
    Number(suppressions.find((row) => row.reason === reason)?.count ?? 0);
  return {
    from,
    to: sendDate,
    week: await weekFigures(db, shopId, config.currency, start, end),
    previousWeek: await weekFigures(db, shopId, config.currency, previousStart, start),
    faqSearchesEmpty: events.faqSearchesEmpty,
    topEmptySearches: events.topEmptySearches,
    bounced: count('bounced'),
    unsubscribed: count('unsubscribed'),
    webhookFailures: Number(failures.count),
    eventWebhookFailures: Number(outgoing.count),
    absences: config.calendar.absences
      .filter((absence) => absence.start >= sendDate && absence.start < horizon)
      .map(({ start: first, end: last }) => ({ start: first, end: last })),
    lastOrders: lastOrders.sort((a, b) => a.orderBy.getTime() - b.orderBy.getTime()),
  };
}
