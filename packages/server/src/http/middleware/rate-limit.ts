import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { clientIpFrom, rateLimitKeyOf, type BucketLimit } from './rate-limiter.js';

/** {@link clientIpFrom} for a Hono request. */
export function clientIp(c: Context<AppEnv>): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
  }
  return clientIpFrom(socketAddress, c.req.header('x-forwarded-for'), c.get('deps').trustProxy);
}

/** The bucket key of the request's client: {@link rateLimitKeyOf} its {@link clientIp}. */
export function clientRateKey(c: Context<AppEnv>): string {
  return rateLimitKeyOf(clientIp(c));
}

/** Throws a 429 with `Retry-After` when `key`'s bucket is empty. */
export function enforceLimit(c: Context<AppEnv>, key: string, limit: BucketLimit): void {
  const wait = c.get('deps').limiter.take(key, limit);
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', `Too many requests: retry in ${wait} s`, undefined, {
      'Retry-After': String(wait),
    });
  }
}

/** True for requests that change nothing (their limits may stay in one process's memory). */
export function isRead(c: Context<AppEnv>): boolean {
  const method = c.req.method;
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/**
 * Throws a 429 with `Retry-After` when `key` has used up `limit` in the counters every API process
 * shares (see `SharedRateLimiter`): sign-in attempts and writes.
 */
export async function enforceSharedLimit(
  c: Context<AppEnv>,
  key: string,
  limit: BucketLimit,
): Promise<void> {
  const wait = await c.get('deps').sharedLimiter.consume(key, limit);
  if (wait > 0) {
    throw new ApiError(429, 'rate_limited', `Too many requests: retry in ${wait} s`, undefined, {
      'Retry-After': String(wait),
    });
  }
}

/**
 * The limits a request was already counted against, by the node:http fast path that then handed
 * it to Hono (an invalid body, a failed write): Hono's middleware does not count them twice.
 */
const countedBefore = new WeakMap<IncomingMessage, Set<string>>();

/** Records that `incoming` was counted against `key`'s limit before it reached Hono. */
export function markCounted(incoming: IncomingMessage, key: string): void {
  const keys = countedBefore.get(incoming);
  if (keys) keys.add(key);
  else countedBefore.set(incoming, new Set([key]));
}

function wasCounted(c: Context<AppEnv>, key: string): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && countedBefore.get(incoming)?.has(key) === true;
}

/**
 * Throws a 429 when `key` is over `limit`: a read in this process's token buckets (the published
 * config's hot path takes no round trip), a write in the counters every API process shares.
 */
export async function enforceRequestLimit(
  c: Context<AppEnv>,
  key: string,
  limit: BucketLimit,
): Promise<void> {
  if (wasCounted(c, key)) return;
  if (isRead(c)) enforceLimit(c, key, limit);
  else await enforceSharedLimit(c, key, limit);
}

/** Limits every request per client IP (reads per process, writes across processes). */
export function ipRateLimit(): MiddlewareHandler<AppEnv> {
  return async function ipRateLimit(c, next) {
    await enforceRequestLimit(c, `ip:${clientRateKey(c)}`, c.get('deps').rateLimits.ip);
    await next();
  };
}
