import type { Kysely } from 'kysely';
import type { Database, Db } from '../storage/database.js';
import { claimForSending, insertJobs, markJobsDelivered } from '../storage/jobs.store.js';
import { listEndpoints, type StoredEndpoint } from '../storage/webhook.store.js';
import { generateId, generateToken } from '../storage/keys.js';
import type { Decision, DeliveryOutcome, JobKindHandler, QueuedJob } from '../worker/job-kind.js';
import { attemptMessage, RETRY_DELAYS_MS } from './attempt.js';
import type { EnqueueDelivery } from './emit.js';

/** What a webhook job carries in its `content`. */
interface WebhookJobContent {
  endpointId: string;
}

/** What `deliver` needs: the message to send, and where to log it. */
interface WebhookPayload {
  db: Kysely<Database>;
  shopId: string;
  messageId: string;
}

/**
 * Puts one message on the durable queue as a `webhook` job: its subject is the message
 * (`msg_…`, the stable `webhook-id`), so the same message is never queued twice.
 */
export const enqueueWebhookDelivery: EnqueueDelivery = async (trx: Db, shopId, message, now) => {
  const content: WebhookJobContent = { endpointId: message.endpointId };
  await insertJobs(trx, shopId, [
    {
      id: generateId('job'),
      kind: 'webhook',
      subjectId: message.messageId,
      step: 0,
      content: JSON.stringify(content),
      // Webhook jobs go to an endpoint, not to an address: no frequency cap, no suppression.
      emailHash: '',
      runAt: now.toISOString(),
      token: generateToken(),
      createdAt: now.toISOString(),
    },
  ]);
};

/**
 * The `webhook` kind of the durable queue: at-least-once deliveries of event webhooks, each
 * message with its stable `webhook-id`. `decide` drops a message whose endpoint was deleted or
 * switched off; `deliver` signs and POSTs it and logs the attempt (see `attemptMessage`); a
 * failure is retried on Standard Webhooks' schedule ({@link RETRY_DELAYS_MS}, about a day) by the
 * queue, then given up; an endpoint switched off by its failures stops its retries for good.
 */
export function webhookKind(settings: {
  db: Kysely<Database>;
  clock: () => Date;
}): JobKindHandler<Map<string, StoredEndpoint>, WebhookPayload> {
  return {
    kind: 'webhook',
    maxAttempts: RETRY_DELAYS_MS.length + 1,
    retryDelayMs: (attempts) =>
      RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0] ?? 5000,
    async load(db, shop) {
      return new Map((await listEndpoints(db, shop.id)).map((endpoint) => [endpoint.id, endpoint]));
    },
    decide(job: QueuedJob, shop, endpoints): Decision<WebhookPayload> {
      if (!shop) return { action: 'cancel', reason: 'shop-deleted' };
      const { endpointId } = JSON.parse(job.content) as WebhookJobContent;
      const endpoint = endpoints?.get(endpointId);
      if (!endpoint) return { action: 'cancel', reason: 'endpoint-deleted' };
      if (!endpoint.enabled) return { action: 'cancel', reason: 'endpoint-switched-off' };
      return {
        action: 'send',
        payload: { db: settings.db, shopId: job.shopId, messageId: job.subjectId },
      };
    },
    claim(db, job) {
      return claimForSending(db, job);
    },
    async deliver(payload, claim): Promise<DeliveryOutcome> {
      if (!(await claim())) return { status: 'withheld' };
      const result = await attemptMessage(
        payload.db,
        payload.shopId,
        payload.messageId,
        settings.clock(),
      );
      if (result.status !== 'done') {
        return { status: 'failed', permanent: true, message: `endpoint ${result.status}` };
      }
      if (result.ok) return { status: 'delivered' };
      return {
        status: 'failed',
        permanent: result.switchedOff,
        message: result.error ?? `HTTP ${result.statusCode}`,
      };
    },
    async record(trx, delivered) {
      await markJobsDelivered(
        trx,
        delivered.map(({ job }) => job.id),
        delivered.at(-1)?.at.toISOString() ?? new Date().toISOString(),
      );
    },
  };
}
