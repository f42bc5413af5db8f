// Server budgets (DESIGN.md): GET …/config at ≥ 60 % of a bare node:http server's requests/s
// returning the same JSON, and cart capture on SQLite at ≥ 25 % of it, measured in the same run.
// The servers run in a child process so the load generator does not share their event loop.
//   npx tsx --conditions=comptoir-source bench/server.bench.ts   (BENCH_SECONDS=4 by default)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  createApp,
  createNodeListener,
  createShop,
  migrate,
  openDatabase,
  silentLogger,
} from '@comptoir/server';

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
// autocannon ships no types; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

/** Where the child's servers listen. */
interface Targets {
  bare: string;
  /** A Hono app with no middleware answering the same bytes: the framework's own cost. */
  hono: string;
  /** The same with every header the real config answer carries. */
  honoHeaders: string;
  app: string;
  shopId: string;
  publishableKey: string;
}

/** The figures of one run. */
export interface ServerBenchResult {
  bareRps: number;
  configRps: number;
  cartRps: number;
  configRatio: number;
  cartRatio: number;
  pass: boolean;
}

async function serveTargets(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const db = openDatabase(`sqlite:${join(folder, 'bench.db')}`);
  await migrate(db);
  const shop = await createShop(db, {
    name: 'Bench shop',
    origins: ['https://shop.example'],
    now: new Date(),
  });
  const unlimited = { burst: 1e9, perSecond: 1e9 };
  const app = createApp({
    db,
    logger: silentLogger(),
    plugins: [],
    rateLimits: { ip: unlimited, shop: unlimited, signIn: unlimited },
  });
  // The bare server answers the very bytes the app answers.
  const sample = await app.request(`/v1/shops/${shop.shopId}/config`, {
    headers: { authorization: `Bearer ${shop.publishableKey}`, origin: 'https://shop.example' },
  });
  const json = await sample.text();
  const appHeaders = [...sample.headers].filter(([name]) => name !== 'content-length');
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(json);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  // The app as `startServer` serves it.
  const appServer = createServer(createNodeListener(app));
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  const plainHono = new Hono().get('/', (c) => {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(json);
  });
  const honoServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch: plainHono.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(server),
    );
  });
  // The same Hono app answering with every header the real endpoint sends (CORS, ETag, caching,
  // security headers, request id): what the headers alone cost, on the server and the client.
  const headersHono = new Hono().get('/', (c) => {
    for (const [name, value] of appHeaders) c.header(name, value);
    return c.body(json);
  });
  const headersServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch: headersHono.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(server),
    );
  });
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  const targets: Targets = {
    bare: `http://127.0.0.1:${port(bare)}`,
    hono: `http://127.0.0.1:${port(honoServer)}`,
    honoHeaders: `http://127.0.0.1:${port(headersServer)}`,
    app: `http://127.0.0.1:${port(appServer)}`,
    shopId: shop.shopId,
    publishableKey: shop.publishableKey,
  };
  process.send?.(targets);
  process.once('disconnect', () => {
    bare.close();
    honoServer.close();
    headersServer.close();
    appServer.close();
    void db.destroy().then(() => rmSync(folder, { recursive: true, force: true }));
  });
}

async function startTargets(): Promise<{ child: ChildProcess; targets: Targets }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, COMPTOIR_BENCH_ROLE: 'servers' },
    execArgv: ['--conditions=comptoir-source', '--import', 'tsx'],
  });
  const targets = await new Promise<Targets>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Targets));
    child.once('exit', (code) => reject(new Error(`The bench servers exited with ${code}`)));
  });
  return { child, targets };
}

async function measure(label: string, options: AutocannonOptions): Promise<number> {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result.requests.average;
}

/**
 * Runs the server benchmark: bare node:http, GET config and POST carts, each for `seconds`
 * (bare and config twice, interleaved, to even out a shared machine), and prints PASS or FAIL.
 */
export async function runServerBench(
  seconds = Number(process.env.BENCH_SECONDS ?? 4),
): Promise<ServerBenchResult> {
  const { child, targets } = await startTargets();
  try {
    const auth = {
      authorization: `Bearer ${targets.publishableKey}`,
      origin: 'https://shop.example',
    };
    const configUrl = `${targets.app}/v1/shops/${targets.shopId}/config`;
    const common = { connections: 32 };
    await measure('warm-up', { ...common, url: targets.bare, duration: 1 });
    await measure('warm-up', { ...common, url: configUrl, headers: auth, duration: 1 });

    const bare: number[] = [];
    const config: number[] = [];
    for (let round = 0; round < 2; round++) {
      bare.push(await measure('bare', { ...common, url: targets.bare, duration: seconds }));
      config.push(
        await measure('config', { ...common, url: configUrl, headers: auth, duration: seconds }),
      );
    }
    const honoRps = await measure('plain hono', {
      ...common,
      url: targets.hono,
      duration: seconds,
    });
    const honoHeadersRps = await measure('plain hono with the headers', {
      ...common,
      url: targets.honoHeaders,
      duration: seconds,
    });
    const cartRps = await measure('cart capture', {
      ...common,
      url: `${targets.app}/v1/shops/${targets.shopId}/carts`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        cart: {
          currency: 'EUR',
          country: 'FR',
          subtotal: 4200,
          items: [
            { id: 'v1', productId: 'p1', title: 'Thé vert Sencha', quantity: 2, unitPrice: 1500 },
            { id: 'v2', productId: 'p2', title: 'Théière en fonte', quantity: 1, unitPrice: 1200 },
          ],
        },
        email: 'shopper@example.com',
        consent: { granted: true, text: 'Email me a link to my cart.' },
        locale: 'fr',
      }),
      duration: seconds,
    });

    const average = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    const bareRps = average(bare);
    const configRps = average(config);
    const result: ServerBenchResult = {
      bareRps,
      configRps,
      cartRps,
      configRatio: configRps / bareRps,
      cartRatio: cartRps / bareRps,
      pass: configRps / bareRps >= 0.6 && cartRps / bareRps >= 0.25,
    };
    const line = (label: string, rps: number, ratio?: number, budget?: number) =>
      console.log(
        `${label.padEnd(26)} ${rps.toFixed(0).padStart(7)} req/s` +
          (ratio === undefined
            ? ''
            : `  ${(ratio * 100).toFixed(0).padStart(3)} % of bare` +
              (budget === undefined
                ? ' (reference)'
                : ` (budget ≥ ${budget * 100} %): ${ratio >= budget ? 'PASS' : 'FAIL'}`)),
      );
    line('bare node:http', bareRps);
    line('plain Hono, no middleware', honoRps, honoRps / bareRps);
    line('plain Hono + same headers', honoHeadersRps, honoHeadersRps / bareRps);
    line('GET config', configRps, result.configRatio, 0.6);
    line('POST carts (SQLite)', cartRps, result.cartRatio, 0.25);
    console.log(result.pass ? 'server bench: PASS' : 'server bench: FAIL');
    return result;
  } finally {
    child.disconnect();
  }
}

if (process.env.COMPTOIR_BENCH_ROLE === 'servers') {
  await serveTargets();
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runServerBench();
  process.exitCode = result.pass ? 0 : 1;
}
