// The cart capture's node:http fast path against the plain Hono app: the same requests (a plain
// capture, and each kind of refusal) get the same status, headers and body from both, on SQLite
// and PostgreSQL; the fast path answers only the plain capture, and counts a request once.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createApp, createNodeListener, resolveAppDeps } from './app.js';
import type { AppDeps, ResolvedDeps } from './context.js';
import { createShop, type CreatedShop } from '../storage/create-shop.js';
import { describeEachDialect } from '../storage/test-databases.js';
import { scheduleRequestedRecoveries } from '../worker/scheduler.js';

const ORIGIN = 'https://shop.example';
const UNLIMITED = { burst: 1e9, perSecond: 1e9 };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends one request on a connection of its own and reads the whole answer. */
function send(url: string, sent: Sent): Promise<Answer> {
  const body = sent.body ?? '';
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}${sent.path ?? ''}`,
      {
        method: sent.method ?? 'POST',
        agent: false,
        headers: { 'content-length': String(Buffer.byteLength(body)), ...sent.headers },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** What must be equal: everything but the date, the request id's value and the new cart's id. */
function comparable(answer: Answer) {
  const headers = { ...answer.headers };
  delete headers.date;
  expect(headers['x-request-id']).toMatch(/^[\w=-]+$/);
  delete headers['x-request-id'];
  let body = answer.body.replace(/"crt_[\w-]+"/, '"crt_…"');
  if (answer.status === 429) {
    // The wait is counted in seconds from each server's own first request.
    headers['retry-after'] = String(headers['retry-after']).replace(/^\d+$/, 'N');
    body = body.replace(/retry in \d+ s/, 'retry in N s');
  }
  return { status: answer.status, headers, body };
}

function captureBody(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    cart: {
      currency: 'EUR',
      subtotal: 1200,
      items: [{ id: 'v1', title: 'Thé', quantity: 1, unitPrice: 1200 }],
    },
    email: `shopper-${Math.random().toString(36).slice(2)}@example.com`,
    consent: { granted: true, text: 'Email me my cart.' },
    ...fields,
  });
}

/** A plain capture of `shop`, with `change` applied. */
function capture(shop: CreatedShop, change: Sent = {}): Sent {
  return {
    path: `/v1/shops/${shop.shopId}/carts`,
    body: captureBody(),
    ...change,
    headers: {
      authorization: `Bearer ${shop.publishableKey}`,
      origin: ORIGIN,
      'content-type': 'application/json',
      ...change.headers,
    },
  };
}

describeEachDialect('the cart capture fast path', (database) => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  /**
   * A shop and the app served as `startServer` serves it (`fast`) or as plain Hono, counting the
   * requests that reached Hono; the shop is read once, so that the shop cache holds it.
   */
  async function serve(
    fast: boolean,
    deps: Partial<AppDeps> = {},
    change?: (d: ResolvedDeps) => void,
  ) {
    const { db } = database();
    const shop = await createShop(db, { name: 'Thé & Co', origins: [ORIGIN], now: new Date() });
    const resolved = resolveAppDeps({
      db,
      rateLimits: { ip: UNLIMITED, shop: UNLIMITED, signIn: UNLIMITED },
      shopCacheTtlMs: 60_000,
      ...deps,
    });
    change?.(resolved);
    const app = createApp(resolved);
    const counted = { hono: 0 };
    const fetch = app.fetch;
    app.fetch = (request, env, context) => {
      counted.hono++;
      return fetch(request, env, context);
    };
    const server = createServer(
      fast ? createNodeListener(app, { captureDeps: resolved }) : createNodeListener(app),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await resolved.shops.get(shop.shopId);
    return { url, shop, counted, deps: resolved };
  }

  /** Every kind of request, for `shop`: the names say what the plain app answers. */
  function requests(shop: CreatedShop): Record<string, Sent> {
    return {
      '201 with Bearer': capture(shop),
      '201 with ?key=': capture(shop, {
        path: `/v1/shops/${shop.shopId}/carts?key=${shop.publishableKey}`,
        headers: { authorization: '' },
      }),
      '201 without Origin (a backend)': capture(shop, { headers: { origin: '' } }),
      '201 with charset': capture(shop, {
        headers: { 'content-type': 'application/json; charset=UTF-8' },
      }),
      '201 keeps a sane X-Request-Id': capture(shop, { headers: { 'x-request-id': 'abc-123' } }),
      '400 naming a field': capture(shop, {
        body: captureBody({ cart: { subtotal: 1200, items: [] } }),
      }),
      '400 bad email': capture(shop, { body: captureBody({ email: 'not an email' }) }),
      '400 malformed JSON': capture(shop, { body: '{"cart":' }),
      '400 empty body': capture(shop, { body: '' }),
      '401 wrong key': capture(shop, { headers: { authorization: 'Bearer pk_wrong' } }),
      '401 no key': capture(shop, { headers: { authorization: '' } }),
      '401 secret key in the URL': capture(shop, {
        path: `/v1/shops/${shop.shopId}/carts?key=sk_live_nope`,
        headers: { authorization: '' },
      }),
      '401 unknown shop': capture(shop, { path: '/v1/shops/shp_nope/carts' }),
      '403 Origin': capture(shop, { headers: { origin: 'https://evil.example' } }),
      '413 over the limit': capture(shop, { body: captureBody({ locale: 'x'.repeat(33 * 1024) }) }),
      '415 text/plain': capture(shop, { headers: { 'content-type': 'text/plain' } }),
      '415 no Content-Type': capture(shop, { headers: { 'content-type': '' } }),
      '204 preflight': capture(shop, {
        method: 'OPTIONS',
        body: '',
        headers: { 'access-control-request-method': 'POST' },
      }),
      '405 POST to a cart': capture(shop, { path: `/v1/shops/${shop.shopId}/carts/extra` }),
    };
  }

  /** Drops the headers a case set to '' (node:http would send them empty). */
  function withoutEmpty(sent: Sent): Sent {
    return {
      ...sent,
      headers: Object.fromEntries(
        Object.entries(sent.headers ?? {}).filter(([, value]) => value !== ''),
      ),
    };
  }

  it('answers every request as the plain app does, and only a plain capture without Hono', async () => {
    const fast = await serve(true);
    const plain = await serve(false);
    const fastCases = requests(fast.shop);
    const plainCases = requests(plain.shop);
    for (const [name, sent] of Object.entries(fastCases)) {
      const before = fast.counted.hono;
      const viaFast = await send(fast.url, withoutEmpty(sent));
      const viaPlain = await send(plain.url, withoutEmpty(plainCases[name] as Sent));
      expect(String(viaPlain.status), name).toBe(name.slice(0, 3));
      expect(comparable(viaFast), name).toEqual(comparable(viaPlain));
      expect(fast.counted.hono - before, `${name} reached Hono`).toBe(
        name.startsWith('201') ? 0 : 1,
      );
    }
    const created = JSON.parse(
      (await send(fast.url, capture(fast.shop, { headers: { 'x-request-id': 'id-1' } }))).body,
    ) as { id: string; emailCaptured: boolean };
    expect(created.emailCaptured).toBe(true);
    const row = await database()
      .db.selectFrom('carts')
      .select(['shop_id', 'email', 'recovery_requested_at'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.shop_id).toBe(fast.shop.shopId);
    // As the route does: the row carries the recovery request, which the worker turns into jobs.
    expect(row.recovery_requested_at).not.toBeNull();
    expect(await scheduleRequestedRecoveries(database().db, { skipLocked: false })).toBeGreaterThan(
      0,
    );
    const jobs = await database()
      .db.selectFrom('recovery_jobs')
      .select('id')
      .where('subject_id', '=', created.id)
      .execute();
    expect(jobs.length).toBeGreaterThan(0);
  });

  it('answers 429 as the plain app does, and counts a request it hands over once', async () => {
    // Two requests a minute per shop: a refused body, then a capture, then the 429.
    const limits = {
      rateLimits: { ip: UNLIMITED, shop: { burst: 2, perSecond: 2 / 60 }, signIn: UNLIMITED },
    };
    const fast = await serve(true, limits);
    const plain = await serve(false, limits);
    for (const target of [fast, plain]) {
      const invalid = await send(target.url, capture(target.shop, { body: '{' }));
      expect(invalid.status).toBe(400);
      expect((await send(target.url, capture(target.shop))).status).toBe(201);
    }
    const viaFast = await send(fast.url, capture(fast.shop));
    const viaPlain = await send(plain.url, capture(plain.shop));
    expect(viaPlain.status).toBe(429);
    expect(comparable(viaFast)).toEqual(comparable(viaPlain));
    // 400 and 429 reached Hono; the capture did not.
    expect(fast.counted.hono).toBe(2);
  });

  it('answers 503 as the plain app does when the database is busy', async () => {
    const busy = (deps: ResolvedDeps) => {
      deps.groupCommit.run = () =>
        Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    };
    const fast = await serve(true, {}, busy);
    const plain = await serve(false, {}, busy);
    const viaFast = await send(fast.url, capture(fast.shop));
    const viaPlain = await send(plain.url, capture(plain.shop));
    expect(viaPlain.status).toBe(503);
    expect(viaPlain.headers['retry-after']).toBe('1');
    expect(comparable(viaFast)).toEqual(comparable(viaPlain));
    expect(fast.counted.hono).toBe(1);
  });
});
