import type { WebhookAttempt, WebhookEventType } from '@comptoir/sdk';
import { sql } from 'kysely';
import type { Db } from './database.js';
import { prepared } from './prepared.js';
import type { WebhookEndpointRow, WebhookMessageRow } from './webhook.table.js';
import './webhook.table.js';

/** A webhook endpoint as the code sees it (the secret still sealed). */
export interface StoredEndpoint {
  id: string;
  shopId: string;
  url: string;
  description: string | null;
  secretSealed: string;
  events: WebhookEventType[];
  enabled: boolean;
  failureStreak: number;
  disabledReason: string | null;
  createdAt: string;
}

function toEndpoint(row: WebhookEndpointRow): StoredEndpoint {
  return {
    id: row.id,
    shopId: row.shop_id,
    url: row.url,
    description: row.description,
    secretSealed: row.secret_sealed,
    events: JSON.parse(row.events) as WebhookEventType[],
    enabled: Number(row.enabled) === 1,
    failureStreak: Number(row.failure_streak),
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
  };
}

// Every cart capture with an email asks (cart.captured): compiled once (see prepared.ts).
const selectEndpoints = prepared((db, p: { shopId: string }) =>
  db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('shop_id', '=', p.shopId)
    .orderBy('created_at')
    .orderBy('id'),
);

/** The shop's endpoints, oldest first. */
export async function listEndpoints(db: Db, shopId: string): Promise<StoredEndpoint[]> {
  return (await selectEndpoints.rows(db, { shopId })).map(toEndpoint);
}

/** One of the shop's endpoints. */
export async function findEndpoint(
  db: Db,
  shopId: string,
  endpointId: string,
): Promise<StoredEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .executeTakeFirst();
  return row && toEndpoint(row);
}

/** What creating or editing an endpoint writes. */
export interface EndpointFields {
  url: string;
  description: string | null;
  events: WebhookEventType[];
  enabled: boolean;
}

/** Adds an endpoint. */
export async function insertEndpoint(
  db: Db,
  shopId: string,
  endpoint: EndpointFields & { id: string; secretSealed: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: endpoint.id,
      shop_id: shopId,
      url: endpoint.url,
      description: endpoint.description,
      secret_sealed: endpoint.secretSealed,
      events: JSON.stringify(endpoint.events),
      enabled: endpoint.enabled ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
}

/** Edits an endpoint; switching it on again clears its failures. Answers whether it exists. */
export async function updateEndpoint(
  db: Db,
  shopId: string,
  endpointId: string,
  fields: EndpointFields,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({
      url: fields.url,
      description: fields.description,
      events: JSON.stringify(fields.events),
      enabled: fields.enabled ? 1 : 0,
      ...(fields.enabled ? { failure_streak: 0, disabled_reason: null } : {}),
      updated_at: now.toISOString(),
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes an endpoint with its messages. Answers whether it existed. */
export async function deleteEndpoint(db: Db, shopId: string, endpointId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A delivery to the endpoint succeeded: its failure streak starts again from zero. */
export async function resetFailureStreak(
  db: Db,
  shopId: string,
  endpointId: string,
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failure_streak: 0 })
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .where('failure_streak', '>', 0)
    .execute();
}

/**
 * A delivery failed: one more in the streak, and the endpoint switched off (with `reason`) when
 * the streak reaches `limit`. Answers whether this failure switched it off.
 */
export async function recordFailure(
  db: Db,
  shopId: string,
  endpointId: string,
  limit: number,
  reason: string,
): Promise<boolean> {
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({ failure_streak: eb('failure_streak', '+', 1) }))
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .execute();
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: reason })
    .where('shop_id', '=', shopId)
    .where('id', '=', endpointId)
    .where('enabled', '=', 1)
    .where('failure_streak', '>=', limit)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A message to insert. */
export interface NewMessage {
  id: string;
  endpointId: string;
  type: WebhookEventType;
  body: string;
  eventKey: string;
}

/** Queues one event for one endpoint once: answers false when that event was queued before. */
export async function insertMessage(
  db: Db,
  shopId: string,
  message: NewMessage,
  now: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('webhook_messages')
    .values({
      id: message.id,
      shop_id: shopId,
      endpoint_id: message.endpointId,
      type: message.type,
      body: message.body,
      event_key: message.eventKey,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * GDPR erasure: each address leaves every stored message of the shop, queued or delivered (the
 * events stay, with `"email": null`), so a retry after the erasure no longer carries it. Answers
 * how many messages changed.
 */
export async function eraseAddressFromMessages(
  db: Db,
  shopId: string,
  addresses: readonly string[],
): Promise<number> {
  let changed = 0;
  for (const address of new Set(addresses)) {
    const needle = `"email":${JSON.stringify(address)}`;
    const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows = await db
      .selectFrom('webhook_messages')
      .select(['id', 'body'])
      .where('shop_id', '=', shopId)
      .where(sql<boolean>`body like ${pattern} escape '\\'`)
      .execute();
    for (const row of rows) {
      await db
        .updateTable('webhook_messages')
        .set({ body: row.body.split(needle).join('"email":null') })
        .where('shop_id', '=', shopId)
        .where('id', '=', row.id)
        .execute();
    }
    changed += rows.length;
  }
  return changed;
}

/** One of the shop's messages. */
export async function findMessage(
  db: Db,
  shopId: string,
  messageId: string,
): Promise<WebhookMessageRow | undefined> {
  return db
    .selectFrom('webhook_messages')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', messageId)
    .executeTakeFirst();
}

/** Adds a line to the delivery log. */
export async function insertAttempt(
  db: Db,
  shopId: string,
  attempt: WebhookAttempt & { id: string },
): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      id: attempt.id,
      shop_id: shopId,
      message_id: attempt.messageId,
      endpoint_id: attempt.endpointId,
      type: attempt.type,
      attempt: attempt.attempt,
      status_code: attempt.statusCode,
      ok: attempt.ok ? 1 : 0,
      error: attempt.error,
      at: attempt.at,
    })
    .execute();
}

/** How many attempts a message has had. */
export async function countAttempts(db: Db, shopId: string, messageId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shop_id', '=', shopId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The shop's latest delivery attempts, newest first. */
export async function listAttempts(
  db: Db,
  shopId: string,
  limit: number,
): Promise<WebhookAttempt[]> {
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('at', 'desc')
    .orderBy('attempt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    messageId: row.message_id,
    endpointId: row.endpoint_id,
    type: row.type,
    attempt: row.attempt,
    statusCode: row.status_code,
    ok: Number(row.ok) === 1,
    error: row.error,
    at: row.at,
  }));
}
