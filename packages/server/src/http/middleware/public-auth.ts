import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { hashSecret, safeEqual } from '../../storage/keys.js';
import type { Shop } from '../../storage/shop.store.js';
import { enforceRequestLimit } from './rate-limit.js';

const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match';
/** The headers a storefront's script may read on a public answer. */
export const EXPOSE_HEADERS = 'ETag, Retry-After, X-Request-Id';

/** The key a public request carries: `?key=`, else `Authorization: Bearer …`. */
export function publicKeyFrom(
  queryKey: string | undefined,
  authorization: string | undefined,
): string | undefined {
  if (queryKey !== undefined) return queryKey;
  return authorization?.startsWith('Bearer ')
    ? authorization.slice('Bearer '.length).trim()
    : undefined;
}

/** {@link publicKeyFrom} of a Hono request. */
export function publicKeyOf(c: Context<AppEnv>): string | undefined {
  return publicKeyFrom(c.req.query('key'), c.req.header('authorization'));
}

function originAllowed(shop: Shop, origin: string): boolean {
  return shop.config.allowedOrigins.includes(origin);
}

/** A public request let in: its shop, and whether its `Origin` gets CORS headers. */
export interface PublicAccess {
  shop: Shop;
  /** The request's `Origin` when it is among the shop's allowed origins. */
  corsOrigin: string | undefined;
}

/**
 * Judges a public request's key and `Origin` for `shop` (undefined: no such shop), the one rule
 * both {@link publicAuth} and the published config's node:http fast path apply: the access, or
 * the error to answer. See {@link publicAuth} for why each check is there.
 */
export function authenticatePublicRequest(
  shop: Shop | undefined,
  key: string,
  origin: string | undefined,
  options: { acceptSecretKey?: boolean } = {},
): PublicAccess | ApiError {
  const valid =
    shop !== undefined &&
    ((key.startsWith('pk_') && safeEqual(key, shop.publishableKey)) ||
      (options.acceptSecretKey === true &&
        key.startsWith('sk_') &&
        safeEqual(hashSecret(key), shop.secretKeyHash)));
  if (!shop || !valid)
    return new ApiError(401, 'invalid_key', 'This key is not valid for this shop');
  if (origin === undefined) return { shop, corsOrigin: undefined };
  if (originAllowed(shop, origin)) return { shop, corsOrigin: origin };
  if (key.startsWith('pk_')) {
    return new ApiError(
      403,
      'origin_not_allowed',
      `The origin ${origin} is not among this shop's allowed origins`,
    );
  }
  return { shop, corsOrigin: undefined };
}

/**
 * Authenticates the public API (`/v1/shops/:shop/…`): the shop's publishable key (`?key=` or
 * `Authorization: Bearer pk_…`) plus, for browsers, an `Origin` among the shop's allowed origins,
 * which alone get CORS headers. With `acceptSecretKey`, a shop's backend may send its `sk_…`
 * instead, in the `Authorization` header only (`?key=sk_…` is refused: URLs end up in logs).
 * A wrong key and an unknown shop get the same answer, so keys reveal no shop.
 *
 * A request without `Origin` (a server, curl) passes on the key alone: the publishable key is
 * public, and a non-browser client can forge any `Origin`, so the check exists to stop other
 * websites' pages from using the key in a browser — and browsers send `Origin` on every
 * cross-origin fetch and on every `POST` (`sendBeacon` and `keepalive` included). `Origin: null`
 * (sandboxed frames, `file:`) is refused like any unlisted origin.
 */
export function publicAuth(options: { acceptSecretKey?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async function publicAuth(c, next) {
    const { shops, rateLimits } = c.get('deps');
    const shopId = c.req.param('shop') ?? '';
    const origin = c.req.header('origin');

    if (c.req.method === 'OPTIONS') {
      const shop = await shops.get(shopId);
      if (shop && origin && originAllowed(shop, origin)) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Access-Control-Allow-Methods', 'GET, POST, PUT');
        c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
        c.header('Access-Control-Max-Age', '600');
      }
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }

    const queryKey = c.req.query('key');
    if (queryKey?.startsWith('sk_')) {
      // Never acted upon, never echoed: a URL lands in logs, history and Referer headers.
      throw new ApiError(
        401,
        'secret_key_in_url',
        'A secret key never goes in a URL: send it as Authorization: Bearer sk_…, and rotate this one',
      );
    }
    const key = publicKeyOf(c);
    if (!key) {
      throw new ApiError(
        401,
        'missing_key',
        'Send the publishable key as ?key=pk_… or Authorization: Bearer pk_…',
      );
    }
    const access = authenticatePublicRequest(await shops.get(shopId), key, origin, options);
    if (access instanceof ApiError) throw access;
    const { shop, corsOrigin } = access;
    if (corsOrigin !== undefined) {
      c.header('Access-Control-Allow-Origin', corsOrigin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    c.header('Vary', 'Origin');
    c.set('shop', shop);
    await enforceRequestLimit(c, `shop:${shop.id}`, rateLimits.shop);
    await next();
  };
}
