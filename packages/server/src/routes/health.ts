import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../context.js';

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
