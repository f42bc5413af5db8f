import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { maskEmail } from '../log.js';
import { publicHolidays } from '../published-config/holidays.js';
import { derivePublishedConfig } from '../published-config/derive.js';
import { defaultShopConfig } from '@comptoir/sdk';
import { describeEachDialect } from '../storage/test-databases.js';

describeEachDialect('app', (database) => {
  let app: ReturnType<typeof createApp>;
  let emptyRoot: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'comptoir-static-'));
    mkdirSync(join(root, 'widgets/chunks'), { recursive: true });
    mkdirSync(join(root, 'admin/assets'), { recursive: true });
    writeFileSync(join(root, 'widgets/embed.js'), 'export {};');
    writeFileSync(join(root, 'widgets/chunks/faq-abc.js'), 'export const faq = 1;');
    writeFileSync(join(root, 'admin/index.html'), '<!doctype html><title>admin</title>');
    emptyRoot = join(root, 'missing');
    app = createApp({
      db: database().db,
      staticRoots: { widgets: join(root, 'widgets'), admin: join(root, 'admin') },
    });
  });

  it('answers /healthz when the database answers', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers JSON 404 to unknown routes and 405 with Allow to a wrong method', async () => {
    const missing = await app.request('/v2/nothing');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const wrongMethod = await app.request('/healthz', { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    // A trailing slash is a path the routes do not take, not a wrong method.
    const slash = await app.request('/healthz/');
    expect(slash.status).toBe(404);
    const { error } = (await slash.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('without the trailing slash: /healthz');
    expect((await app.request('/healthz/', { method: 'POST' })).status).toBe(405);
  });

  it('describes both APIs in /openapi.json', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/shops/{shop}/carts', '/v1/admin/config']),
    );
    expect(document.components.schemas.CartCaptureInput).toMatchObject({ type: 'object' });
  });

  it('serves the widget files cross-origin, with their cache lifetimes', async () => {
    const embed = await app.request('/embed.js');
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-type')).toContain('text/javascript');
    expect(embed.headers.get('access-control-allow-origin')).toBe('*');
    expect(embed.headers.get('cache-control')).toContain('max-age=300');
    const chunk = await app.request('/chunks/faq-abc.js');
    expect(chunk.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/chunks/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('serves the config page with an index.html fallback, and says when a build is missing', async () => {
    const page = await app.request('/admin/carts/crt_1');
    expect(await page.text()).toContain('<title>admin</title>');
    const bare = createApp({
      db: database().db,
      staticRoots: { widgets: emptyRoot, admin: emptyRoot },
    });
    const missing = await bare.request('/embed.js');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'build_missing',
    );
  });
});

describe('helpers', () => {
  it('masks emails for logs', () => {
    expect(maskEmail('jeanne.dupont@example.fr')).toBe('j***@e***.fr');
    expect(maskEmail('nope')).toBe('***');
  });

  it('resolves public holidays only, for 13 months, per region', () => {
    const now = new Date('2026-11-15T12:00:00Z');
    const bavaria = publicHolidays('DE', 'BY', now, 'Europe/Berlin').map((h) => h.date);
    expect(bavaria).toContain('2027-01-06');
    expect(bavaria).not.toContain('2026-11-02');
    expect(bavaria[0]! >= '2026-11-01').toBe(true);
    expect(bavaria.at(-1)! < '2027-12-01').toBe(true);
    const berlin = publicHolidays('DE', 'BE', now, 'Europe/Berlin').map((h) => h.date);
    expect(berlin).not.toContain('2027-01-06');
  });

  it('versions the published config by config version and content', () => {
    const config = defaultShopConfig('Shop');
    const now = new Date('2026-06-01T00:00:00Z');
    const one = derivePublishedConfig({ id: 'shp_1', configVersion: 1 }, config, now);
    const same = derivePublishedConfig(
      { id: 'shp_1', configVersion: 1 },
      config,
      new Date('2026-06-20T00:00:00Z'),
    );
    const next = derivePublishedConfig({ id: 'shp_1', configVersion: 2 }, config, now);
    expect(one.version).toBe(same.version);
    expect(next.version).not.toBe(one.version);
    expect(one.calendar.holidays).toContain('2026-07-14');
  });
});
