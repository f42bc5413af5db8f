import { Hono } from 'hono';
import type { AppEnv } from '../../context.js';
import { matchesEtag } from '../../config-answers.js';
import { monthOf } from '../../holidays.js';
import { publicKeyOf } from '../../middleware/public-auth.js';
import { derivePublishedConfig } from '../../published-config.js';
import { PublishedConfig } from '@comptoir/sdk';
import { describeRoutes } from '../openapi.js';

const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=86400';

/** `GET /v1/shops/:shop/config`: the published config, with ETag and stale-while-revalidate. */
export const publicConfig = new Hono<AppEnv>().get('/', (c) => {
  const { clock, published, configAnswers } = c.get('deps');
  const shop = c.get('shop');
  const now = clock();
  const month = monthOf(now, shop.config.calendar.timeZone);
  let entry = published.get(shop.id);
  if (!entry || entry.configVersion !== shop.configVersion || entry.month !== month) {
    const { now: _now, ...rest } = derivePublishedConfig(shop, shop.config, now);
    entry = {
      configVersion: shop.configVersion,
      month,
      version: rest.version,
      etag: `"${rest.version}"`,
      tail: JSON.stringify(rest).slice(1),
    };
    published.set(shop.id, entry);
  }
  c.header('ETag', entry.etag);
  c.header('Cache-Control', CACHE_CONTROL);
  if (matchesEtag(c.req.header('if-none-match'), entry.version)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  const response = c.body(`{"now":"${now.toISOString()}",${entry.tail}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (name !== 'x-request-id' && name !== 'content-length') headers[name] = value;
  }
  configAnswers.remember({
    shop,
    key: publicKeyOf(c) ?? '',
    origin: c.req.header('origin'),
    headers,
    version: entry.version,
    tail: entry.tail,
  });
  return response;
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
