import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { hashSecret, safeEqual } from '../../storage/keys.js';
import { deleteSession, findSession } from '../../storage/session.store.js';
import type { SessionRow } from '../../storage/session.table.js';
import { findShop, findShopBySecretHash } from '../../storage/shop.store.js';

/** The config page's session cookie. */
export const SESSION_COOKIE = 'comptoir_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session the request's cookie names, if it is still valid; throws 401 when it expired. */
export async function currentSession(c: Context<AppEnv>): Promise<SessionRow | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const { db, clock } = c.get('deps');
  const session = await findSession(db, hashSecret(token));
  if (!session) throw new ApiError(401, 'session_expired', 'The session has ended: sign in again');
  if (session.expires_at <= clock().toISOString()) {
    await deleteSession(db, session.shop_id, session.id);
    throw new ApiError(401, 'session_expired', 'The session has ended: sign in again');
  }
  return session;
}

/** Throws 403 unless the request carries the session's CSRF token in `X-CSRF-Token`. */
export function requireCsrfToken(c: Context<AppEnv>, session: SessionRow): void {
  const csrf = c.req.header('x-csrf-token');
  if (!csrf || !safeEqual(csrf, session.csrf_token)) {
    throw new ApiError(
      403,
      'csrf_failed',
      'Send the session’s CSRF token in the X-CSRF-Token header',
    );
  }
}

/**
 * Authenticates the admin API: `Authorization: Bearer sk_…`, or the session cookie, in which case
 * every write must carry the session's token in `X-CSRF-Token`.
 */
export function adminAuth(): MiddlewareHandler<AppEnv> {
  return async function adminAuth(c, next) {
    const { db } = c.get('deps');
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const key = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
      if (!key.startsWith('sk_')) {
        throw new ApiError(
          401,
          'invalid_key',
          'The admin API takes a secret key: Authorization: Bearer sk_…',
        );
      }
      const hash = hashSecret(key);
      const shop = await findShopBySecretHash(db, hash);
      // The lookup already matched the hash; comparing again in constant time costs nothing.
      if (!shop || !safeEqual(shop.secretKeyHash, hash)) {
        throw new ApiError(401, 'invalid_key', 'This secret key is not valid');
      }
      c.set('shop', shop);
      c.set('adminAuth', { kind: 'secret-key' });
      return next();
    }

    const session = await currentSession(c);
    if (!session) {
      throw new ApiError(
        401,
        'unauthenticated',
        'Sign in with the secret key, or send Authorization: Bearer sk_…',
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) requireCsrfToken(c, session);
    const shop = await findShop(db, session.shop_id);
    if (!shop) throw new ApiError(401, 'session_expired', 'The session has ended: sign in again');
    c.set('shop', shop);
    c.set('adminAuth', { kind: 'session', session });
    await next();
  };
}
