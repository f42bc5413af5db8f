import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../context.js';
import { Health } from '@comptoir/sdk';
import { describeRoutes } from './openapi.js';

/** `GET /healthz`: 200 when the database answers, 503 otherwise. */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'no-store');
  try {
    await sql`select 1`.execute(c.get('deps').db);
    return c.json({ status: 'ok' });
  } catch (error) {
    c.get('deps').logger.error(
      { err: error, requestId: c.get('requestId') },
      'health check: the database does not answer',
    );
    return c.json({ status: 'unavailable' }, 503);
  }
});

describeRoutes(health, {
  'GET /': {
    summary: 'Whether the database answers (503 when it does not)',
    auth: 'none',
    status: 200,
    answer: Health,
    tag: 'operations',
  },
});
