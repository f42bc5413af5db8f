import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdFrom } from './middleware/request-id.js';
import {
  clientIpFrom,
  rateLimitKeyOf,
  type RateLimiter,
  type RateLimits,
} from './middleware/rate-limiter.js';
import type { ShopCache } from './shop-cache.js';
import type { Shop } from './storage/shop.store.js';

const CONFIG_PATH = /^\/v1\/shops\/([^/?]+)\/config(?:\?key=([^&]*))?$/;

/** What {@link ConfigAnswers} needs of the app: the very limiter, shop cache and clock it uses. */
export interface ConfigAnswersDeps {
  shops: ShopCache;
  limiter: RateLimiter;
  rateLimits: RateLimits;
  trustProxy: boolean | number;
  clock: () => Date;
}

/** One published-config answer the app gave, as it can be given again. */
export interface RememberedAnswer {
  shop: Shop;
  /** The publishable key, exactly as the request carried it. */
  key: string;
  /** The request's `Origin`, if any. */
  origin: string | undefined;
  /** Every header of the app's answer but `X-Request-Id` and `Content-Length`, lower-cased. */
  headers: Record<string, string>;
  /** The config's version, which the ETag quotes. */
  version: string;
  /** The JSON after `now`: `"version":…}`. */
  tail: string;
}

/**
 * A remembered answer with its headers as flat `[name, value, …]` lists, which Node writes a sixth
 * faster than an object copied per request; a 304 carries no `Content-Type`.
 */
interface Entry {
  answer: RememberedAnswer;
  ok: string[];
  notModified: string[];
}

function entryKey(shopId: string, key: string, origin: string | undefined): string {
  return `${shopId}\n${key}\n${origin ?? ''}`;
}

/** True when an `If-None-Match` header names `version` (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, version: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((tag) => tag === version || tag === '*');
}

/**
 * Answers `GET /v1/shops/:shop/config` again at the node:http layer, before Hono. Every storefront
 * page view asks for it, and the framework around the route (a Context, fetch `Headers`, the
 * middleware chain) cost more than half its throughput (DESIGN.md's budget: 60 % of a bare
 * node:http server).
 *
 * The Hono route stays the only judge: each answer it gives is remembered with the exact key, Origin
 * and shop object it was given for, and only a repeat of that request is answered here — with the
 * same headers, a fresh `now` and request id, and the same rate limits, taken from the same buckets.
 * The memory lasts as long as the shop cache keeps that shop object (a second, or until a write in
 * this process), so a new config, a rotated key or a removed origin is seen as soon as Hono sees it.
 * Anything else — another key or origin, another query, a HEAD, an empty bucket — goes to Hono.
 */
export class ConfigAnswers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: ConfigAnswersDeps) {}

  /** Called by the route after each 200 it answers (a 304 is replayed from the same entry). */
  remember(answer: RememberedAnswer): void {
    // Only shops the cache keeps: others (a cache turned off) would never be answered here.
    if (this.deps.shops.peek(answer.shop.id) !== answer.shop) return;
    if (this.entries.size >= 10_000) this.entries.clear();
    const headers = Object.entries(answer.headers);
    this.entries.set(entryKey(answer.shop.id, answer.key, answer.origin), {
      answer,
      ok: headers.flat(),
      notModified: headers.filter(([name]) => name !== 'content-type').flat(),
    });
  }

  /** Answers the request if it repeats a remembered one; else returns false and writes nothing. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET') return false;
    const match = CONFIG_PATH.exec(request.url ?? '');
    if (!match) return false;
    const [, shopId = '', queryKey] = match;
    const authorization = request.headers.authorization;
    const key =
      queryKey !== undefined
        ? safeDecode(queryKey)
        : authorization?.startsWith('Bearer ')
          ? authorization.slice('Bearer '.length).trim()
          : undefined;
    if (key === undefined || (queryKey !== undefined && authorization !== undefined)) return false;
    const origin = request.headers.origin;
    const entry = this.entries.get(entryKey(safeDecode(shopId) ?? '', key, origin));
    if (!entry || this.deps.shops.peek(entry.answer.shop.id) !== entry.answer.shop) return false;
    const remembered = entry.answer;

    const { limiter, rateLimits, trustProxy } = this.deps;
    const forwardedFor = request.headers['x-forwarded-for'];
    const ip = rateLimitKeyOf(
      clientIpFrom(
        request.socket.remoteAddress,
        Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
        trustProxy,
      ),
    );
    if (limiter.take(`ip:${ip}`, rateLimits.ip) > 0) return false;
    if (limiter.take(`shop:${remembered.shop.id}`, rateLimits.shop) > 0) return false;

    const requestIdHeader = request.headers['x-request-id'];
    const requestId = requestIdFrom(Array.isArray(requestIdHeader) ? undefined : requestIdHeader);
    const notModified = matchesEtag(request.headers['if-none-match'], remembered.version);
    const headers = (notModified ? entry.notModified : entry.ok).slice();
    headers.push('x-request-id', requestId);
    if (notModified) {
      response.writeHead(304, headers);
      response.end();
    } else {
      const body = `{"now":"${this.deps.clock().toISOString()}",${remembered.tail}`;
      headers.push('content-length', String(Buffer.byteLength(body)));
      response.writeHead(200, headers);
      response.end(body);
    }
    return true;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
