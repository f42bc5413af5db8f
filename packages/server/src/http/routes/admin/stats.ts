import { Hono } from 'hono';
import { ShopStats } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { addDays, localDateOf } from './local-time.js';
import { queryParams } from '../../middleware/json-body.js';
import { cartFactsInRange } from '../../../storage/cart.store.js';
import { verifiedSourcesOf } from '../../../storage/order-webhook.store.js';
import { listEndpoints } from '../../../storage/webhook.store.js';
import { countClicks, countEmailsSent } from '../../../storage/emails.store.js';
import { lifecycleFlowStats } from '../../../lifecycle/flow-stats.js';
import { widgetEventCounts } from '../../../storage/widget-event.store.js';
import { DateRangeQuery, resolveDayRange } from './range.js';
import { describeAdminRoutes } from '../openapi.js';

/**
 * `GET /v1/admin/stats?from=&to=`: carts captured, with email, converted and recovered, recovered
 * revenue, FAQ use and the recovery emails' counts, per range and per day. Carts count on the
 * day they were captured, in the shop's time zone.
 */
export const adminStats = new Hono<AppEnv>().get('/', queryParams(DateRangeQuery), async (c) => {
  const { db, clock } = c.get('deps');
  const shop = c.get('shop');
  const timeZone = shop.config.calendar.timeZone;
  const range = resolveDayRange(c.req.valid('query'), clock(), timeZone);
  const carts = await cartFactsInRange(db, shop.id, range.fromInstant, range.toInstant);
  const events = await widgetEventCounts(db, shop.id, range.fromInstant, range.toInstant);
  const verifiedSources = await verifiedSourcesOf(db, shop.id);
  // Once the shop has a verified source, a storefront report (anyone can send one with the
  // publishable key, with any total) still stops emails but no longer counts as revenue.
  const revenueSource = verifiedSources.length > 0 ? 'verified' : 'storefront';

  const daily = new Map<string, ShopStats['daily'][number]>();
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    daily.set(day, { date: day, captured: 0, recovered: 0, recoveredRevenue: 0 });
  }
  const revenue = new Map<string, number>();
  const stats: ShopStats = {
    from: range.from,
    to: range.to,
    cartsCaptured: carts.length,
    cartsWithEmail: 0,
    cartsConverted: 0,
    cartsRecovered: 0,
    recoveredRevenue: [],
    revenueSource,
    verifiedSources,
    endpointsSwitchedOff: (await listEndpoints(db, shop.id))
      .filter((endpoint) => !endpoint.enabled && endpoint.disabledReason !== null)
      .map((endpoint) => ({
        id: endpoint.id,
        url: endpoint.url,
        reason: endpoint.disabledReason as string,
      })),
    emailsSent: await countEmailsSent(db, shop.id, range.fromInstant, range.toInstant),
    emailsClicked: await countClicks(db, shop.id, range.fromInstant, range.toInstant),
    faqOpened: events.faqOpened,
    faqSearchesEmpty: events.faqSearchesEmpty,
    topEmptySearches: events.topEmptySearches,
    lifecycle: await lifecycleFlowStats(db, shop.id, range.fromInstant, range.toInstant),
    daily: [],
  };
  for (const cart of carts) {
    const day = daily.get(localDateOf(new Date(cart.created_at), timeZone));
    if (day) day.captured++;
    if (cart.email !== null) stats.cartsWithEmail++;
    if (cart.status !== 'open') stats.cartsConverted++;
    if (cart.status === 'recovered') {
      stats.cartsRecovered++;
      if (day) day.recovered++;
      if (revenueSource === 'verified' && Number(cart.order_verified) !== 1) continue;
      const currency = cart.order_currency ?? shop.config.currency;
      const amount = cart.order_total ?? 0;
      revenue.set(currency, (revenue.get(currency) ?? 0) + amount);
      if (day && currency === shop.config.currency) day.recoveredRevenue += amount;
    }
  }
  stats.recoveredRevenue = [...revenue].map(([currency, amount]) => ({ currency, amount }));
  stats.daily = [...daily.values()];
  return c.json(stats);
});

describeAdminRoutes(adminStats, {
  'GET /': {
    summary: 'Counts over a range of days',
    status: 200,
    answer: ShopStats,
  },
});
