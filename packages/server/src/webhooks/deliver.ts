import { randomBytes } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
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
  return inside === undefined ? undefined : privateAddressMessage(host, inside);
}

function privateAddressMessage(host: string, address: string): string {
  return `${host} is a private or loopback address (${address}); endpoints must be reachable on the internet`;
}

/** How a host name is resolved: `dns.lookup`'s signature, with every address. */
export type Resolver = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) =>
  dnsLookup(hostname, options, callback);

/**
 * The `lookup` of a webhook's connection: resolves the host and refuses it when any address is
 * private. The connection then goes to an address this very lookup checked, so a name that
 * resolves to a public address for a check and to a private one a moment later (DNS rebinding)
 * never reaches the private one.
 */
function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : undefined;
    resolve(hostname, { all: true, ...(family ? { family } : {}) }, (error, addresses) => {
      const inside = addresses?.find((candidate) => isPrivateAddress(candidate.address));
      const refusal = inside && new Error(privateAddressMessage(hostname, inside.address));
      const failure =
        error ?? refusal ?? (addresses.length === 0 ? new Error(`${hostname}: no address`) : null);
      if (failure) return callback(failure, '', 0);
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
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
 * A private address is never contacted: an address in the URL is checked before, a name at the
 * connection itself ({@link guardedLookup}); `COMPTOIR_ALLOW_HTTP_WEBHOOKS=1` (local development)
 * allows them. `resolve` is the system's DNS but in tests.
 */
export function postWebhook(
  target: { url: string; secret: string },
  message: { id: string; body: string },
  at: Date,
  timeoutMs = DELIVERY_TIMEOUT_MS,
  resolve: Resolver = systemResolver,
): Promise<AttemptResult> {
  const allowPrivate = process.env.COMPTOIR_ALLOW_HTTP_WEBHOOKS === '1';
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return Promise.resolve({ ok: false, statusCode: null, error: 'not a URL' });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({
      ok: false,
      statusCode: null,
      error: privateAddressMessage(host, host),
    });
  }
  return new Promise((settle) => {
    let request: http.ClientRequest;
    try {
      request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Comptoir-Webhooks/1',
          ...signatureHeaders(target.secret, message.id, message.body, at),
        },
        ...(allowPrivate ? {} : { lookup: guardedLookup(resolve) }),
      });
    } catch (error) {
      // A URL node:http refuses (another protocol) or a secret that cannot sign.
      settle({ ok: false, statusCode: null, error: (error as Error).message });
      return;
    }
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    request.once('response', (response) => {
      clearTimeout(timer);
      response.resume();
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      settle({ ok, statusCode: status, error: ok ? null : `HTTP ${status}` });
    });
    request.once('error', (error) => {
      clearTimeout(timer);
      settle({ ok: false, statusCode: null, error: error.message });
    });
    request.end(message.body);
  });
}
