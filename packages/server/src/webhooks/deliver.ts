import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** How long a receiver has to answer before the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** A new endpoint secret in Standard Webhooks' format: `whsec_` and 24 random bytes, base64. */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** The three Standard Webhooks headers for one message, signed with the endpoint's secret. */
export function signatureHeaders(
  secret: string,
  messageId: string,
  body: string,
  at: Date,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

/** How one attempt went. */
export interface AttemptResult {
  ok: boolean;
  /** The receiver's status, `null` when it could not be reached. */
  statusCode: number | null;
  error: string | null;
}

/**
 * POSTs one message, signed per Standard Webhooks. Only a 2xx answer is a delivery; a redirect is
 * not followed (the receiver's URL is the merchant's to fix), and the answer's body is not read.
 */
export async function postWebhook(
  target: { url: string; secret: string },
  message: { id: string; body: string },
  at: Date,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<AttemptResult> {
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Comptoir-Webhooks/1',
        ...signatureHeaders(target.secret, message.id, message.body, at),
      },
      body: message.body,
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
    return { ok: false, statusCode: null, error: reason };
  }
}
