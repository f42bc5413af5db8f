import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase } from '../storage/database.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A port on 127.0.0.1 where `behaviour` happens to every connection. */
async function fakeDatabase(behaviour: 'refuse' | 'hang-up'): Promise<number> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  if (behaviour === 'refuse') {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } else {
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  }
  return port;
}

describe('a PostgreSQL that does not answer', () => {
  for (const behaviour of ['refuse', 'hang-up'] as const) {
    it(`answers 503 database_unavailable with Retry-After, never 500 (connections ${behaviour === 'refuse' ? 'refused' : 'cut at once'})`, async () => {
      const port = await fakeDatabase(behaviour);
      const db = openDatabase(`postgres://postgres@127.0.0.1:${port}/none`);
      closers.push(() => db.destroy());
      const app = createApp({ db, shopCacheTtlMs: 0 });
      const capture = await app.request('/v1/shops/shp_x/carts?key=pk_x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cart: { currency: 'EUR', subtotal: 0, items: [] } }),
      });
      expect(capture.status).toBe(503);
      expect(capture.headers.get('retry-after')).toBe('2');
      expect(((await capture.json()) as { error: { code: string } }).error.code).toBe(
        'database_unavailable',
      );
      expect((await app.request('/healthz')).status).toBe(503);
    });
  }
});
