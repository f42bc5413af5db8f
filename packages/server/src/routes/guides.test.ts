import { describe, expect, it } from 'vitest';
import { guides, GUIDES } from './guides.js';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';

const app = new Hono<AppEnv>().route('/guides', guides);
app.onError((error, c) =>
  error instanceof ApiError ? c.json({ code: error.code }, error.status) : c.text('boom', 500),
);

describe('GET /guides/:name.md', () => {
  it('serves every install guide the config page links to, as Markdown', async () => {
    for (const name of GUIDES) {
      const response = await app.request(`/guides/${name}.md`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=UTF-8');
      expect(await response.text()).toMatch(/^# Comptoir/);
    }
  });

  it('serves nothing else', async () => {
    for (const path of ['/guides/readme.md', '/guides/..%2Fhttp-api.md', '/guides/shopify']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});
