import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../http/errors.js';
import {
  authenticatePublicRequest,
  EXPOSE_HEADERS,
  publicKeyFrom,
} from '../http/middleware/public-auth.js';
import { requestIdFrom } from '../http/middleware/request-id.js';
import { SECURITY_HEADERS } from '../http/middleware/security-headers.js';
import {
  clientIpFrom,
  rateLimitKeyOf,
  type RateLimiter,
  type RateLimits,
} from '../http/middleware/rate-limiter.js';
import type { ShopCache } from './shop-cache.js';
import {
  matchesEtag,
  PUBLISHED_CACHE_CONTROL,
  publishedBody,
  type PublishedConfigs,
  type PublishedEntry,
} from './published-configs.js';

const EVERY_ANSWER = SECURITY_HEADERS.flat();
const CONFIG_PATH = /^\/v1\/shops\/([^/?]+)\/config(?:\?key=([^&]*))?$/;

/**
 * The headers of a published-config answer, as the Hono route's middleware and route set them,
 * for the node:http fast path: flat `[name, value, …]` lists, which Node writes faster than an
 * object; a 304 carries no `Content-Type`. CORS and the request id are added per request.
 */
function publishedHeaders(entry: PublishedEntry, notModified: boolean): string[] {
  const headers = [
    ...EVERY_ANSWER,
    'vary',
    'Origin',
    'etag',
    entry.etag,
    'cache-control',
    PUBLISHED_CACHE_CONTROL,
  ];
  if (!notModified) headers.push('content-type', 'application/json; charset=UTF-8');
  return headers;
}

/** What {@link ConfigFastPath} needs of the app: the very caches, limiter and clock it uses. */
export interface ConfigFastPathDeps {
  shops: ShopCache;
  published: PublishedConfigs;
  limiter: RateLimiter;
  rateLimits: RateLimits;
  trustProxy: boolean | number;
  clock: () => Date;
}

/**
 * Answers `GET /v1/shops/:shop/config` at the node:http layer, before Hono. Every storefront page
 * view asks for it, and the framework around the route (a Context, fetch `Headers`, the middleware
 * chain) cost more than half its throughput (DESIGN.md's budget: 60 % of a bare node:http server).
 *
 * It answers only what the Hono route would answer 200 or 304, from the same parts: a shop the shop
 * cache holds (else Hono reads it), judged by the same {@link authenticatePublicRequest}, the same
 * serialized config, the same rate-limit buckets. Anything else — no cached shop, a refused key or
 * origin, another query, a HEAD, an empty bucket — goes to Hono, which gives the error.
 */
export class ConfigFastPath {
  constructor(private readonly deps: ConfigFastPathDeps) {}

  /** Answers the request if it can; else returns false and writes nothing. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET') return false;
    const match = CONFIG_PATH.exec(request.url ?? '');
    if (!match) return false;
    const [, shopId = '', queryKey] = match;
    const authorization = request.headers.authorization;
    // One key, in one place: Hono answers the rest (and refuses `?key=sk_…`).
    if (queryKey !== undefined && authorization !== undefined) return false;
    const key = publicKeyFrom(
      queryKey === undefined ? undefined : safeDecode(queryKey),
      authorization,
    );
    if (!key) return false;
    const { shops, published, limiter, rateLimits, trustProxy, clock } = this.deps;
    const shop = shops.peek(safeDecode(shopId) ?? '');
    if (!shop) return false;
    const access = authenticatePublicRequest(shop, key, request.headers.origin);
    if (access instanceof ApiError) return false;

    const forwardedFor = request.headers['x-forwarded-for'];
    const ip = rateLimitKeyOf(
      clientIpFrom(
        request.socket.remoteAddress,
        Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
        trustProxy,
      ),
    );
    if (limiter.take(`ip:${ip}`, rateLimits.ip) > 0) return false;
    if (limiter.take(`shop:${shop.id}`, rateLimits.shop) > 0) return false;

    const now = clock();
    const entry = published.entryFor(shop, now);
    const notModified = matchesEtag(request.headers['if-none-match'], entry.version);
    const headers = publishedHeaders(entry, notModified);
    if (access.corsOrigin !== undefined) {
      headers.push('access-control-allow-origin', access.corsOrigin);
      headers.push('access-control-expose-headers', EXPOSE_HEADERS);
    }
    const requestIdHeader = request.headers['x-request-id'];
    headers.push(
      'x-request-id',
      requestIdFrom(Array.isArray(requestIdHeader) ? undefined : requestIdHeader),
    );
    if (notModified) {
      response.writeHead(304, headers);
      response.end();
    } else {
      const body = publishedBody(entry, now);
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
