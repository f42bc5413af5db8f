// Server budgets (DESIGN.md): GET …/config at ≥ 60 % of a bare node:http server's requests/s
// returning the same JSON, and cart capture on SQLite at ≥ 25 % of it, measured in the same run.
// The servers run in a child process so the load generator does not share their event loop.
//   npx tsx --conditions=comptoir-source bench/server.bench.ts   (BENCH_SECONDS=4, BENCH_ROUNDS=3)
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import BetterSqlite3 from 'better-sqlite3';
import { Hono } from 'hono';
import type { CartCaptureInput } from '@comptoir/sdk';
import {
  ConfigFastPath,
  createApp,
  createNodeListener,
  createShop,
  migrate,
  openDatabase,
  resolveAppDeps,
  silentLogger,
} from '@comptoir/server';
import { scheduleRequestedRecoveries } from '../packages/server/src/worker/scheduler.js';

interface AutocannonResult {
  requests: { average: number; total: number };
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
  /** Called before each request: here, to give each capture a body of its own. */
  requests?: { setupRequest: (request: { body?: string }) => { body?: string } }[];
}
// autocannon ships no types; this is the part of its API the bench uses.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

/**
 * A storefront's capture: a two-line cart, an email and the consent shown. Each capture gets an
 * address of its own ({@link NEW_EMAIL_EACH}), as real traffic does: with one address for all,
 * every capture after the first found that shopper's recovery already scheduled and inserted no
 * jobs. `ONE_EMAIL_BODY` measures that path too.
 */
const captureBody = (email: string) =>
  JSON.stringify({
    cart: {
      currency: 'EUR',
      country: 'FR',
      subtotal: 4200,
      items: [
        { id: 'v1', productId: 'p1', title: 'Thé vert Sencha', quantity: 2, unitPrice: 1500 },
        { id: 'v2', productId: 'p2', title: 'Théière en fonte', quantity: 1, unitPrice: 1200 },
      ],
    },
    email,
    consent: { granted: true, text: 'Email me a link to my cart.' },
    locale: 'fr',
  });
const ONE_EMAIL_BODY = captureBody('shopper@example.com');
let shoppers = 0;
/** autocannon's hook, run before each request: the next shopper's address. */
const NEW_EMAIL_EACH = [
  {
    setupRequest: (request: { body?: string }) => ({
      ...request,
      body: captureBody(`shopper-${++shoppers}@example.com`),
    }),
  },
];

/** Where the child's servers listen. */
interface Targets {
  bare: string;
  /** A bare node:http server sending the very headers the config answer carries. */
  bareHeaders: string;
  /** A Hono app with no middleware answering the same bytes: the framework's own cost. */
  hono: string;
  /** The same with every header the real config answer carries. */
  honoHeaders: string;
  /**
   * The app as `startServer` serves it, without its worker: each capture stores its cart with a
   * request for its recovery emails, which the worker turns into jobs (measured apart, below).
   */
  app: string;
  /** node:http parsing the capture and inserting its row, group-committed: nothing else. */
  captureFloor: string;
  shopId: string;
  publishableKey: string;
  /** A second shop of the same app with recovery turned off: capture without scheduling. */
  quietShopId: string;
  quietPublishableKey: string;
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

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function honoServer(app: Hono): Server {
  return createServer(getRequestListener(app.fetch));
}

/**
 * The least any cart capture on this schema can cost: read the body, `JSON.parse` it and insert
 * the row `insertCart` inserts, with the captures of one event-loop turn in one transaction. No
 * validation, key, Origin, rate limit or framework: what the 25 % budget is up against.
 */
function captureFloorServer(file: string, shopId: string): Server {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const insert = sqlite.prepare(
    `insert into carts (id, shop_id, platform_cart_id, currency, country, subtotal, items, email,
     email_hash, consent_granted, consent_text, consent_at, locale, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  );
  // Each pending capture: its insert, then its answer once the transaction is committed.
  let pending: { write: () => void; answer: () => void }[] = [];
  const commit = sqlite.transaction((writes: typeof pending) => {
    for (const { write } of writes) write();
  });
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const input = JSON.parse(Buffer.concat(chunks).toString()) as CartCaptureInput;
      const id = `crt_${randomBytes(16).toString('base64url')}`;
      const now = new Date().toISOString();
      const email = input.email ?? null;
      const emailHash = email && createHash('sha256').update(email).digest('hex');
      const write = () =>
        insert.run(
          id,
          shopId,
          input.cart.id ?? null,
          input.cart.currency,
          input.cart.country ?? null,
          input.cart.subtotal,
          JSON.stringify(input.cart.items),
          email,
          emailHash,
          input.consent?.granted ? 1 : 0,
          input.consent?.text ?? null,
          now,
          input.locale ?? null,
          now,
          now,
        );
      const answer = () => {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id, emailCaptured: email !== null }));
      };
      pending.push({ write, answer });
      if (pending.length === 1) {
        setImmediate(() => {
          const writes = pending;
          pending = [];
          commit(writes);
          for (const { answer } of writes) answer();
        });
      }
    });
  });
}

/** Saves the shop's config with the recovery emails disabled, through the admin API. */
async function turnRecoveryOff(app: ReturnType<typeof createApp>, secretKey: string) {
  const headers = { authorization: `Bearer ${secretKey}` };
  const current = await app.request('/v1/admin/config', { headers });
  const config = (await current.json()) as { recovery: { enabled: boolean } };
  config.recovery.enabled = false;
  const saved = await app.request('/v1/admin/config', {
    method: 'PUT',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'if-match': current.headers.get('etag') ?? '*',
    },
    body: JSON.stringify(config),
  });
  if (!saved.ok) throw new Error(`Turning recovery off answered ${saved.status}`);
}

async function serveTargets(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-'));
  const file = join(folder, 'bench.db');
  // As startServer opens it: the WAL checkpointed from a thread, off the event loop.
  const db = openDatabase(`sqlite:${file}`, { backgroundCheckpoints: true });
  await migrate(db);
  const shop = await createShop(db, {
    name: 'Bench shop',
    origins: ['https://shop.example'],
    now: new Date(),
  });
  const unlimited = { burst: 1e9, perSecond: 1e9 };
  const appDeps = {
    db,
    logger: silentLogger(),
    rateLimits: { ip: unlimited, shop: unlimited, signIn: unlimited },
  };
  // Resolved once, so the fast path shares the app's caches and buckets as `startServer` does.
  const resolvedDeps = resolveAppDeps(appDeps);
  const app = createApp(resolvedDeps);
  const quietShop = await createShop(db, {
    name: 'Bench shop without recovery',
    origins: ['https://shop.example'],
    now: new Date(),
  });
  await turnRecoveryOff(app, quietShop.secretKey);
  // The bare servers answer the very bytes the app answers.
  const sample = await app.request(`/v1/shops/${shop.shopId}/config`, {
    headers: { authorization: `Bearer ${shop.publishableKey}`, origin: 'https://shop.example' },
  });
  const json = await sample.text();
  const appHeaders = [...sample.headers].filter(([name]) => name !== 'content-length');
  const bare = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(json);
  });
  const bareHeaders = createServer((_request, response) => {
    response.writeHead(200, Object.fromEntries(appHeaders));
    response.end(json);
  });
  const plainHono = new Hono().get('/', (c) => {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(json);
  });
  // The same Hono app answering with every header the real endpoint sends (CORS, ETag, caching,
  // security headers, request id): what the headers alone cost, on the server and the client.
  const headersHono = new Hono().get('/', (c) => {
    for (const [name, value] of appHeaders) c.header(name, value);
    return c.body(json);
  });
  const servers = {
    bare,
    bareHeaders,
    hono: honoServer(plainHono),
    honoHeaders: honoServer(headersHono),
    // BENCH_CAPTURE_FAST_PATH=0 serves the captures through Hono, to measure what it saves.
    app: createServer(
      createNodeListener(app, {
        fastPath: new ConfigFastPath(resolvedDeps),
        ...(process.env.BENCH_CAPTURE_FAST_PATH === '0' ? {} : { captureDeps: resolvedDeps }),
      }),
    ),
    captureFloor: captureFloorServer(file, shop.shopId),
  };
  const urls = Object.fromEntries(
    await Promise.all(
      Object.entries(servers).map(async ([name, server]) => [name, await listen(server)]),
    ),
  ) as Record<keyof typeof servers, string>;
  const targets: Targets = {
    ...urls,
    shopId: shop.shopId,
    publishableKey: shop.publishableKey,
    quietShopId: quietShop.shopId,
    quietPublishableKey: quietShop.publishableKey,
  };
  process.send?.(targets);
  // The load generator asks for this process's CPU time before and after each run, and for the
  // worker's scheduling of what the captures requested.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message === 'schedule')
      void scheduleAll(db).then((scheduling) => process.send?.({ scheduling }));
  });
  process.once('disconnect', () => {
    for (const server of Object.values(servers)) server.close();
    void db.destroy().then(() => rmSync(folder, { recursive: true, force: true }));
  });
}

/** What the worker's scheduling of the waiting recovery requests took, in this process. */
interface Scheduling {
  carts: number;
  seconds: number;
  cpuMicros: number;
}

/** Runs the worker's scheduling step until no recovery request waits, as the worker loop does. */
async function scheduleAll(db: ReturnType<typeof openDatabase>): Promise<Scheduling> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let carts = 0;
  for (;;) {
    const scheduled = await scheduleRequestedRecoveries(db, { skipLocked: false });
    if (scheduled === 0) break;
    carts += scheduled;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return {
    carts,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuMicros: cpu.user + cpu.system,
  };
}

/** Asks the servers' process to schedule every waiting request (the worker's work, timed). */
function scheduleInServers(): Promise<Scheduling> {
  const child = servers as ChildProcess;
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const scheduling = (message as { scheduling?: Scheduling }).scheduling;
      if (!scheduling) return;
      child.off('message', onMessage);
      resolve(scheduling);
    };
    child.on('message', onMessage);
    child.send('schedule');
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

/** Interleaved bare/config pairs (BENCH_ROUNDS, default 3). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The servers' process, asked for its CPU time around each run. */
let servers: ChildProcess | undefined;

function serversCpu(): Promise<number> {
  const child = servers;
  if (!child) return Promise.resolve(0);
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const cpu = (message as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      child.off('message', onMessage);
      resolve(cpu.user + cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/**
 * The servers' CPU time per answered request (µs), by label. Unlike req/s it hardly depends on
 * what else the machine runs: on a shared machine (other builds, other benchmarks) the req/s of
 * one run can halve from one second to the next, which no same-run ratio fully evens out.
 */
const cpuPerRequest = new Map<string, number[]>();

async function measure(label: string, options: AutocannonOptions): Promise<number> {
  const cpuBefore = await serversCpu();
  const result = await autocannon(options);
  const cpuAfter = await serversCpu();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  if (result.requests.total > 0) {
    const list = cpuPerRequest.get(label) ?? [];
    list.push((cpuAfter - cpuBefore) / result.requests.total);
    cpuPerRequest.set(label, list);
  }
  return result.requests.average;
}

/**
 * Runs the server benchmark: bare node:http, GET config and POST carts, each for `seconds`
 * (bare and config in `ROUNDS` interleaved pairs, to even out a shared machine), the reference
 * servers once each, and prints PASS or FAIL.
 */
export async function runServerBench(
  seconds = Number(process.env.BENCH_SECONDS ?? 4),
): Promise<ServerBenchResult> {
  const { child, targets } = await startTargets();
  servers = child;
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
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await measure('bare', { ...common, url: targets.bare, duration: seconds }));
      config.push(
        await measure('config', { ...common, url: configUrl, headers: auth, duration: seconds }),
      );
    }
    const reference = (label: string, url: string) =>
      measure(label, { ...common, url, duration: seconds });
    const bareHeadersRps = await reference('bare with the headers', targets.bareHeaders);
    const honoRps = await reference('plain hono', targets.hono);
    const honoHeadersRps = await reference('plain hono with the headers', targets.honoHeaders);
    const capture = (
      label: string,
      base: string,
      shopId: string,
      publishableKey: string,
      duration = seconds,
      body?: string,
    ) =>
      measure(label, {
        ...common,
        url: `${base}/v1/shops/${shopId}/carts`,
        method: 'POST',
        headers: {
          authorization: `Bearer ${publishableKey}`,
          origin: 'https://shop.example',
          'content-type': 'application/json',
        },
        ...(body === undefined ? { requests: NEW_EMAIL_EACH } : { body }),
        duration,
      });
    // Like the config above, each capture route is warmed up first (its code compiled by the JIT,
    // its statements prepared), then the three are measured in ROUNDS interleaved rounds and each
    // reports its median: measured once each, one after the other, the first paid for the JIT's
    // work and the machine's drift fell on whichever ran during it.
    const app = [targets.app, targets.shopId, targets.publishableKey] as const;
    const quiet = [targets.app, targets.quietShopId, targets.quietPublishableKey] as const;
    const floor = [targets.captureFloor, targets.shopId, targets.publishableKey] as const;
    for (const target of [app, quiet, floor]) await capture('warm-up', ...target, 2);
    await scheduleInServers();
    const carts: number[] = [];
    const oneEmail: number[] = [];
    const cartsWithoutRecovery: number[] = [];
    const floors: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      carts.push(await capture('cart capture', ...app));
      oneEmail.push(await capture('cart capture, one email', ...app, seconds, ONE_EMAIL_BODY));
      cartsWithoutRecovery.push(await capture('cart capture, recovery off', ...quiet));
      floors.push(await capture('capture floor', ...floor));
    }
    // What the captures left to the worker: each new address's sequence and its three jobs.
    const scheduling = await scheduleInServers();
    const cartRps = median(carts);
    const oneEmailRps = median(oneEmail);
    const cartWithoutRecoveryRps = median(cartsWithoutRecovery);
    const floorRps = median(floors);

    // The machine's speed drifts from one second to the next: the config ratio is the median of
    // the rounds' own ratios, each measured back to back with its bare run.
    const bareRps = median(bare);
    const configRatio = median(config.map((rps, round) => rps / (bare[round] as number)));
    const configRps = configRatio * bareRps;
    const result: ServerBenchResult = {
      bareRps,
      configRps,
      cartRps,
      configRatio,
      cartRatio: cartRps / bareRps,
      pass: configRatio >= 0.6 && cartRps / bareRps >= 0.25,
    };
    console.log(
      `rounds (bare → config): ${bare
        .map((rps, round) => `${rps.toFixed(0)} → ${(config[round] as number).toFixed(0)}`)
        .join(', ')}`,
    );
    console.log(
      `rounds (capture, one email, recovery off, floor): ${carts
        .map(
          (rps, round) =>
            `${rps.toFixed(0)} / ${(oneEmail[round] as number).toFixed(0)} / ${(cartsWithoutRecovery[round] as number).toFixed(0)} / ${(floors[round] as number).toFixed(0)}`,
        )
        .join(', ')}`,
    );
    const bareCpu = median(cpuPerRequest.get('bare') ?? [0]);
    const line = (label: string, measured: string, rps: number, budget?: number) => {
      const ratio = rps / bareRps;
      const cpu = median(cpuPerRequest.get(measured) ?? [0]);
      console.log(
        `${label.padEnd(40)} ${rps.toFixed(0).padStart(7)} req/s` +
          (label === 'bare node:http'
            ? ' (baseline)'
            : `  ${(ratio * 100).toFixed(0).padStart(3)} % of bare` +
              (budget === undefined
                ? ' (reference)'
                : ` (budget ≥ ${budget * 100} %): ${ratio >= budget ? 'PASS' : 'FAIL'}`)) +
          `  | server CPU ${cpu.toFixed(0).padStart(4)} µs/req` +
          (label === 'bare node:http' ? '' : ` (bare's ${((bareCpu / cpu) * 100).toFixed(0)} %)`),
      );
    };
    line('bare node:http', 'bare', bareRps);
    line('bare node:http + the same headers', 'bare with the headers', bareHeadersRps);
    line('plain Hono, no middleware', 'plain hono', honoRps);
    line('plain Hono + the same headers', 'plain hono with the headers', honoHeadersRps);
    line('GET config', 'config', configRps, 0.6);
    line('POST carts (SQLite, recovery requested)', 'cart capture', cartRps, 0.25);
    line('POST carts (SQLite, one address for all)', 'cart capture, one email', oneEmailRps);
    line('POST carts (SQLite, recovery off)', 'cart capture, recovery off', cartWithoutRecoveryRps);
    line('capture floor: parse + insert only', 'capture floor', floorRps);
    // The worker's share, for the same captures: in `comptoir serve` it runs in the API's
    // process, so a server kept busy with new carts for long gives both their time.
    const schedulingCpu = scheduling.cpuMicros / scheduling.carts;
    const cartCpu = median(cpuPerRequest.get('cart capture') ?? [0]);
    console.log(
      `${'worker: scheduling the captured carts'.padEnd(40)} ${(scheduling.carts / scheduling.seconds).toFixed(0).padStart(7)} carts/s ` +
        `(${scheduling.carts} carts, each a sequence and its jobs)  | CPU ${schedulingCpu.toFixed(0).padStart(4)} µs/cart`,
    );
    console.log(
      `${'capture + its scheduling, one process'.padEnd(40)} ${(1e6 / (cartCpu + schedulingCpu)).toFixed(0).padStart(7)} carts/s of CPU ` +
        `(reference: ${(cartCpu + schedulingCpu).toFixed(0)} µs CPU a cart, bare's ${((bareCpu / (cartCpu + schedulingCpu)) * 100).toFixed(0)} %)`,
    );
    console.log(
      `load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores: req/s ratios are only as steady as that`,
    );
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
