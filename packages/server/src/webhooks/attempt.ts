import type { Kysely } from 'kysely';
import { generateId } from '../storage/keys.js';
import { openSecret } from '../storage/secret-box.js';
import type { Database } from '../storage/database.js';
import {
  countAttempts,
  findEndpoint,
  findMessage,
  insertAttempt,
  recordFailure,
  resetFailureStreak,
} from '../storage/webhook.store.js';
import { postWebhook, type AttemptResult } from './deliver.js';

/** Failed attempts in a row after which an endpoint is switched off (a notice on the overview). */
export const FAILURES_BEFORE_DISABLING = 30;

/**
 * Retry delays after each failed attempt, Standard Webhooks' reference schedule (Svix): 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h — the last attempt about 28 hours after the first.
 */
export const RETRY_DELAYS_MS = [5e3, 3e5, 1.8e6, 7.2e6, 1.8e7, 3.6e7, 3.6e7];

/** The sealed-secret context of an endpoint: a secret moved to another row does not open. */
export function endpointSecretContext(shopId: string, endpointId: string): string {
  return `${shopId}:endpoint:${endpointId}`;
}

/** What became of one attempt at a message. */
export type MessageAttempt =
  | { status: 'gone' }
  | { status: 'disabled' }
  | (AttemptResult & { status: 'done'; attempt: number; switchedOff: boolean });

/**
 * Delivers one stored message once, now: signs it with its endpoint's secret, POSTs it, writes the
 * attempt to the delivery log, and keeps the endpoint's failure streak (switching it off at
 * {@link FAILURES_BEFORE_DISABLING}). `force` sends to a switched-off endpoint too (the config
 * page's "send again"). The queue's `webhook` job kind and the config page's buttons share it.
 */
export async function attemptMessage(
  db: Kysely<Database>,
  shopId: string,
  messageId: string,
  now: Date,
  options: { force?: boolean; failuresBeforeDisabling?: number } = {},
): Promise<MessageAttempt> {
  const message = await findMessage(db, shopId, messageId);
  const endpoint = message && (await findEndpoint(db, shopId, message.endpoint_id));
  if (!message || !endpoint) return { status: 'gone' };
  if (!endpoint.enabled && !options.force) return { status: 'disabled' };
  const secret = await openSecret(
    db,
    endpoint.secretSealed,
    endpointSecretContext(shopId, endpoint.id),
  );
  const result = await postWebhook(
    { url: endpoint.url, secret },
    { id: message.id, body: message.body },
    now,
  );
  const attempt = (await countAttempts(db, shopId, message.id)) + 1;
  await insertAttempt(db, shopId, {
    id: generateId('wha'),
    messageId: message.id,
    endpointId: endpoint.id,
    type: message.type,
    attempt,
    statusCode: result.statusCode,
    ok: result.ok,
    error: result.error,
    at: now.toISOString(),
  });
  let switchedOff = false;
  if (result.ok) await resetFailureStreak(db, shopId, endpoint.id);
  else {
    const limit = options.failuresBeforeDisabling ?? FAILURES_BEFORE_DISABLING;
    switchedOff = await recordFailure(
      db,
      shopId,
      endpoint.id,
      limit,
      `Switched off after ${limit} failed deliveries in a row (last: ${result.error ?? 'failed'})`,
    );
  }
  return { status: 'done', attempt, switchedOff, ...result };
}
