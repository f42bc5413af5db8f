import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { NotFoundError } from '../errors.js';
import { describeRoutes } from './openapi.js';

/** The install guides, by the name the config page links to. */
export const GUIDES = ['shopify', 'woocommerce', 'prestashop', 'wix-squarespace', 'headless'];

// The build copies docs/platforms/ into dist/guides/, so an installed package has them; from a
// clone's src/ (tests, no build) they are read where they are written.
const guidesRoots = [
  new URL('../../guides/', import.meta.url),
  new URL('../../../../../docs/platforms/', import.meta.url),
];

async function readGuide(name: string): Promise<string | undefined> {
  for (const root of guidesRoots) {
    try {
      return await readFile(fileURLToPath(new URL(`${name}.md`, root)), 'utf8');
    } catch {
      // Not in this root: try the next.
    }
  }
  return undefined;
}

/**
 * `GET /guides/:name.md`: one install guide of `docs/platforms/` as Markdown text, so the config
 * page's Install and Integrations sections can link to it. Only the names in {@link GUIDES}: the
 * path never reaches the file system as typed.
 */
export const guides = new Hono<AppEnv>().get('/:file', async (c) => {
  const name = /^([\w-]+)\.md$/.exec(c.req.param('file'))?.[1];
  if (!name || !GUIDES.includes(name)) throw new NotFoundError('Guide');
  const text = await readGuide(name);
  if (text === undefined) throw new NotFoundError('Guide');
  c.header('Content-Type', 'text/markdown; charset=UTF-8');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(text);
});

describeRoutes(guides, {
  'GET /:file': {
    summary:
      'An install guide (shopify.md, woocommerce.md, prestashop.md, wix-squarespace.md, headless.md) as Markdown',
    auth: 'none',
    status: 200,
    tag: 'operations',
  },
});
