import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { createApp, createNodeListener, resolveAppDeps } from './http/app.js';
import type { AppDeps } from './http/context.js';
import { createMailer, type Mailer } from './email/mailer.js';
import { createLogger, type Logger } from './log.js';
import { parseTrustProxy } from './http/middleware/rate-limiter.js';
import { ConfigFastPath } from './published-config/fast-path.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './storage/database.js';
import { migrate } from './storage/migrations/index.js';
import { startWorker as startRecoveryWorker } from './worker/worker.js';

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
  /** `MAIL_FROM`, the emails' sender address; unset: `no-reply@<PUBLIC_URL host>`. */
  mailFrom?: string;
  /** Start the recovery worker in this process. */
  withWorker?: boolean;
  logger?: Logger;
  /** Overrides for the app (rate limits, clock…). */
  app?: Partial<Omit<AppDeps, 'db' | 'logger' | 'publicUrl' | 'mailer' | 'mailFrom'>>;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  db: Kysely<Database>;
  /** Stops the worker, the HTTP server and the database, in that order. */
  close(): Promise<void>;
}

/** The mail settings, read here and nowhere else: the options, else the environment. */
function mailSettings(options: { smtpUrl?: string; mailFrom?: string }): {
  mailer: Mailer;
  mailFrom: string | undefined;
} {
  return {
    mailer: createMailer(options.smtpUrl ?? process.env.SMTP_URL),
    mailFrom: options.mailFrom ?? process.env.MAIL_FROM,
  };
}

/** Opens the database, runs the migrations and answers it with the names applied. */
export async function openMigratedDatabase(
  databaseUrl: string,
  options: OpenDatabaseOptions = {},
): Promise<{ db: Kysely<Database>; applied: string[] }> {
  const db = openDatabase(databaseUrl, options);
  try {
    return { db, applied: await migrate(db) };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Starts the HTTP server (API, admin page, widget files) on `node:http` after migrating the
 * database, and the recovery worker when `withWorker`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger();
  const port = options.port ?? Number(process.env.PORT ?? 8787);
  const host = options.host ?? '127.0.0.1';
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const trustProxy = options.app?.trustProxy ?? parseTrustProxy(process.env.TRUST_PROXY);
  // The API answers from the event loop: the WAL's checkpoints (an fsync each) run on a thread.
  const { db, applied } = await openMigratedDatabase(databaseUrl, { backgroundCheckpoints: true });
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const { mailer, mailFrom } = mailSettings(options);
  const clock = options.app?.clock ?? (() => new Date());
  let publicUrl = '';
  // The app needs the public URL, which with port 0 is known only once listening.
  let listener: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  // The worker starts once the server listens; captures wake it (AppDeps.onRecoveryRequested).
  let wakeWorker: () => void = () => {};
  const server = createServer((request, response) => {
    if (listener) return listener(request, response);
    response.writeHead(503).end();
  });
  const listening = new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      publicUrl = options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${info.port}`;
      const deps = resolveAppDeps({
        ...options.app,
        onRecoveryRequested: () => wakeWorker(),
        db,
        logger,
        clock,
        publicUrl,
        mailer,
        ...(mailFrom === undefined ? {} : { mailFrom }),
        trustProxy,
      });
      // The fast paths share the app's shop cache, published configs, rate-limit buckets and
      // group commit.
      listener = createNodeListener(createApp(deps), {
        fastPath: new ConfigFastPath(deps),
        captureDeps: deps,
      });
      resolve(info);
    });
  });
  let info: AddressInfo;
  try {
    info = await listening;
  } catch (error) {
    mailer.close();
    await db.destroy();
    throw error;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  const worker = options.withWorker
    ? startRecoveryWorker({
        db,
        logger,
        clock,
        publicUrl,
        mailer,
        ...(mailFrom === undefined ? {} : { fromAddress: mailFrom }),
      })
    : undefined;
  if (worker) wakeWorker = () => worker.wake();
  logger.info({ url, worker: worker !== undefined }, 'comptoir is listening');
  return {
    url,
    port: info.port,
    db,
    async close() {
      await worker?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      mailer.close();
      await db.destroy();
    },
  };
}

/** A running worker process (no HTTP). */
export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the recovery worker only (`comptoir worker`), after migrating the database. */
export async function startWorker(
  options: {
    databaseUrl?: string;
    publicUrl?: string;
    smtpUrl?: string;
    mailFrom?: string;
    logger?: Logger;
  } = {},
): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger();
  const { db } = await openMigratedDatabase(
    options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    { backgroundCheckpoints: true },
  );
  const { mailer, mailFrom } = mailSettings(options);
  const worker = startRecoveryWorker({
    db,
    logger,
    publicUrl:
      options.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`,
    mailer,
    ...(mailFrom === undefined ? {} : { fromAddress: mailFrom }),
  });
  logger.info('recovery worker started');
  return {
    async close() {
      await worker.stop();
      mailer.close();
      await db.destroy();
    },
  };
}
