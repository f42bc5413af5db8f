import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createApp, createNodeListener, resolveAppDeps } from '../http/app.js';
import type { AppDeps } from '../http/context.js';
import { createShop, type CreatedShop } from '../storage/create-shop.js';
import { openDatabase, type Database } from '../storage/database.js';
import { migrate } from '../storage/migrations/index.js';
import { ConfigFastPath } from './fast-path.js';

const ORIGIN = 'https://shop.example';
const now = new Date('2026-11-26T09:00:00Z');
const unlimited = { burst: 1e6, perSecond: 1e6 };

let db: Kysely<Database>;
let shop: CreatedShop;
let server: Server | undefined;

beforeAll(async () => {
  db = openDatabase('sqlite::memory:');
  await migrate(db);
  shop = await createShop(db, { name: 'Thé & Co', origins: [ORIGIN], now });
});
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});
afterAll(() => db.destroy());

/** The app served as `startServer` serves it, counting the requests that reached Hono. */
async function serveApp(deps: Partial<AppDeps> = {}) {
  const resolved = resolveAppDeps({
    db,
    clock: () => now,
    rateLimits: { ip: unlimited, shop: unlimited, signIn: unlimited },
    // Long enough that a slow machine does not see the shop expire mid-test.
    shopCacheTtlMs: 60_000,
    ...deps,
  });
  const app = createApp(resolved);
  const counted = { hono: 0 };
  const fetch = app.fetch;
  app.fetch = (request, env, context) => {
    counted.hono++;
    return fetch(request, env, context);
  };
  server = createServer(createNodeListener(app, { fastPath: new ConfigFastPath(resolved) }));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, counted };
}

function getConfig(url: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/shops/${shop.shopId}/config?key=${shop.publishableKey}`, {
    headers: { origin: ORIGIN, ...headers },
  });
}

/** The headers a client sees, without the ones that differ on every answer. */
function stableHeaders(response: Response): Record<string, string> {
  const headers = Object.fromEntries(response.headers);
  delete headers['x-request-id'];
  delete headers.date;
  return headers;
}

it('answers a repeat without Hono, with the same status, headers and body', async () => {
  const { url, counted } = await serveApp();
  const first = await getConfig(url);
  const second = await getConfig(url);
  expect(counted.hono).toBe(1);
  expect(second.status).toBe(200);
  expect(stableHeaders(second)).toEqual(stableHeaders(first));
  expect(second.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  expect(await second.text()).toBe(await first.text());
});

it('answers a server (no Origin, key in Authorization) as Hono does: no CORS headers', async () => {
  const { url, counted } = await serveApp();
  const fromServer = () =>
    fetch(`${url}/v1/shops/${shop.shopId}/config`, {
      headers: { authorization: `Bearer ${shop.publishableKey}` },
    });
  const first = await fromServer();
  const second = await fromServer();
  expect(counted.hono).toBe(1);
  expect(second.status).toBe(200);
  expect(stableHeaders(second)).toEqual(stableHeaders(first));
  expect(second.headers.get('access-control-allow-origin')).toBeNull();
  expect(await second.text()).toBe(await first.text());
});

it('answers 304 to a matching If-None-Match with the headers Hono gives it', async () => {
  const { url, counted } = await serveApp();
  const first = await getConfig(url);
  const etag = first.headers.get('etag') as string;
  const fromHono = await getConfig(url, { 'if-none-match': 'W/"nothing"' });
  const fromHonoNotModified = await fetch(
    `${url}/v1/shops/${shop.shopId}/config?key=${shop.publishableKey}&v=1`,
    { headers: { origin: ORIGIN, 'if-none-match': etag } },
  );
  const replayed = await getConfig(url, { 'if-none-match': etag });
  expect(fromHono.status).toBe(200);
  expect(fromHonoNotModified.status).toBe(304);
  expect(replayed.status).toBe(304);
  expect(await replayed.text()).toBe('');
  expect(stableHeaders(replayed)).toEqual(stableHeaders(fromHonoNotModified));
  // The first and the query with `&v=1` went to Hono; the two repeats did not.
  expect(counted.hono).toBe(2);
});

it('shows a saved config at once', async () => {
  type Methods = { calendar: { methods: { name: string }[] } };
  const { url } = await serveApp();
  const before = (await (await getConfig(url)).json()) as Methods;
  const auth = { authorization: `Bearer ${shop.secretKey}` };
  const current = await fetch(`${url}/v1/admin/config`, { headers: auth });
  const config = (await current.json()) as Methods;
  (config.calendar.methods[0] as { name: string }).name = 'Colissimo 48 h';
  const saved = await fetch(`${url}/v1/admin/config`, {
    method: 'PUT',
    headers: {
      ...auth,
      'content-type': 'application/json',
      'if-match': current.headers.get('etag') as string,
    },
    body: JSON.stringify(config),
  });
  expect(saved.status).toBe(200);
  const after = (await (await getConfig(url)).json()) as Methods;
  expect(before.calendar.methods[0]?.name).toBe('Standard');
  expect(after.calendar.methods[0]?.name).toBe('Colissimo 48 h');
});

it('counts repeats against the rate limits: the answer after the burst is a 429', async () => {
  const { url, counted } = await serveApp({
    rateLimits: { ip: { burst: 3, perSecond: 0.001 }, shop: unlimited, signIn: unlimited },
  });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await getConfig(url)).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  expect(counted.hono).toBe(2);
});

it('leaves another key, a foreign origin and another shop to Hono, which refuses them', async () => {
  const { url } = await serveApp();
  await getConfig(url);
  const foreign = await getConfig(url, { origin: 'https://evil.example' });
  const wrongKey = await fetch(`${url}/v1/shops/${shop.shopId}/config?key=pk_wrong`, {
    headers: { origin: ORIGIN },
  });
  const other = await createShop(db, { name: 'Other', origins: [ORIGIN], now });
  const otherShop = await fetch(
    `${url}/v1/shops/${other.shopId}/config?key=${shop.publishableKey}`,
    { headers: { origin: ORIGIN } },
  );
  expect([foreign.status, wrongKey.status, otherShop.status]).toEqual([403, 401, 401]);
});

it('remembers nothing when the shop cache is off', async () => {
  const { url, counted } = await serveApp({ shopCacheTtlMs: 0 });
  await getConfig(url);
  await getConfig(url);
  expect(counted.hono).toBe(2);
});
