import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { createApp, createNodeListener } from './app.js';
import type { AppDeps } from './context.js';
import { createLogger, type Logger } from './log.js';
import { parseTrustProxy } from './middleware/rate-limit.js';
import { plugins as registeredPlugins, type ServerPlugin } from './plugins.js';
import { openDatabase, type Database } from './storage/database.js';
import { migrate } from './storage/migrations/index.js';

/** The default `DATABASE_URL`. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/comptoir.db';

/**
 * Options for {@link startServer}; each defaults to its environment variable (`app.trustProxy`
 * to `TRUST_PROXY`, see {@link parseTrustProxy}).
 */
export interface StartServerOptions {
  /** `PORT`, else 8787; 0 picks a free port. */
  port?: number;
  host?: string;
  /** `DATABASE_URL`, else `sqlite:./data/comptoir.db`. */
  databaseUrl?: string;
  /** `PUBLIC_URL`, else `http://localhost:<port>`. */
  publicUrl?: string;
  /** `SMTP_URL`; unset keeps mail in the local outbox. */
  smtpUrl?: string;
  /** Start the plugins' background tasks (the recovery worker) in this process. */
  withWorker?: boolean;
  logger?: Logger;
  /** Overrides for the app (rate limits, plugins…). */
  app?: Partial<Omit<AppDeps, 'db' | 'logger' | 'publicUrl'>>;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  db: Kysely<Database>;
  /** Stops the worker, the HTTP server and the database, in that order. */
  close(): Promise<void>;
}

async function startPlugins(
  plugins: ServerPlugin[],
  context: Parameters<NonNullable<ServerPlugin['start']>>[0],
): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  for (const plugin of plugins) {
    if (plugin.start) {
      stops.push(await plugin.start(context));
      context.logger.info({ plugin: plugin.name }, 'background task started');
    }
  }
  return stops;
}

/** Opens the database, runs the migrations and answers it with the names applied. */
export async function openMigratedDatabase(
  databaseUrl: string,
): Promise<{ db: Kysely<Database>; applied: string[] }> {
  const db = openDatabase(databaseUrl);
  try {
    return { db, applied: await migrate(db) };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Starts the HTTP server (API, admin page, widget files) on `node:http` after migrating the
 * database, and the plugins' background tasks when `withWorker`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const port = options.port ?? Number(process.env.PORT ?? 8787);
  const host = options.host ?? '127.0.0.1';
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const trustProxy = options.app?.trustProxy ?? parseTrustProxy(process.env.TRUST_PROXY);
  const { db, applied } = await openMigratedDatabase(databaseUrl);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const plugins = options.app?.plugins ?? registeredPlugins;
  // The app needs the public URL, which with port 0 is known only once listening.
  let listener: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server = createServer((request, response) => {
    if (listener) return listener(request, response);
    response.writeHead(503).end();
  });
  const listening = new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const app = createApp({
        ...options.app,
        db,
        logger,
        publicUrl: options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${info.port}`,
        plugins,
        trustProxy,
      });
      listener = createNodeListener(app);
      resolve(info);
    });
  });
  let info: AddressInfo;
  try {
    info = await listening;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  const stops = options.withWorker
    ? await startPlugins(plugins, {
        db,
        logger,
        clock: options.app?.clock ?? (() => new Date()),
        publicUrl: options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${info.port}`,
        smtpUrl: options.smtpUrl ?? process.env.SMTP_URL,
      })
    : [];
  logger.info({ url, worker: stops.length > 0 }, 'comptoir is listening');
  return {
    url,
    port: info.port,
    db,
    async close() {
      for (const stop of stops) await stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}

/** A running worker process (no HTTP). */
export interface RunningWorker {
  close(): Promise<void>;
}

/** Thrown by {@link startWorker} when no plugin has a background task. */
export class NoWorkerError extends Error {
  override name = 'NoWorkerError';
}

/** Starts the plugins' background tasks only (`comptoir worker`), after migrating the database. */
export async function startWorker(
  options: {
    databaseUrl?: string;
    publicUrl?: string;
    smtpUrl?: string;
    logger?: Logger;
    plugins?: ServerPlugin[];
  } = {},
): Promise<RunningWorker> {
  const plugins = options.plugins ?? registeredPlugins;
  if (!plugins.some((plugin) => plugin.start)) {
    throw new NoWorkerError(
      'No background worker is registered in this build (see src/plugins.ts)',
    );
  }
  const logger = options.logger ?? createLogger();
  const { db } = await openMigratedDatabase(
    options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  );
  const stops = await startPlugins(plugins, {
    db,
    logger,
    clock: () => new Date(),
    publicUrl:
      options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`,
    smtpUrl: options.smtpUrl ?? process.env.SMTP_URL,
  });
  return {
    async close() {
      for (const stop of stops) await stop();
      await db.destroy();
    },
  };
}
