import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../../test-app.js';

async function signIn(t: TestApp, secretKey: string, headers: Record<string, string> = {}) {
  const response = await t.json('POST', '/v1/admin/session', { secretKey }, headers);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { csrfToken?: string };
  return { response, setCookie, cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken ?? '' };
}

describeEachDialect('admin session security', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database().db);
  });

  it('marks the cookie Secure behind an https PUBLIC_URL, with an expiry, and not over plain http', async () => {
    const https = await createTestApp(database().db, { publicUrl: 'https://comptoir.example' });
    const secure = await signIn(https, https.shopA.secretKey);
    expect(secure.setCookie).toMatch(/; Secure/);
    expect(secure.setCookie).toMatch(/Max-Age=43200/);
    expect(secure.setCookie).toMatch(/HttpOnly/);
    expect(secure.setCookie).toMatch(/SameSite=Strict/);
    expect((await signIn(t, t.shopA.secretKey)).setCookie).not.toMatch(/Secure/);
  });

  it('requires the CSRF token on every cookie-authenticated POST and DELETE', async () => {
    const { cookie, csrf } = await signIn(t, t.shopA.secretKey);
    const erase = await t.json(
      'POST',
      '/v1/admin/shoppers/erase',
      { email: 'a@example.com' },
      { cookie },
    );
    expect(erase.status).toBe(403);
    const rotate = await t.app.request('/v1/admin/keys/rotate', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN_A },
    });
    expect(rotate.status).toBe(403);
    const withToken = await t.json(
      'POST',
      '/v1/admin/shoppers/erase',
      { email: 'a@example.com' },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(withToken.status).toBe(200);
  });

  it('tells the config page whether it is signed in with a 200 either way; the rest stays 401', async () => {
    const before = await t.app.request('/v1/admin/session/state');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ signedIn: false });
    expect((await t.app.request('/v1/admin/session')).status).toBe(401);
    const config = await t.app.request('/v1/admin/config');
    expect(config.status).toBe(401);
    expect(((await config.json()) as { error: { code: string } }).error.code).toBe(
      'unauthenticated',
    );
    const { cookie, csrf } = await signIn(t, t.shopA.secretKey);
    const after = await t.app.request('/v1/admin/session/state', { headers: { cookie } });
    expect(await after.json()).toEqual({
      signedIn: true,
      shopId: t.shopA.shopId,
      shopName: expect.any(String),
      csrfToken: csrf,
    });
    const stale = await t.app.request('/v1/admin/session/state', {
      headers: { cookie: 'comptoir_session=nope' },
    });
    expect(await stale.json()).toEqual({ signedIn: false });
  });

  it('refuses a cross-site form sign-in (not JSON) with 415, before looking at the key', async () => {
    const response = await t.app.request('/v1/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `secretKey=${t.shopA.secretKey}`,
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('ends every other session when the key rotates, and keeps the rotating one', async () => {
    const own = await createTestApp(database().db);
    const other = await signIn(own, own.shopA.secretKey);
    const mine = await signIn(own, own.shopA.secretKey);
    const rotated = await own.app.request('/v1/admin/keys/rotate', {
      method: 'POST',
      headers: { cookie: mine.cookie, 'x-csrf-token': mine.csrf },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(
      (await own.app.request('/v1/admin/config', { headers: { cookie: other.cookie } })).status,
    ).toBe(401);
    expect(
      (await own.app.request('/v1/admin/config', { headers: { cookie: mine.cookie } })).status,
    ).toBe(200);
    // A rotation with the key itself (a backend) ends them all.
    const { secretKey } = (await rotated.json()) as { secretKey: string };
    await own.app.request('/v1/admin/keys/rotate', {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(
      (await own.app.request('/v1/admin/config', { headers: { cookie: mine.cookie } })).status,
    ).toBe(401);
  });

  it('rate-limits sign-in attempts per client, right or wrong key', async () => {
    const limited = await createTestApp(database().db, {
      rateLimits: { signIn: { burst: 3, perSecond: 0.001 } },
    });
    const answers: number[] = [];
    for (let i = 0; i < 4; i++)
      answers.push((await signIn(limited, `sk_wrong${i}`)).response.status);
    expect(answers).toEqual([401, 401, 401, 429]);
    const right = await signIn(limited, limited.shopA.secretKey);
    expect(right.response.status).toBe(429);
    expect(right.response.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
