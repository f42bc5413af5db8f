import type { Kysely } from 'kysely';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { AppDeps, AppEnv } from './context.js';
import { createShop, type CreatedShop } from '../storage/create-shop.js';
import type { Database } from '../storage/database.js';

/** Origins the test shops allow. */
export const ORIGIN_A = 'https://shop-a.example';
export const ORIGIN_B = 'https://shop-b.example';

/** An app over `db` with two shops and a clock the test moves. */
export interface TestApp {
  app: Hono<AppEnv>;
  shopA: CreatedShop;
  shopB: CreatedShop;
  /** Sets the app's clock. */
  setNow(instant: string | Date): void;
  /** `app.request` with JSON. */
  json(
    method: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** Builds a {@link TestApp}: fresh shops each call, rate limits high unless overridden. */
export async function createTestApp(
  db: Kysely<Database>,
  deps: Partial<AppDeps> = {},
): Promise<TestApp> {
  let now = new Date('2026-03-02T09:00:00Z');
  const shopA = await createShop(db, { name: 'Shop A', origins: [ORIGIN_A], now });
  const shopB = await createShop(db, { name: 'Shop B', origins: [ORIGIN_B], now });
  const app = createApp({
    db,
    clock: () => now,
    shopCacheTtlMs: 0,
    rateLimits: {
      ip: { burst: 100_000, perSecond: 100_000 },
      shop: { burst: 100_000, perSecond: 100_000 },
      signIn: { burst: 100_000, perSecond: 100_000 },
    },
    ...deps,
  });
  return {
    app,
    shopA,
    shopB,
    setNow(instant) {
      now = new Date(instant);
    },
    async json(method, path, body, headers = {}) {
      return app.request(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
  };
}
