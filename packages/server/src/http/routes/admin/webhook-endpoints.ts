import { Hono } from 'hono';
import { z } from 'zod';
import {
  WebhookAttemptResult,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointInput,
  WebhookEndpoints,
  WebhookEventType,
} from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError, NotFoundError } from '../../errors.js';
import { generateId } from '../../../storage/keys.js';
import { jsonBody } from '../../middleware/json-body.js';
import { sealSecret } from '../../../storage/secret-box.js';
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  insertMessage,
  listAttempts,
  listEndpoints,
  updateEndpoint,
  type StoredEndpoint,
} from '../../../storage/webhook.store.js';
import {
  attemptMessage,
  endpointSecretContext,
  type MessageAttempt,
} from '../../../webhooks/attempt.js';
import { newEndpointSecret } from '../../../webhooks/deliver.js';
import { sampleEvent } from '../../../webhooks/samples.js';
import { describeAdminRoutes } from '../openapi.js';

const LOG_LINES = 100;

const TestEventInput = z.strictObject({ type: WebhookEventType.optional() });

function toPublic(endpoint: StoredEndpoint): WebhookEndpoint {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failureStreak: endpoint.failureStreak,
    createdAt: endpoint.createdAt,
  };
}

/**
 * Plain `http:` endpoints only when `COMPTOIR_ALLOW_HTTP_WEBHOOKS=1` (local development and
 * tests): events carry shoppers' addresses, so they travel over TLS.
 */
function checkUrl(url: string): void {
  if (url.startsWith('https://')) return;
  if (process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS === '1') return;
  throw new ApiError(400, 'insecure_url', 'url: the endpoint must be https://', [
    { path: ['url'], message: 'must be https://' },
  ]);
}

function answer(result: MessageAttempt, messageId: string) {
  if (result.status === 'gone') throw new NotFoundError('Message');
  if (result.status === 'disabled') throw new NotFoundError('Message');
  return { messageId, ok: result.ok, statusCode: result.statusCode, error: result.error };
}

/**
 * The event webhooks' endpoints (`/v1/admin/webhook-endpoints`): list them with the delivery log,
 * add one (its `whsec_…` secret is answered once), edit, switch on again, delete; send a test
 * event to one now; send a logged message again.
 */
export const adminWebhookEndpoints = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps');
    const shop = c.get('shop');
    return c.json({
      endpoints: (await listEndpoints(db, shop.id)).map(toPublic),
      attempts: await listAttempts(db, shop.id, LOG_LINES),
    });
  })
  .post('/', jsonBody(WebhookEndpointInput), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const input = c.req.valid('json');
    checkUrl(input.url);
    const id = generateId('whe');
    const secret = newEndpointSecret();
    const secretSealed = await sealSecret(db, secret, endpointSecretContext(shop.id, id));
    await insertEndpoint(
      db,
      shop.id,
      {
        id,
        secretSealed,
        url: input.url,
        description: input.description ?? null,
        events: [...new Set(input.events)],
        enabled: input.enabled !== false,
      },
      clock(),
    );
    const created = (await findEndpoint(db, shop.id, id)) as StoredEndpoint;
    return c.json({ ...toPublic(created), secret }, 201);
  })
  .put('/:endpoint', jsonBody(WebhookEndpointInput), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const input = c.req.valid('json');
    checkUrl(input.url);
    const id = c.req.param('endpoint');
    const updated = await updateEndpoint(
      db,
      shop.id,
      id,
      {
        url: input.url,
        description: input.description ?? null,
        events: [...new Set(input.events)],
        enabled: input.enabled !== false,
      },
      clock(),
    );
    if (!updated) throw new NotFoundError('Endpoint');
    return c.json(toPublic((await findEndpoint(db, shop.id, id)) as StoredEndpoint));
  })
  .delete('/:endpoint', async (c) => {
    const { db } = c.get('deps');
    if (!(await deleteEndpoint(db, c.get('shop').id, c.req.param('endpoint'))))
      throw new NotFoundError('Endpoint');
    return c.body(null, 204);
  })
  .post('/:endpoint/test', jsonBody(TestEventInput), async (c) => {
    const { db, clock } = c.get('deps');
    const shop = c.get('shop');
    const endpoint = await findEndpoint(db, shop.id, c.req.param('endpoint'));
    if (!endpoint) throw new NotFoundError('Endpoint');
    const now = clock();
    const type = c.req.valid('json').type ?? endpoint.events[0] ?? 'cart.captured';
    const messageId = generateId('msg');
    await insertMessage(
      db,
      shop.id,
      {
        id: messageId,
        endpointId: endpoint.id,
        type,
        body: JSON.stringify(sampleEvent(type, shop.id, now)),
        eventKey: `test:${messageId}`,
      },
      now,
    );
    return c.json(
      answer(await attemptMessage(db, shop.id, messageId, now, { force: true }), messageId),
    );
  })
  .post('/messages/:message/resend', async (c) => {
    const { db, clock } = c.get('deps');
    const messageId = c.req.param('message');
    return c.json(
      answer(
        await attemptMessage(db, c.get('shop').id, messageId, clock(), { force: true }),
        messageId,
      ),
    );
  });

describeAdminRoutes(adminWebhookEndpoints, {
  'GET /': {
    summary: 'The event webhook endpoints and the latest delivery attempts',
    status: 200,
    answer: WebhookEndpoints,
  },
  'POST /': {
    summary: 'Adds an endpoint; answers its whsec_… secret, once',
    description: 'https:// only (http:// when COMPTOIR_ALLOW_HTTP_WEBHOOKS=1).',
    status: 201,
    answer: WebhookEndpointCreated,
  },
  'PUT /:endpoint': {
    summary: 'Edits an endpoint; enabled: true switches it on again and clears its failures',
    status: 200,
    answer: WebhookEndpoint,
  },
  'DELETE /:endpoint': {
    summary: 'Deletes an endpoint and its messages',
    status: 204,
    answer: 'empty',
  },
  'POST /:endpoint/test': {
    summary: 'Sends a sample event (test: true) to the endpoint now and answers how it went',
    status: 200,
    answer: WebhookAttemptResult,
  },
  'POST /messages/:message/resend': {
    summary: 'Sends a logged message again now, with the same webhook-id',
    status: 200,
    answer: WebhookAttemptResult,
  },
});
