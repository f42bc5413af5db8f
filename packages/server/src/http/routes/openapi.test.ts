import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createApp } from '../app.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { describeRoutes, isStaticFileRoute } from './openapi.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; requestBody?: unknown }>>;
  components: { schemas: Record<string, { type?: string }> };
}

/** `/v1/shops/:shop/carts/:cart` as OpenAPI writes it: `/v1/shops/{shop}/carts/{cart}`. */
function openApiPath(path: string) {
  return path.replace(/:(\w+)/g, '{$1}');
}

describe('/openapi.json', () => {
  let db: Kysely<Database>;
  let app: ReturnType<typeof createApp>;
  let document: OpenApiDocument;
  beforeAll(async () => {
    // The production app, with every route module mounted; the document reads no table.
    db = openDatabase('sqlite::memory:');
    app = createApp({ db });
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => db.destroy());

  it('describes every mounted route (method and path) but the static files', () => {
    const mounted = [
      ...new Set(
        app.routes
          .filter((route) => route.method !== 'ALL' && !isStaticFileRoute(route.path))
          .map((route) => `${route.method.toLowerCase()} ${openApiPath(route.path)}`),
      ),
    ];
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(mounted.length).toBeGreaterThan(25);
    expect(described.sort()).toEqual(mounted.sort());
    for (const [path, methods] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(methods))
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
  });

  it('names the sdk documents as components and takes the bodies from the validators', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.CartCaptureInput).toMatchObject({ type: 'object' });
    expect(document.components.schemas.ShopConfig).toMatchObject({ type: 'object' });
    expect(document.paths['/v1/shops/{shop}/carts']?.post?.requestBody).toMatchObject({
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/CartCaptureInput' } },
      },
    });
    expect(document.paths['/v1/admin/recovery/test']?.post?.requestBody).toBeTruthy();
    expect(document.paths['/v1/admin/carts']?.get).toMatchObject({
      parameters: expect.arrayContaining([
        expect.objectContaining({ in: 'query', name: 'status' }),
      ]),
    });
  });

  it('serves the same document as a plain reference page, escaped, with no script', async () => {
    const response = await app.request('/openapi.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    const page = await response.text();
    for (const [path, methods] of Object.entries(document.paths))
      for (const method of Object.keys(methods))
        expect(page, `${method} ${path}`).toContain(`id="${method}-${path}"`);
    expect(page).toContain('id="schema-CartCaptureInput"');
    expect(page).not.toContain('<script');
    // The theme's font-family pattern holds < and >: shown as text, never as markup.
    expect(page).toContain('[^;{}&lt;&gt;]');
  });
});

describe('describeRoutes', () => {
  it('adds no handler to a route: the description is a property of the handler itself', async () => {
    const handler = () => new Response('ok');
    const router = new Hono<AppEnv>().get('/thing', handler);
    const before = router.routes.map((route) => route.handler);
    describeRoutes(router, {
      'GET /thing': { summary: 'A thing', auth: 'none', status: 200, answer: 'empty' },
    });
    expect(router.routes.map((route) => route.handler)).toEqual(before);
    expect(router.routes.at(-1)?.handler).toBe(handler);
    expect(await (await router.request('/thing')).text()).toBe('ok');
  });

  it('throws when a key names no route, so a typo cannot leave a route undescribed', () => {
    const router = new Hono<AppEnv>().get('/thing', () => new Response('ok'));
    expect(() =>
      describeRoutes(router, {
        'POST /thing': { summary: 'Wrong method', auth: 'none', status: 200 },
      }),
    ).toThrow('describeRoutes: no route POST /thing');
  });
});
