// Faults on a PostgreSQL deployment, with real processes: an API process SIGKILLed under load, the
// database going away and coming back (through a TCP proxy this test owns: the machine's
// PostgreSQL itself is never stopped), its backends terminated, and a slow SMTP relay.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedShop } from '@comptoir/server';
import {
  createTestDatabase,
  postgresProblem,
  postgresTestUrl,
  type TestDatabase,
} from '../packages/server/src/storage/test-databases.js';
import { captureBody, runLoad, type LoadResult } from './processes/load.js';
import { killAllProcesses, startApiProcess, type TestProcess } from './processes/processes.js';
import { createRecoveryShop, storefrontHeaders } from './processes/shop.js';
import { startTcpProxy, type TcpProxy } from './processes/tcp-proxy.js';

const UNLIMITED = { burst: 1_000_000, perSecond: 1_000_000 };
const RATE_LIMITS = JSON.stringify({ ip: UNLIMITED, shop: UNLIMITED });
/** The API clock runs 61 s behind the workers': a step 60 s after capture is due at once. */
const API_CLOCK_OFFSET_MS = '-61000';

let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
let keys: CreatedShop;
let pgProxy: TcpProxy;
const started: TestProcess[] = [];

function db() {
  if (!database) throw new Error('The test database is not ready');
  return database.db;
}

/** `url` (PostgreSQL) with the connections named `name` in `pg_stat_activity`. */
function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

/** `url` (PostgreSQL) reaching the server through `port` on 127.0.0.1 instead. */
function throughPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

async function api(name: string, databaseUrl: string): Promise<TestProcess> {
  const process = await startApiProcess(name, {
    DATABASE_URL: databaseUrl,
    CLOCK_OFFSET_MS: API_CLOCK_OFFSET_MS,
    RATE_LIMITS,
  });
  started.push(process);
  return process;
}

async function storedCartIds(): Promise<Set<string>> {
  const rows = await db()
    .selectFrom('carts')
    .select('id')
    .where('shop_id', '=', keys.shopId)
    .execute();
  return new Set(rows.map((row) => row.id));
}

function capture(apiUrl: string, email?: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${apiUrl}/v1/shops/${keys.shopId}/carts`, {
    method: 'POST',
    headers: storefrontHeaders(keys),
    body: captureBody(email),
    ...(signal ? { signal } : {}),
  });
}

const skipReason = postgresProblem
  ? ` [skipped: PostgreSQL at ${postgresTestUrl} is unreachable (${postgresProblem})]`
  : '';

describe.skipIf(postgresProblem !== undefined)(`faults on PostgreSQL${skipReason}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    pgProxy = await startTcpProxy(Number(new URL(postgresTestUrl).port || 5432));
    const first = await api('api-setup', database.urlWithSchema);
    keys = await createRecoveryShop(db(), first.url);
    await first.stop();
  }, 150_000);

  afterAll(async () => {
    await Promise.all(started.map((process) => process.stop()));
    await killAllProcesses();
    await pgProxy?.close();
    await database?.drop();
  });

  it(
    'SIGKILL of an API process under load loses no acknowledged cart',
    { timeout: 90_000 },
    async () => {
      const [survivor, doomed] = await Promise.all([
        api('api-survivor', database!.urlWithSchema),
        api('api-doomed', database!.urlWithSchema),
      ]);
      const acknowledged = new Set<string>();
      const load = (target: TestProcess): Promise<LoadResult> =>
        runLoad({
          url: target.url,
          connections: 8,
          duration: 8,
          requests: [
            {
              method: 'POST',
              path: `/v1/shops/${keys.shopId}/carts`,
              headers: storefrontHeaders(keys),
              setupRequest: (request) => ({ ...request, body: captureBody() }),
              onResponse(status, body) {
                if (status === 201) acknowledged.add((JSON.parse(body) as { id: string }).id);
              },
            },
          ],
        });
      const loads = [load(survivor), load(doomed)];
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const acknowledgedBeforeKill = acknowledged.size;
      expect(await doomed.kill()).toBe('SIGKILL');
      const [survivorResult, doomedResult] = (await Promise.all(loads)) as [LoadResult, LoadResult];
      const stored = await storedCartIds();
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      console.info(
        `[faults] SIGKILL under load: ${acknowledged.size} carts acknowledged ` +
          `(${acknowledgedBeforeKill} before the kill), ${stored.size} stored, ${lost.length} lost; ` +
          `the killed process's load saw ${doomedResult.errors} connection errors, ` +
          `the survivor ${survivorResult['5xx']} 5xx`,
      );
      expect(acknowledgedBeforeKill).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(survivorResult['5xx']).toBe(0);
      expect(survivorResult.non2xx).toBe(0);
      expect(doomedResult['5xx']).toBe(0);
      await survivor.stop();
    },
  );

  it(
    'the database going away answers 503 JSON quickly, and the server recovers by itself when it returns',
    { timeout: 90_000 },
    async () => {
      const proxied = await api('api-proxied', throughPort(database!.urlWithSchema, pgProxy.port));
      expect((await capture(proxied.url)).status).toBe(201);

      await pgProxy.down();
      const downAt = Date.now();
      const answers: { status: number; ms: number; code?: string; retryAfter: string | null }[] =
        [];
      for (let n = 0; n < 5; n++) {
        const sentAt = Date.now();
        const response = await capture(proxied.url, undefined, AbortSignal.timeout(15_000));
        const body = (await response.json()) as { error?: { code: string } };
        answers.push({
          status: response.status,
          ms: Date.now() - sentAt,
          ...(body.error ? { code: body.error.code } : {}),
          retryAfter: response.headers.get('retry-after'),
        });
      }
      const health = await fetch(`${proxied.url}/healthz`);
      expect(health.status).toBe(503);
      expect(answers.map((answer) => [answer.status, answer.code])).toEqual(
        Array(5).fill([503, 'database_unavailable']),
      );
      expect(answers.every((answer) => answer.retryAfter !== null)).toBe(true);
      const slowest = Math.max(...answers.map((answer) => answer.ms));
      // Not a hang: each answer comes well within the pool's connection timeout.
      expect(slowest).toBeLessThan(10_000);
      expect(proxied.child.exitCode).toBeNull();

      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 2000 - (Date.now() - downAt))),
      );
      await pgProxy.up();
      const upAt = Date.now();
      let recoveredAt: number | undefined;
      for (let attempt = 0; attempt < 100 && recoveredAt === undefined; attempt++) {
        const response = await capture(proxied.url, undefined, AbortSignal.timeout(15_000));
        await response.body?.cancel();
        if (response.status === 201) recoveredAt = Date.now();
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(recoveredAt).toBeDefined();
      expect((await fetch(`${proxied.url}/healthz`)).status).toBe(200);

      // The server ends every backend of this process (a failover, an administrator): the pool's
      // idle connections die under it, and the next requests get fresh ones.
      const applicationName = 'comptoir-faults-proxied';
      const named = await api(
        'api-named',
        withApplicationName(database!.urlWithSchema, applicationName),
      );
      expect((await capture(named.url)).status).toBe(201);
      // Under load, so that connections die both idle and in the middle of a request.
      const statuses = new Map<number, number>();
      const underLoad = runLoad({
        url: named.url,
        connections: 4,
        duration: 3,
        requests: [
          {
            method: 'POST',
            path: `/v1/shops/${keys.shopId}/carts`,
            headers: storefrontHeaders(keys),
            setupRequest: (request) => ({ ...request, body: captureBody() }),
            onResponse: (status) => void statuses.set(status, (statuses.get(status) ?? 0) + 1),
          },
        ],
      });
      let terminated = 0;
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setTimeout(resolve, 600));
        const ended = await sql<{ pid: number }>`
          select pg_terminate_backend(pid) as pid from pg_stat_activity
          where application_name = ${applicationName}
        `.execute(db());
        terminated += ended.rows.length;
      }
      const loaded = await underLoad;
      const afterTermination: number[] = [];
      for (let n = 0; n < 3; n++) {
        const response = await capture(named.url, undefined, AbortSignal.timeout(15_000));
        afterTermination.push(response.status);
        await response.body?.cancel();
      }
      expect(terminated).toBeGreaterThan(0);
      expect(loaded.errors).toBe(0);
      expect([...statuses.keys()].filter((status) => status !== 201 && status !== 503)).toEqual([]);
      expect(afterTermination).toEqual([201, 201, 201]);
      expect(named.child.exitCode).toBeNull();
      console.info(
        `[faults] database away: ${answers.length} captures answered 503 database_unavailable in ` +
          `at most ${slowest} ms each; back ${recoveredAt! - upAt} ms after the database returned; ` +
          `pg_terminate_backend of ${terminated} connections under load: ` +
          `${[...statuses].map(([status, count]) => `${count} × ${status}`).join(', ')}, then ${afterTermination.join(', ')}`,
      );
      await Promise.all([proxied.stop(), named.stop()]);
    },
  );
});
