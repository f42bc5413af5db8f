import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openDatabase } from '../../storage/database.js';

describe('static files', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'comptoir-static-sec-'));
    mkdirSync(join(root, 'widgets/chunks'), { recursive: true });
    mkdirSync(join(root, 'widgets-secret'), { recursive: true });
    mkdirSync(join(root, 'admin/assets'), { recursive: true });
    writeFileSync(join(root, 'widgets/embed.js'), 'export {};');
    writeFileSync(join(root, 'widgets/chunks/a%20b.js'), 'export const literal = 1;');
    writeFileSync(join(root, 'widgets-secret/x.js'), 'SECRET');
    writeFileSync(join(root, 'secret.js'), 'SECRET');
    writeFileSync(join(root, 'admin/index.html'), '<!doctype html><title>admin</title>');
    writeFileSync(join(root, 'admin/assets/app.js'), 'export {};');
    // Static routes never touch the database; an unmigrated in-memory one is enough.
    app = createApp({
      db: openDatabase('sqlite::memory:'),
      staticRoots: { widgets: join(root, 'widgets'), admin: join(root, 'admin') },
    });
  });

  it.each([
    '/chunks/..%2f..%2fsecret.js',
    '/chunks/..%2F..%2Fwidgets-secret%2Fx.js',
    '/chunks/%2e%2e%2f%2e%2e%2fsecret.js',
    '/chunks/..%252f..%252fsecret.js',
    '/chunks/%252e%252e%252f%252e%252e%252fsecret.js',
    '/chunks/..%5c..%5csecret.js',
    '/chunks/%00.js',
    '/admin/..%2fsecret.js',
    '/admin/..%252fsecret.js',
    '/admin/assets/..%2f..%2f..%2fsecret.js',
  ])('serves nothing outside the root for %s', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it.each(['/chunks/%E0%A4%A.js', '/chunks/%', '/admin/%E0%A4%A.js'])(
    'answers a JSON 404, not a 500, to the malformed encoding %s',
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    },
  );

  it('decodes a chunk name exactly once', async () => {
    expect((await app.request('/chunks/a%2520b.js')).status).toBe(200);
  });

  it('serves the config page with a strict CSP that forbids framing and inline scripts', async () => {
    const response = await app.request('/admin/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('security headers on every answer', () => {
  const app = createApp({ db: openDatabase('sqlite::memory:') });

  it.each([
    ['an unknown route', '/nothing'],
    ['an API error', '/v1/shops/shp_x/config'],
    ['the OpenAPI document', '/openapi.json'],
  ])('%s carries nosniff, Referrer-Policy and a deny-all CSP', async (_label, path) => {
    const response = await app.request(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('keeps admin API answers out of caches', async () => {
    const response = await app.request('/v1/admin/config');
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
