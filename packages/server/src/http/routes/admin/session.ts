import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SignInRequest, AdminSession, AdminSessionState } from '@comptoir/sdk';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors.js';
import { hashSecret, safeEqual } from '../../../storage/keys.js';
import { currentSession, requireCsrfToken, SESSION_COOKIE } from '../../middleware/admin-auth.js';
import { jsonBody } from '../../middleware/json-body.js';
import { clientRateKey, enforceSharedLimit } from '../../middleware/rate-limit.js';
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
} from '../../../storage/session.store.js';
import { findShop, findShopBySecretHash } from '../../../storage/shop.store.js';
import { describeAdminRoutes } from '../openapi.js';

function secureCookies(c: Context<AppEnv>): boolean {
  return c.get('deps').publicUrl.startsWith('https:');
}

async function signedIn(c: Context<AppEnv>) {
  const session = await currentSession(c);
  if (!session) throw new ApiError(401, 'unauthenticated', 'Not signed in');
  const shop = await findShop(c.get('deps').db, session.shop_id);
  if (!shop) throw new ApiError(401, 'session_expired', 'The session has ended: sign in again');
  return { session, shop };
}

/**
 * `/v1/admin/session`: the config page signs in with the secret key (`POST`), which sets an
 * HttpOnly, SameSite=Strict cookie and answers a CSRF token; `GET` answers the same while the
 * session lasts (`GET /state` answers 200 `{ signedIn: false }` instead of a 401); `DELETE` signs out (with the CSRF token, like every cookie-authenticated write).
 */
export const adminSession = new Hono<AppEnv>()
  .post('/', jsonBody(SignInRequest), async (c) => {
    const { db, clock, rateLimits, sessionTtlMs } = c.get('deps');
    await enforceSharedLimit(c, `sign-in:${clientRateKey(c)}`, rateLimits.signIn);
    const hash = hashSecret(c.req.valid('json').secretKey);
    const shop = await findShopBySecretHash(db, hash);
    if (!shop || !safeEqual(shop.secretKeyHash, hash)) {
      throw new ApiError(401, 'invalid_key', 'This secret key is not valid');
    }
    const now = clock();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await deleteExpiredSessions(db, shop.id, now);
    await insertSession(db, shop.id, {
      tokenHash: hashSecret(token),
      csrfToken,
      now,
      expiresAt: new Date(now.getTime() + sessionTtlMs),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureCookies(c),
      path: '/',
      maxAge: Math.floor(sessionTtlMs / 1000),
    });
    return c.json({ shopId: shop.id, shopName: shop.name, csrfToken });
  })
  .get('/', async (c) => {
    const { session, shop } = await signedIn(c);
    return c.json({ shopId: shop.id, shopName: shop.name, csrfToken: session.csrf_token });
  })
  // The config page asks this at start: not being signed in yet is an answer, not a 401 in the
  // browser's console (every other admin call still answers 401 without a session).
  .get('/state', async (c) => {
    // An ended session (unknown or expired cookie) is signed out too.
    const session = await currentSession(c).catch((error: unknown) => {
      if (error instanceof ApiError) return undefined;
      throw error;
    });
    const shop = session && (await findShop(c.get('deps').db, session.shop_id));
    if (!session || !shop) return c.json({ signedIn: false });
    return c.json({
      signedIn: true,
      shopId: shop.id,
      shopName: shop.name,
      csrfToken: session.csrf_token,
    });
  })
  .delete('/', async (c) => {
    const { session } = await signedIn(c);
    requireCsrfToken(c, session);
    await deleteSession(c.get('deps').db, session.shop_id, session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c) });
    return c.body(null, 204);
  });

describeAdminRoutes(adminSession, {
  'POST /': {
    summary: 'Sign in with the secret key (sets the session cookie)',
    auth: 'none',
    status: 200,
    answer: AdminSession,
  },
  'GET /': {
    summary: 'The current session',
    status: 200,
    answer: AdminSession,
  },
  'GET /state': {
    summary: 'Whether the config page is signed in: 200 either way, with the session when it is',
    auth: 'none',
    status: 200,
    answer: AdminSessionState,
  },
  'DELETE /': { summary: 'Sign out', status: 204, answer: 'empty' },
});
