import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { OutgoingEmail } from '../email/mailer.js';
import type { RenderedEmail } from '../email/render.js';
import { addressCapHooks } from '../worker/address-cap.js';
import type { Database } from '../storage/database.js';
import { suppressedEmails } from '../storage/emails.store.js';
import { claimForSending, configUnchanged, notSuppressed } from '../storage/jobs.store.js';
import {
  findLifecycleOrders,
  latestOrderTimes,
  type LifecycleOrder,
} from '../storage/lifecycle-orders.store.js';
import type { Shop } from '../storage/shop.store.js';
import { outgoingEmail, recordSentEmails, type EmailKindSettings } from '../worker/email-kinds.js';
import { deliverEmail } from '../worker/deliver-email.js';
import type { JobKindHandler } from '../worker/job-kind.js';
import { outsideQuietHours } from '../worker/timing.js';
import { marketingInput, renderMarketingEmail, type MarketingFlow } from './render-marketing.js';

/** A rendered marketing email and what its claim checks again. */
export interface MarketingPayload {
  email: OutgoingEmail;
  rendered: RenderedEmail;
  to: string;
  emailHash: string;
  configVersion: number;
  /** The order it follows (the win-back stops if a later one exists). */
  orderedAt: string;
  /** Decided under the review request's soft opt-in: the order's consent is not required. */
  softOptIn: boolean;
}

interface MarketingFacts {
  orders: Map<string, LifecycleOrder>;
  suppressed: Set<string>;
  latestOrder: Map<string, number>;
  /** Addresses this batch already decided to email: a second one waits for the cap. */
  deciding: Set<string>;
}

/** The flow's settings when it is on. */
function flowSettings(shop: Shop, flow: MarketingFlow) {
  const lifecycle = shop.config.lifecycle;
  const settings = flow === 'win-back' ? lifecycle?.winBack : lifecycle?.reviewRequest;
  return settings?.enabled ? settings : undefined;
}

/** The review request goes without consent too when the merchant chose the soft opt-in. */
function softOptIn(flow: MarketingFlow, shop: Shop): boolean {
  return flow === 'review-request' && shop.config.lifecycle?.reviewRequest?.softOptIn === true;
}

/**
 * The claim's condition: consent (unless the soft opt-in was on when decided: the config version
 * check below holds it), not suppressed, same config; a win-back: no later order.
 */
function stillWanted(
  eb: ExpressionBuilder<Database, 'recovery_jobs'>,
  flow: MarketingFlow,
  shopId: string,
  orderId: string,
  payload: MarketingPayload,
): Expression<SqlBool> {
  const order = eb
    .selectFrom('lifecycle_orders')
    .select(sql.lit(1).as('one'))
    .where('lifecycle_orders.id', '=', orderId)
    .where('lifecycle_orders.shop_id', '=', shopId);
  const conditions: Expression<SqlBool>[] = [
    eb.exists(
      payload.softOptIn
        ? order.where('lifecycle_orders.marketing_consent', '>=', 0)
        : order.where('lifecycle_orders.marketing_consent', '=', 1),
    ),
    notSuppressed(eb, shopId, payload.emailHash),
    configUnchanged(eb, shopId, payload.configVersion),
  ];
  if (flow === 'win-back') {
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('lifecycle_orders as later')
            .select(sql.lit(1).as('one'))
            .where('later.shop_id', '=', shopId)
            .where('later.email_hash', '=', payload.emailHash)
            .where('later.ordered_at', '>', payload.orderedAt),
        ),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('verified_orders')
            .select(sql.lit(1).as('one'))
            .where('verified_orders.shop_id', '=', shopId)
            .where('verified_orders.email_hash', '=', payload.emailHash)
            .where('verified_orders.created_at', '>', payload.orderedAt),
        ),
      ),
    );
  }
  return eb.and(conditions);
}

/**
 * The marketing emails after an order: the win-back (N days after the address's last order, no
 * new order since) and the review request (days after the latest estimated delivery). Only with
 * the shopper's marketing consent (the review request also without, under the shop's soft opt-in); the shop's suppression list (one-click unsubscribe stops every
 * marketing email of the shop), quiet hours and the per-address frequency cap shared with the
 * recovery emails (`recovery_address_caps`, reserved atomically) apply; the last-moment claim
 * re-checks consent, suppression, config and, for the win-back, that no later order exists.
 */
export function marketingLifecycleKind(
  flow: MarketingFlow,
  settings: EmailKindSettings,
): JobKindHandler<MarketingFacts, MarketingPayload> {
  const cap = addressCapHooks(settings.frequencyCapMs);
  return {
    kind: flow,
    async load(db, shop, jobs) {
      const orders = await findLifecycleOrders(
        db,
        shop.id,
        jobs.map((job) => job.subjectId),
      );
      const hashes = [...new Set(jobs.map((job) => job.emailHash))];
      return {
        orders: new Map(orders.map((order) => [order.id, order])),
        suppressed: await suppressedEmails(db, shop.id, hashes),
        latestOrder: flow === 'win-back' ? await latestOrderTimes(db, shop.id, hashes) : new Map(),
        deciding: new Set(),
      };
    },
    decide(job, shop, facts, now) {
      if (!shop) return { action: 'cancel', reason: 'shop-deleted' };
      const order = facts?.orders.get(job.subjectId);
      if (!order) return { action: 'cancel', reason: 'order-erased' };
      const flowConfig = flowSettings(shop, flow);
      if (!flowConfig) return { action: 'cancel', reason: `${flow}-disabled` };
      if (!order.marketingConsent && (order.marketingRefused || !softOptIn(flow, shop)))
        return { action: 'cancel', reason: 'no-consent' };
      if (facts?.suppressed.has(order.emailHash))
        return { action: 'cancel', reason: 'unsubscribed' };
      const latest = facts?.latestOrder.get(order.emailHash);
      if (flow === 'win-back' && latest !== undefined && latest > Date.parse(order.orderedAt))
        return { action: 'cancel', reason: 'new-order' };
      const { config } = shop;
      const allowed = outsideQuietHours(now, config.recovery.quietHours, config.calendar.timeZone);
      if (allowed.getTime() > now.getTime())
        return { action: 'defer', until: allowed, reason: 'quiet-hours' };
      if (facts?.deciding.has(order.emailHash))
        return {
          action: 'defer',
          until: new Date(now.getTime() + settings.frequencyCapMs),
          reason: 'frequency-cap',
        };
      facts?.deciding.add(order.emailHash);
      const unsubscribeUrl = `${settings.publicUrl}/u/${job.token}`;
      // Every link goes through /r/:token (the shop) or /r/:token/:line (a product page), which
      // records the click and redirects.
      const rendered = renderMarketingEmail(
        marketingInput(flow, config, order, {
          unsubscribeUrl,
          shopLink: `${settings.publicUrl}/r/${job.token}`,
          lineLink: (index) => `${settings.publicUrl}/r/${job.token}/${index}`,
        }),
      );
      return {
        action: 'send',
        payload: {
          email: outgoingEmail(settings, config, job, order.email, rendered, unsubscribeUrl),
          rendered,
          to: order.email,
          emailHash: order.emailHash,
          configVersion: shop.configVersion,
          orderedAt: order.orderedAt,
          softOptIn: softOptIn(flow, shop),
        },
      };
    },
    reserve: cap.reserve,
    release: cap.release,
    claim(db, job, payload) {
      return claimForSending(db, job, (eb) =>
        stillWanted(eb, flow, job.shopId, job.subjectId, payload),
      );
    },
    deliver(payload, claim) {
      return deliverEmail(settings.mailer, payload.email, claim);
    },
    async record(trx, delivered) {
      cap.forget(delivered.map(({ job }) => job.id));
      await recordSentEmails(trx, settings, delivered);
    },
  };
}
