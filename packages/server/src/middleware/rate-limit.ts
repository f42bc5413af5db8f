import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

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
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(limit.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * limit.perSecond)
      : limit.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    return 0;
  }

  // Buckets untouched for a minute are full again for any sensible limit: forget them.
  private sweep(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.at > 60_000) this.buckets.delete(key);
    }
  }
}

/** The client's IP: the socket's, or the first `X-Forwarded-For` hop behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/** Throws a 429 with `Retry-After` when `key`'s bucket is empty. */
export function enforceLimit(c: Context<AppEnv>, key: string, limit: BucketLimit): void {
  const wait = c.var.deps.limiter.take(key, limit);
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', `Too many requests: retry in ${wait} s`, undefined, {
      'Retry-After': String(wait),
    });
  }
}

/** Limits every request per client IP. */
export function ipRateLimit(): MiddlewareHandler<AppEnv> {
  return async function ipRateLimit(c, next) {
    enforceLimit(c, `ip:${clientIp(c)}`, c.var.deps.rateLimits.ip);
    await next();
  };
}
