import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { AppDeps } from '../context.js';
import { openDatabase } from '../../storage/database.js';
import { parseTrustProxy, rateLimitKeyOf } from './rate-limiter.js';

/** What @hono/node-server hands the app as its env: the socket the request came on. */
function socketFrom(remoteAddress: string) {
  return {
    incoming: {
      socket: {
        remoteAddress,
        remotePort: 4000,
        remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4',
      },
    },
  };
}

function appWith(deps: Partial<AppDeps>) {
  return createApp({
    db: openDatabase('sqlite::memory:'),
    rateLimits: { ip: { burst: 3, perSecond: 0.001 } },
    ...deps,
  });
}

async function statuses(
  app: ReturnType<typeof createApp>,
  requests: { xff?: string; ip: string; path?: string }[],
) {
  const answers: number[] = [];
  for (const { xff, ip, path } of requests) {
    const response = await app.request(
      path ?? '/v1/shops/shp_x/config',
      { headers: xff ? { 'x-forwarded-for': xff } : {} },
      socketFrom(ip),
    );
    answers.push(response.status);
  }
  return answers;
}

describe('rate limit by client IP', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted: rotating it does not dodge the limit', async () => {
    const app = appWith({});
    const answers = await statuses(
      app,
      [1, 2, 3, 4].map((n) => ({ xff: `10.0.0.${n}`, ip: '203.0.113.9' })),
    );
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('behind one trusted proxy, takes the address that proxy appended, not the first (client-written) one', async () => {
    const app = appWith({ trustProxy: 1 });
    const spoofed = await statuses(
      app,
      [1, 2, 3, 4].map((n) => ({ xff: `10.0.0.${n}, 198.51.100.7`, ip: '127.0.0.1' })),
    );
    expect(spoofed).toEqual([401, 401, 401, 429]);
    // Another real client behind the same proxy has its own bucket.
    expect(await statuses(app, [{ xff: '198.51.100.8', ip: '127.0.0.1' }])).toEqual([401]);
  });

  it('behind two trusted proxies, takes the second address from the right', async () => {
    const app = appWith({ trustProxy: 2 });
    const answers = await statuses(
      app,
      [1, 2, 3, 4].map((n) => ({ xff: `10.0.0.${n}, 198.51.100.7, 192.0.2.1`, ip: '127.0.0.1' })),
    );
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('counts an IPv6 client by its /64, which one subscriber holds whole', async () => {
    const app = appWith({});
    const answers = await statuses(
      app,
      [
        '2001:db8:1:2::1',
        '2001:db8:1:2::2',
        '2001:db8:1:2:aaaa::3',
        '2001:db8:1:2:ffff:ffff:ffff:ffff',
      ].map((ip) => ({ ip })),
    );
    expect(answers).toEqual([401, 401, 401, 429]);
    expect(await statuses(app, [{ ip: '2001:db8:1:3::1' }])).toEqual([401]);
  });

  it('limits the recovery and unsubscribe links too (token guessing)', async () => {
    const app = appWith({});
    const answers = await statuses(
      app,
      ['/r/a', '/u/b', '/r/c', '/u/d'].map((path) => ({ ip: '203.0.113.10', path })),
    );
    expect(answers.at(-1)).toBe(429);
  });
});

describe('rateLimitKeyOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0:0:1::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s → %s', (address, key) => {
    expect(rateLimitKeyOf(address)).toBe(key);
  });
});

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['true', 1],
    ['1', 1],
    ['2', 2],
  ] as const)('%s → %s', (value, expected) => {
    expect(parseTrustProxy(value)).toBe(expected);
  });

  it('refuses anything else', () => {
    expect(() => parseTrustProxy('yes please')).toThrow(/TRUST_PROXY/);
  });
});
