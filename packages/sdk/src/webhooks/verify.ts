import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { WebhookEvent } from '../schemas/webhook-events.js';

/** Headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object carry them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** A delivery that is not a genuine, fresh, well-formed Comptoir event. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** True when `error` is a {@link WebhookSignatureError}. */
export function isWebhookSignatureError(error: unknown): error is WebhookSignatureError {
  return error instanceof Error && error.name === 'WebhookSignatureError';
}

function header(headers: WebhookHeaders, name: string): string {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? '';
  const record = headers as Record<string, string | string[] | undefined>;
  const value =
    record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/**
 * Verifies a Comptoir event webhook per Standard Webhooks (`webhook-id`, `webhook-timestamp`
 * within 5 minutes, `webhook-signature` = HMAC-SHA256 of `id.timestamp.body` under the
 * endpoint's `whsec_…` secret, compared in constant time) and answers the parsed, validated
 * event. Pass the raw body exactly as received: parsed and re-serialized JSON would not match.
 * Throws {@link WebhookSignatureError} otherwise. Deduplicate on `webhook-id`: a retried event
 * keeps it.
 *
 * @example
 * const event = verifyWebhook(process.env.COMPTOIR_WEBHOOK_SECRET!, rawBody, req.headers);
 * if (event.type === 'cart.captured' && event.data.email) addToList(event.data.email);
 */
export function verifyWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
): WebhookEvent & { id: string } {
  const body = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  const id = header(headers, 'webhook-id');
  let parsed: unknown;
  try {
    parsed = new Webhook(secret).verify(body, {
      'webhook-id': id,
      'webhook-timestamp': header(headers, 'webhook-timestamp'),
      'webhook-signature': header(headers, 'webhook-signature'),
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError || error instanceof SyntaxError)
      throw new WebhookSignatureError(error.message);
    throw error;
  }
  const event = WebhookEvent.safeParse(parsed);
  if (!event.success) {
    throw new WebhookSignatureError(`Not a Comptoir event: ${event.error.issues[0]?.message}`);
  }
  return { ...event.data, id };
}
