import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import {
  matchesEtag,
  PUBLISHED_CACHE_CONTROL,
  publishedBody,
} from '../../../published-config/published-configs.js';
import { PublishedConfig } from '@comptoir/sdk';
import { describeRoutes } from '../openapi.js';

/**
 * `GET /v1/shops/:shop/config`: the published config, with ETag and stale-while-revalidate. The
 * node:http fast path (`published-config/fast-path.ts`) gives the same answer to repeats.
 */
export const publicConfig = new Hono<AppEnv>().get('/', (c) => {
  const { clock, published } = c.get('deps');
  const now = clock();
  const entry = published.entryFor(c.get('shop'), now);
  c.header('ETag', entry.etag);
  c.header('Cache-Control', PUBLISHED_CACHE_CONTROL);
  if (matchesEtag(c.req.header('if-none-match'), entry.version)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(publishedBody(entry, now));
});

describeRoutes(publicConfig, {
  'GET /': {
    summary: 'The published config (ETag; 304 on If-None-Match; stale-while-revalidate)',
    auth: 'publishable',
    status: 200,
    answer: PublishedConfig,
    tag: 'public',
  },
});
