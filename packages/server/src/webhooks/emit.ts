import type { WebhookEvent } from '@comptoir/sdk';
import { generateId } from '../storage/keys.js';
import type { Db } from '../storage/database.js';
import { insertMessage, listEndpoints } from '../storage/webhook.store.js';

/** A queued message: what the queue's webhook job delivers. */
export interface QueuedMessage {
  messageId: string;
  endpointId: string;
}

/** Puts a webhook delivery on the durable queue (the `webhook` job kind). */
export type EnqueueDelivery = (
  trx: Db,
  shopId: string,
  message: QueuedMessage,
  now: Date,
) => Promise<void>;

/**
 * Records an event for each of the shop's enabled endpoints that take its type, inside the
 * caller's transaction (the event and what caused it commit together), and queues one delivery
 * each. `eventKey` names the event (`cart.captured:crt_…`): the same key again queues nothing, so
 * a retried request sends no second event. Answers the new messages' ids.
 */
export async function emitWebhookEvent(
  trx: Db,
  shopId: string,
  event: WebhookEvent,
  eventKey: string,
  now: Date,
  enqueue: EnqueueDelivery,
): Promise<string[]> {
  const endpoints = (await listEndpoints(trx, shopId)).filter(
    (endpoint) => endpoint.enabled && endpoint.events.includes(event.type),
  );
  const ids: string[] = [];
  for (const endpoint of endpoints) {
    const messageId = generateId('msg');
    const inserted = await insertMessage(
      trx,
      shopId,
      {
        id: messageId,
        endpointId: endpoint.id,
        type: event.type,
        body: JSON.stringify(event),
        eventKey,
      },
      now,
    );
    if (!inserted) continue;
    await enqueue(trx, shopId, { messageId, endpointId: endpoint.id }, now);
    ids.push(messageId);
  }
  return ids;
}
