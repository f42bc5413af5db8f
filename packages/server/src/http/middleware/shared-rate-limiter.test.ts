import { expect, it } from 'vitest';
import { describeEachDialect } from '../../storage/test-databases.js';
import { createTestApp, ORIGIN_A, type TestApp } from '../test-app.js';
import type { RateLimits } from './rate-limiter.js';

const unlimited = { burst: 100_000, perSecond: 100_000 };

/** Two API processes of one deployment: two apps (two memories) on one database. */
async function twoProcesses(
  db: Parameters<typeof createTestApp>[0],
  rateLimits: RateLimits,
): Promise<[TestApp, TestApp]> {
  const first = await createTestApp(db, { rateLimits });
  const second = await createTestApp(db, { rateLimits });
  return [first, second];
}

describeEachDialect('limits shared by API processes', (database) => {
  it('sign-in attempts: counted across processes on PostgreSQL, per process on SQLite', async () => {
    const { db, dialect } = database();
    const [a, b] = await twoProcesses(db, {
      ip: unlimited,
      shop: unlimited,
      signIn: { burst: 3, perSecond: 0.001 },
    });
    const answers: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const app = attempt % 2 === 0 ? a : b;
      const response = await app.json('POST', '/v1/admin/session', {
        secretKey: `sk_wrong${attempt}`,
      });
      answers.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    // One PostgreSQL: three attempts in all, whichever process takes them. SQLite is one process
    // by design (docs/deploy.md): each app counts its own three.
    expect(answers).toEqual(
      dialect === 'postgres'
        ? [401, 401, 401, 429, 429, 429, 429, 429]
        : [401, 401, 401, 401, 401, 401, 429, 429],
    );
  });

  it('public writes per shop: one budget across processes on PostgreSQL; reads stay per process', async () => {
    const { db, dialect } = database();
    const [a, b] = await twoProcesses(db, {
      ip: unlimited,
      shop: { burst: 4, perSecond: 0.001 },
      signIn: unlimited,
    });
    // Both apps serve the same shop (the first app's), as two processes of one deployment would.
    const shop = a.shopA;
    const headers = { authorization: `Bearer ${shop.publishableKey}`, origin: ORIGIN_A };
    const capture = {
      cart: { currency: 'EUR', subtotal: 1200, items: [] },
      locale: 'en',
    };
    const writes: number[] = [];
    for (let n = 0; n < 6; n++) {
      const app = n % 2 === 0 ? a : b;
      const response = await app.json('POST', `/v1/shops/${shop.shopId}/carts`, capture, headers);
      writes.push(response.status);
    }
    expect(writes).toEqual(
      dialect === 'postgres' ? [201, 201, 201, 201, 429, 429] : [201, 201, 201, 201, 201, 201],
    );
    // Reads count in each process's own buckets (the published config's hot path), untouched by
    // the writes: four each.
    for (const app of [a, b]) {
      const reads: number[] = [];
      for (let n = 0; n < 5; n++) {
        const response = await app.app.request(`/v1/shops/${shop.shopId}/config`, { headers });
        reads.push(response.status);
      }
      expect(reads).toEqual([200, 200, 200, 200, 429]);
    }
  });
});
