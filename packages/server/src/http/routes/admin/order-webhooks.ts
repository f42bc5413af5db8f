import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import {
  OrderPlatform,
  OrderWebhookSaved,
  OrderWebhooks,
  OrderWebhookSecretInput,
  type OrderWebhookLogLine,
  type OrderWebhookStatus,
} from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { jsonBody } from '../../middleware/json-body.js';
import { sealSecret } from '../../../storage/secret-box.js';
import {
  deleteOrderSource,
  findOrderSource,
  listOrderSources,
  listWebhookLog,
  saveOrderSource,
  type OrderSource,
} from '../../../storage/order-webhook.store.js';
import { describeAdminRoutes } from '../openapi.js';

const LOG_LINES = 50;

function platformParam(value: string | undefined) {
  const parsed = OrderPlatform.safeParse(value);
  if (!parsed.success) throw new NotFoundError(`Platform ${value ?? ''}`);
  return parsed.data;
}

function statusOf(
  publicUrl: string,
  shopId: string,
  platform: OrderPlatform,
  source: OrderSource | undefined,
): OrderWebhookStatus {
  return {
    platform,
    url: `${publicUrl}/v1/hooks/${platform}/${shopId}`,
    state: !source ? 'off' : source.firstOrderAt ? 'receiving' : 'waiting',
    secretHint: source ? `…${source.secretHint}` : null,
    firstOrderAt: source?.firstOrderAt ?? null,
    lastOrderAt: source?.lastOrderAt ?? null,
  };
}

/**
 * `GET /v1/admin/order-webhooks` (both platforms' URL, state and the delivery log),
 * `PUT /v1/admin/order-webhooks/:platform` (set the signing secret, or have one made: shown once)
 * and `DELETE …/:platform` (switch the webhook off). Secrets are stored encrypted: an HMAC needs
 * the secret itself, so a hash would not do.
 */
export const adminOrderWebhooks = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, publicUrl } = c.get('deps');
    const shop = c.get('shop');
    const sources = await listOrderSources(db, shop.id);
    const log = await listWebhookLog(db, shop.id, LOG_LINES);
    return c.json({
      platforms: OrderPlatform.options.map((platform) =>
        statusOf(
          publicUrl,
          shop.id,
          platform,
          sources.find((source) => source.platform === platform),
        ),
      ),
      log: log.map((row): OrderWebhookLogLine => ({
        receivedAt: row.received_at,
        platform: row.platform,
        topic: row.topic,
        outcome: row.outcome,
        status: row.status,
        message: row.message,
        orderId: row.order_id,
      })),
    });
  })
  .put('/:platform', jsonBody(OrderWebhookSecretInput), async (c) => {
    const { db, clock, publicUrl } = c.get('deps');
    const shop = c.get('shop');
    const platform = platformParam(c.req.param('platform'));
    const given = c.req.valid('json').secret;
    const secret = given ?? randomBytes(24).toString('base64url');
    const sealed = await sealSecret(db, secret, `${shop.id}:${platform}`);
    await saveOrderSource(db, shop.id, platform, { sealed, hint: secret.slice(-4) }, clock());
    const source = await findOrderSource(db, shop.id, platform);
    return c.json({
      ...statusOf(publicUrl, shop.id, platform, source),
      ...(given === undefined ? { secret } : {}),
    });
  })
  .delete('/:platform', async (c) => {
    const { db } = c.get('deps');
    const platform = platformParam(c.req.param('platform'));
    if (!(await deleteOrderSource(db, c.get('shop').id, platform))) {
      throw new NotFoundError(`The ${platform} webhook`);
    }
    return c.body(null, 204);
  });

describeAdminRoutes(adminOrderWebhooks, {
  'GET /': {
    summary: 'The order webhooks: URL to paste, state and the latest deliveries',
    status: 200,
    answer: OrderWebhooks,
  },
  'PUT /:platform': {
    summary: "Sets the platform's signing secret, or makes one (shown once)",
    description:
      'Stored encrypted (AES-256-GCM): an HMAC needs the secret itself, so a hash would not do.',
    status: 200,
    answer: OrderWebhookSaved,
  },
  'DELETE /:platform': {
    summary: 'Switches the platform’s order webhook off',
    status: 204,
    answer: 'empty',
  },
});
