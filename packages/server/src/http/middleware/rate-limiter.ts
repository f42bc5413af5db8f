// Token buckets and client addresses: plain code, shared by the Hono middleware
// (rate-limit.ts) and the published config's node:http fast path.

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

/** The limits the server applies. */
export interface RateLimits {
  /** Every API request, per client IP. */
  ip: BucketLimit;
  /** Public requests, per shop (all its storefront visitors together). */
  shop: BucketLimit;
  /** Sign-in attempts, per client IP. */
  signIn: BucketLimit;
}

/** The limits used when the deps do not say otherwise. */
export const defaultRateLimits: RateLimits = {
  ip: { burst: 120, perSecond: 20 },
  shop: { burst: 2000, perSecond: 500 },
  signIn: { burst: 10, perSecond: 0.2 },
};

const SWEEP_EVERY = 10_000;

/** In-memory token buckets, one per key (an IP, a shop). Enough for one process. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private takes = 0;

  /** Takes one token from `key`'s bucket; answers 0 when allowed, else the seconds to wait. */
  take(key: string, limit: BucketLimit, nowMs: number = performance.now()): number {
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(nowMs);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, at: nowMs };
      this.buckets.set(key, bucket);
    }
    const tokens = Math.min(
      limit.burst,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * limit.perSecond,
    );
    bucket.at = nowMs;
    if (tokens < 1) {
      bucket.tokens = tokens;
      return Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    }
    bucket.tokens = tokens - 1;
    return 0;
  }

  // Buckets untouched for a minute are full again for any sensible limit: forget them.
  private sweep(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.at > 60_000) this.buckets.delete(key);
    }
  }
}

/** How many reverse proxies in front of the server append to `X-Forwarded-For`; false: none. */
export type TrustProxy = false | number;

/**
 * Reads `TRUST_PROXY`: unset, `0` or `false` trusts no proxy (`X-Forwarded-For` is ignored);
 * `true` or `1`, one proxy (nginx, a load balancer); `N`, a chain of N proxies (a CDN in front of
 * a load balancer: 2). Anything else throws, so a typo does not silently open the limits.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY must be false, true or a number of proxies, not "${value}"`);
}

/**
 * The client's IP: the socket's, or behind `trustProxy` proxies the address the outermost one saw,
 * which is `trustProxy` entries from the right of `X-Forwarded-For` (each proxy appends the address
 * it received from; everything to its left was written by the client and proves nothing).
 */
export function clientIpFrom(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: TrustProxy | true,
): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy;
  if (hops > 0) {
    const chain = (forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const seen = chain[Math.max(0, chain.length - hops)];
    if (seen) return seen;
  }
  return socketAddress ?? 'unknown';
}

function ipv6Groups(address: string): string[] | undefined {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return undefined;
  const split = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...left, ...Array.from({ length: missing }, () => '0'), ...right];
}

/**
 * The rate-limit bucket of an address: an IPv4 address as is (IPv4-mapped IPv6 included), an IPv6
 * address by its /64, since one subscriber usually holds a whole /64 and could otherwise take a
 * fresh address, and a fresh bucket, for every request.
 */
export function rateLimitKeyOf(address: string): string {
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const groups = ipv6Groups(bare);
  if (!groups) return bare;
  const prefix = groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
  return `${prefix.join(':')}::/64`;
}
