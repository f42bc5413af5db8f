import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import {
  BACKSTOP_CHECKPOINT_PAGES,
  startBackgroundCheckpoints,
  type BackgroundCheckpoints,
} from './sqlite-checkpoints.js';
import type { CartsTable } from './cart.table.js';
import type { LifecycleOrdersTable } from './lifecycle.table.js';
import type {
  InstanceSecretsTable,
  OrderSourcesTable,
  OrderWebhookLogTable,
  VerifiedOrdersTable,
} from './order-webhook.table.js';
import type {
  AbsenceSubscriptionsTable,
  RecoveryAddressCapsTable,
  RecoveryClicksTable,
  RecoveryEmailsTable,
  RecoveryJobsTable,
  RecoverySequencesTable,
  RecoverySuppressionsTable,
} from './recovery.table.js';
import type { SessionsTable } from './session.table.js';
import type { ShopsTable } from './shop.table.js';
import type {
  WebhookAttemptsTable,
  WebhookEndpointsTable,
  WebhookMessagesTable,
} from './webhook.table.js';
import type { WidgetEventsTable } from './widget-event.table.js';

/**
 * Every table Kysely knows about, each typed in its `<thing>.table.ts`. (`rate_limits`, migration
 * 007, belongs to rate-limiter-flexible, which queries it itself.)
 */
export interface Database {
  shops: ShopsTable;
  sessions: SessionsTable;
  carts: CartsTable;
  widget_events: WidgetEventsTable;
  // The recovery emails (migrations 002, 003).
  recovery_sequences: RecoverySequencesTable;
  absence_subscriptions: AbsenceSubscriptionsTable;
  recovery_jobs: RecoveryJobsTable;
  recovery_emails: RecoveryEmailsTable;
  recovery_suppressions: RecoverySuppressionsTable;
  recovery_clicks: RecoveryClicksTable;
  recovery_address_caps: RecoveryAddressCapsTable;
  // Verified orders from the platforms' webhooks (005).
  order_sources: OrderSourcesTable;
  order_webhook_log: OrderWebhookLogTable;
  verified_orders: VerifiedOrdersTable;
  instance_secrets: InstanceSecretsTable;
  // Event webhooks out (006).
  webhook_endpoints: WebhookEndpointsTable;
  webhook_messages: WebhookMessagesTable;
  webhook_attempts: WebhookAttemptsTable;
  // Emails after the order (013).
  lifecycle_orders: LifecycleOrdersTable;
}

/** The database or an open transaction: what every store function takes first. */
export type Db = Kysely<Database> | Transaction<Database>;

/** The SQL dialect behind a database URL. */
export type DialectName = 'sqlite' | 'postgres';

/** A database URL that names neither SQLite nor PostgreSQL. */
export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/** True when `error` is a {@link DatabaseUrlError}. */
export function isDatabaseUrlError(error: unknown): error is DatabaseUrlError {
  return error instanceof Error && error.name === 'DatabaseUrlError';
}

/** The dialect a `DATABASE_URL` selects: `sqlite:./path` (or `:memory:`) or `postgres://…`. */
export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new DatabaseUrlError(
    `Unsupported DATABASE_URL "${url.replace(/\/\/[^@/]*@/, '//…@')}": use sqlite:./path/to/file.db or postgres://user@host/db`,
  );
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** PostgreSQL schema to use as `search_path` (tests give each file its own). */
  searchPath?: string;
  /** PostgreSQL pool size; defaults to 10. */
  poolSize?: number;
  /**
   * SQLite: how long a write waits for another process's write lock before it fails (default
   * 5000 ms; tests shorten it).
   */
  busyTimeoutMs?: number;
  /**
   * SQLite file: checkpoint the WAL from a thread of its own ({@link startBackgroundCheckpoints}),
   * off the event loop. The API server's database does; tests and the CLI need not.
   */
  backgroundCheckpoints?: boolean;
}

// int8 (counts, money in minor units) as numbers: every value we store is below 2^53.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** How many prepared statements a SQLite connection keeps (the app has a few dozen queries). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 with its prepared statements kept by SQL text. Kysely prepares every query anew,
 * and preparing costs more than running a small query. Safe because Kysely runs one query at a time
 * on the connection and never iterates a statement here (no `.stream()`).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value as string);
        }
        statement = sqlite.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * SQLite transactions that take the write lock when they begin (`BEGIN IMMEDIATE`), waiting up to
 * the busy timeout for another process (the worker, a backup) to let go of it. Kysely's `BEGIN`
 * (deferred) takes it at the first write instead: a transaction that read first and found the
 * lock held then fails with `SQLITE_BUSY_SNAPSHOT` as soon as the other process commits, since
 * its snapshot is stale, and no wait cures that. Every transaction here writes.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly checkpoints: BackgroundCheckpoints | undefined,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  // The checkpointing thread first, with its last checkpoint: the server's connection, closed
  // last, then removes the WAL file.
  override async destroy(): Promise<void> {
    await this.checkpoints?.stop();
    await super.destroy();
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqliteConfig: SqliteDialectConfig,
    private readonly checkpoints?: BackgroundCheckpoints,
  ) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig, this.checkpoints);
  }
}

/**
 * Opens a Kysely database for `sqlite:./path` (better-sqlite3 in WAL mode, with a busy timeout and
 * foreign keys on; the parent folder is created) or `postgres://…` (a `pg` pool).
 */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): Kysely<Database> {
  if (dialectOf(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new BetterSqlite3(inMemory ? ':memory:' : file);
    sqlite.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL cannot corrupt the database; a power cut may lose the last commits.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    sqlite.pragma('foreign_keys = ON');
    let checkpoints: BackgroundCheckpoints | undefined;
    if (options.backgroundCheckpoints && !inMemory) {
      sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      checkpoints = startBackgroundCheckpoints(file);
    }
    return new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, checkpoints),
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // A database that takes connections but never answers fails a request in 5 s, not never.
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle connection the server dropped (a restart, a failover, pg_terminate_backend) is an
  // 'error' event on the pool, which would crash the process unheard. The pool has already
  // discarded that client and the next query opens a new connection; a query that was running
  // fails on its own and is answered 503 (see isDatabaseUnavailable).
  pool.on('error', () => undefined);
  // The same on a connection in use: pg-pool listens only while it is idle, and a socket reset
  // between two queries of a request would otherwise crash the process. The running query fails
  // on its own, and the pool discards the broken connection when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: shutting down, crashed, starting up, out of connection slots.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection ended/i;

/**
 * True when `error` says the database cannot be reached right now (refused or dropped connections,
 * a server shutting down or starting, no free connection slot; a lock held too long is
 * `isDatabaseBusy` in transaction-retry.ts), as
 * opposed to a query it refused: the request may succeed if tried again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08')))
    return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && UNREACHABLE_MESSAGES.test(message);
}

/** True when `error` is a unique-constraint violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
