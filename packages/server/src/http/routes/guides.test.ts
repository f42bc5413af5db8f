import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

// An installed package has no docs/ folder beside it: the build copies the guides into dist/,
// which the package publishes ("files": ["bin", "dist"]).
const distGuides = new URL('../../../dist/guides/', import.meta.url);
describe.skipIf(!existsSync(fileURLToPath(distGuides)))(
  'the guides in the built package (skipped without `npm run build`)',
  () => {
    it('holds every guide, as written in docs/platforms', () => {
      for (const name of GUIDES) {
        const packaged = readFileSync(fileURLToPath(new URL(`${name}.md`, distGuides)), 'utf8');
        const written = readFileSync(
          fileURLToPath(new URL(`../../../../../docs/platforms/${name}.md`, import.meta.url)),
          'utf8',
        );
        expect(packaged, name).toBe(written);
      }
    });
  },
);
