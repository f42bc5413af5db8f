import { Hono, type Context } from 'hono';
import { OrderWebhookReceipt } from '@comptoir/sdk';
import { toDecimalString } from '@comptoir/sdk/money';
import {
  recordLifecycleOrder,
  type RecordedLifecycleOrder,
} from '../../../lifecycle/record-lifecycle-order.js';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors.js';
import { generateId } from '../../../storage/keys.js';
import { enforceLimit } from '../../middleware/rate-limit.js';
import {
  isMalformedOrderError,
  parseShopifyOrder,
  parseWooCommerceOrder,
  type PlatformOrder,
} from '../../../orders/platform-orders.js';
import { recordVerifiedOrder, type RecordedOrder } from '../../../orders/record-order.js';
import { base64HmacMatches, bodyDigest } from '../../../orders/signatures.js';
import { openSecret } from '../../../storage/secret-box.js';
import {
  findOrderSource,
  insertWebhookLog,
  markOrderReceived,
  type WebhookLogEntry,
} from '../../../storage/order-webhook.store.js';
import type { OrderPlatform } from '../../../storage/order-webhook.table.js';
import type { Shop } from '../../../storage/shop.store.js';
import type { PlatformShipping } from '../../../orders/platform-shipping.js';
import { describeRoutes } from '../openapi.js';

/** How one platform signs, names and shapes its order deliveries. */
interface PlatformRules {
  platform: OrderPlatform;
  signatureHeader: string;
  /** The delivery's id, the same on the platform's own retries. */
  deliveryId(c: Context<AppEnv>): string | undefined;
  /** What makes a second copy a replay: the delivery id (and, for WooCommerce, the body). */
  dedupeKey(deliveryId: string, rawBody: Uint8Array): string;
  topicHeader: string;
  orderTopics: readonly string[];
  parse(rawBody: string): PlatformOrder;
}

const shopify: PlatformRules = {
  platform: 'shopify',
  signatureHeader: 'x-shopify-hmac-sha256',
  // X-Shopify-Webhook-Id names one delivery and stays the same when Shopify retries it.
  deliveryId: (c) => c.req.header('x-shopify-webhook-id') ?? c.req.header('x-shopify-event-id'),
  dedupeKey: (deliveryId) => deliveryId,
  topicHeader: 'x-shopify-topic',
  orderTopics: ['orders/create', 'orders/paid'],
  parse: parseShopifyOrder,
};

const wooCommerce: PlatformRules = {
  platform: 'woocommerce',
  signatureHeader: 'x-wc-webhook-signature',
  deliveryId: (c) => c.req.header('x-wc-webhook-delivery-id'),
  // WooCommerce's delivery id is wp_hash(webhook id . current second): two real deliveries in the
  // same second share it, so the body's digest is part of the key.
  dedupeKey: (deliveryId, rawBody) => `${deliveryId}:${bodyDigest(rawBody)}`,
  topicHeader: 'x-wc-webhook-topic',
  orderTopics: ['order.created', 'order.updated'],
  parse: parseWooCommerceOrder,
};

/**
 * The order's shipping with the shop's calendar method its shipping lines name (by id or name,
 * ignoring case), else none: the calendar's first method, as for a backend order without one.
 */
function withCalendarMethod(shop: Shop, platform: PlatformShipping): PlatformShipping['shipping'] {
  const names = platform.shippingLines.map((line) => line.toLowerCase());
  const method = shop.config.calendar.methods.find(
    (m) => names.includes(m.id.toLowerCase()) || names.includes(m.name.toLowerCase()),
  );
  return method ? { ...platform.shipping, methodId: method.id } : platform.shipping;
}

/** A delivery refused: answered with its status and written to the log, nothing else recorded. */
class RefusedDelivery extends ApiError {}

/** Thrown inside the order's transaction when its replay key exists: rolls the order back. */
class ReplayedDelivery extends Error {}

const WOOCOMMERCE_PING = /^webhook_id=\d+$/;

/** The emails after the order it scheduled, for the delivery log. */
function describeLifecycle(lifecycle: RecordedLifecycleOrder | undefined): string {
  if (!lifecycle) return '';
  const scheduled = [
    lifecycle.confirmationScheduled && 'order confirmation',
    lifecycle.winBackAt && 'win-back',
    lifecycle.reviewRequestAt && 'review request',
  ].filter(Boolean);
  return scheduled.length > 0 ? `; scheduled: ${scheduled.join(', ')}` : '';
}

function describe(order: PlatformOrder, recorded: RecordedOrder): string {
  const amount = `${toDecimalString(order.total, order.currency)} ${order.currency}`;
  if (!recorded.counted) return `Order ${order.orderId} was counted before; nothing changed`;
  const match =
    recorded.matchedBy === null
      ? 'no captured cart matched'
      : recorded.matchedBy === 'email'
        ? 'cart matched by email'
        : 'cart matched by cart token';
  const stopped =
    recorded.emailsStopped === 1
      ? '1 recovery email stopped'
      : `${recorded.emailsStopped} recovery emails stopped`;
  const revenue = recorded.recovered ? `, ${amount} counted as recovered` : `, ${amount}`;
  return `Order ${order.orderId}: ${match}, ${stopped}${revenue}`;
}

async function receive(c: Context<AppEnv>, rules: PlatformRules): Promise<Response> {
  const { db, clock, shops, rateLimits, logger } = c.get('deps');
  const now = clock();
  const shop: Shop | undefined = await shops.get(c.req.param('shop') ?? '');
  if (!shop) {
    logger.warn({ platform: rules.platform }, 'order webhook for an unknown shop');
    throw new ApiError(404, 'unknown_shop', 'No shop has this id: check the URL you pasted');
  }
  enforceLimit(c, `shop:${shop.id}`, rateLimits.shop);
  const rawBody = new Uint8Array(await c.req.arrayBuffer());
  const topic = c.req.header(rules.topicHeader) ?? null;
  const deliveryId = rules.deliveryId(c)?.slice(0, 128) ?? null;
  const line = (entry: Partial<WebhookLogEntry>): WebhookLogEntry => ({
    id: generateId('whl'),
    platform: rules.platform,
    topic,
    deliveryId,
    dedupeKey: null,
    outcome: 'accepted',
    status: 200,
    message: '',
    orderId: null,
    cartId: null,
    receivedAt: now.toISOString(),
    ...entry,
  });
  const refuse = async (
    status: 400 | 401 | 404,
    code: string,
    outcome: WebhookLogEntry['outcome'],
    message: string,
  ): Promise<never> => {
    await insertWebhookLog(db, shop.id, line({ outcome, status, message }));
    throw new RefusedDelivery(status, code, message);
  };
  // A replay of a delivery already processed (the platform retrying after a lost answer, or an
  // attacker resending a signed body) changes nothing, but answers 200: platforms count any
  // non-2xx as a failure, and WooCommerce disables a webhook after 5 of them.
  const duplicate = async (message: string): Promise<Response> => {
    await insertWebhookLog(db, shop.id, line({ outcome: 'duplicate', status: 200, message }));
    return c.json({ received: true, duplicate: true } satisfies OrderWebhookReceipt);
  };

  const signature = c.req.header(rules.signatureHeader);
  const text = Buffer.from(rawBody).toString('utf8');
  if (rules.platform === 'woocommerce' && !signature && WOOCOMMERCE_PING.test(text.trim())) {
    // WooCommerce sends this unsigned form body when the webhook is saved and wants a 200.
    await insertWebhookLog(
      db,
      shop.id,
      line({ outcome: 'ping', message: `WooCommerce saved webhook ${text.trim().slice(11)}` }),
    );
    return c.json({ received: true, ping: true });
  }

  const source = await findOrderSource(db, shop.id, rules.platform);
  if (!source) {
    return refuse(
      404,
      'webhook_not_configured',
      'not_configured',
      `No ${rules.platform} signing secret is set for this shop: set it in the config page`,
    );
  }
  if (!signature) {
    return refuse(401, 'missing_signature', 'bad_signature', `No ${rules.signatureHeader} header`);
  }
  const secret = await openSecret(db, source.secretSealed, `${shop.id}:${rules.platform}`);
  if (!base64HmacMatches(secret, rawBody, signature)) {
    return refuse(
      401,
      'invalid_signature',
      'bad_signature',
      `The ${rules.signatureHeader} signature does not match this shop's secret`,
    );
  }
  if (!deliveryId) {
    return refuse(400, 'missing_delivery_id', 'malformed', 'The delivery carries no delivery id');
  }
  const dedupeKey = rules.dedupeKey(deliveryId, rawBody);
  if (!topic || !rules.orderTopics.includes(topic)) {
    const saved = await insertWebhookLog(
      db,
      shop.id,
      line({
        dedupeKey,
        outcome: 'ignored',
        message: `Topic ${topic ?? '(none)'} is not an order this webhook uses`,
      }),
    );
    if (!saved) return duplicate(`Delivery ${deliveryId} was seen before; nothing changed`);
    return c.json({ received: true, ignored: true });
  }

  let order: PlatformOrder;
  try {
    order = rules.parse(text);
  } catch (error) {
    if (!isMalformedOrderError(error)) throw error;
    return refuse(400, 'malformed_order', 'malformed', error.message);
  }

  const outcome = await db
    .transaction()
    .execute(async (trx) => {
      let recorded: RecordedOrder | undefined;
      let lifecycle: RecordedLifecycleOrder | undefined;
      if (order.skipReason === null) {
        recorded = await recordVerifiedOrder(
          trx,
          shop,
          {
            source: rules.platform,
            orderId: order.orderId,
            cartToken: order.cartToken,
            email: order.email,
            total: order.total,
            currency: order.currency,
          },
          { now },
        );
        // After the cart and its jobs (the lock order), as for a backend order with `shipping`.
        if (order.shipping) {
          lifecycle = await recordLifecycleOrder(
            trx,
            shop,
            {
              source: rules.platform,
              orderId: order.orderId,
              shipping: withCalendarMethod(shop, order.shipping),
            },
            now,
          );
        }
      }
      const saved = await insertWebhookLog(
        trx,
        shop.id,
        line({
          dedupeKey,
          outcome: recorded ? 'accepted' : 'ignored',
          message: recorded
            ? describe(order, recorded) + describeLifecycle(lifecycle)
            : `Order ${order.orderId} is ${order.skipReason}: signature verified, nothing counted`,
          orderId: order.orderId,
          cartId: recorded?.cartId ?? null,
        }),
      );
      // The unique replay key decides inside the transaction: a replay rolls everything back.
      if (!saved) throw new ReplayedDelivery();
      await markOrderReceived(trx, shop.id, rules.platform, now);
      return recorded;
    })
    .catch((error: unknown) => {
      if (error instanceof ReplayedDelivery) return 'duplicate' as const;
      throw error;
    });
  if (outcome === 'duplicate') {
    return duplicate(`Delivery ${deliveryId} was seen before; nothing changed`);
  }
  return c.json({
    received: true,
    orderId: order.orderId,
    counted: outcome?.counted ?? false,
    cartId: outcome?.cartId ?? null,
    recovered: outcome?.recovered ?? false,
  });
}

/**
 * `POST /v1/hooks/shopify/:shop` and `POST /v1/hooks/woocommerce/:shop`: order webhooks from
 * the shop's platform, verified with the signing secret set in the config page. A verified order
 * stops the recovery emails of its cart (by Shopify's cart token, else by email) and counts in the
 * verified revenue once; refused deliveries get a 4xx and only a line in the delivery log; a replay gets a 200
 * `{ received: true, duplicate: true }` and only a line in the log.
 */
export const orderWebhooks = new Hono<AppEnv>()
  .post('/shopify/:shop', (c) => receive(c, shopify))
  .post('/woocommerce/:shop', (c) => receive(c, wooCommerce));

const HOOK_DESCRIPTION =
  'Signed by the platform, not by a Comptoir key: the base64 HMAC-SHA256 of the raw body under the ' +
  "shop's signing secret, compared in constant time. 401 for a missing or wrong signature, 404 " +
  'for an unknown shop or one with no secret set for this platform, 400 for a body that is not an ' +
  'order; each gets a line in the delivery log and changes nothing else. A correctly signed ' +
  'delivery seen before (a replay) also changes nothing but answers 200 with `duplicate: true`, ' +
  'since platforms count any other status as a failed delivery.';

describeRoutes(orderWebhooks, {
  'POST /shopify/:shop': {
    summary: 'A Shopify orders/create or orders/paid webhook (X-Shopify-Hmac-Sha256)',
    description: `${HOOK_DESCRIPTION} Replays are found by X-Shopify-Webhook-Id. The cart is found by the order's cart_token, else by its email.`,
    auth: 'none',
    status: 200,
    answer: OrderWebhookReceipt,
    tag: 'public',
  },
  'POST /woocommerce/:shop': {
    summary: 'A WooCommerce order.created or order.updated webhook (X-WC-Webhook-Signature)',
    description: `${HOOK_DESCRIPTION} The unsigned \`webhook_id=…\` ping WooCommerce sends when the webhook is saved gets a 200. Only a paid status (processing, completed) counts; the cart is found by the billing email.`,
    auth: 'none',
    status: 200,
    answer: OrderWebhookReceipt,
    tag: 'public',
  },
});
