import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** How long a receiver has to answer before the attempt counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** A new endpoint secret in Standard Webhooks' format: `whsec_` and 24 random bytes, base64. */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

// Addresses a merchant's endpoint may not reach from the server: loopback, private networks,
// link-local (cloud metadata at 169.254.169.254), carrier-grade NAT and unique-local IPv6.
const privateAddresses = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  privateAddresses.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  privateAddresses.addSubnet(network, prefix, 'ipv6');

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateAddresses.check(mapped[1] as string, 'ipv4');
  return privateAddresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Why the server refuses to POST to this URL, or `undefined`: a server hosts many shops, so one
 * merchant's endpoint must not reach the server's own network (SSRF). The host is resolved and
 * every address checked; `COMPTOIR_ALLOW_HTTP_WEBHOOKS=1` (local development) allows them all.
 * A name that fails to resolve is left to the request itself, which reports it.
 */
export async function refusedTarget(url: string): Promise<string | undefined> {
  if (process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS === '1') return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return undefined;
  }
  const inside = addresses.find(isPrivateAddress);
  return inside === undefined
    ? undefined
    : `${host} is a private or loopback address (${inside}); endpoints must be reachable on the internet`;
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
 * A URL that resolves to a private address is not contacted ({@link refusedTarget}).
 */
export async function postWebhook(
  target: { url: string; secret: string },
  message: { id: string; body: string },
  at: Date,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<AttemptResult> {
  try {
    const refused = await refusedTarget(target.url);
    if (refused) return { ok: false, statusCode: null, error: refused };
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
