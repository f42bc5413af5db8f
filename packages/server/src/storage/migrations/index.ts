import {
  type Kysely,
  type Migration,
  Migrator,
  type MigrationResultSet,
  PostgresAdapter,
  sql,
} from 'kysely';
import type { Database } from '../database.js';
import * as initial from './001-initial.js';
import * as recovery from './002-recovery.js';
import * as addressCaps from './003-address-caps.js';
import * as orderWebhooks from './005-order-webhooks.js';
import * as eventWebhooks from './006-event-webhooks.js';
import * as rateLimits from './007-rate-limits.js';
import * as lifecycleOrders from './013-lifecycle-orders.js';
import * as lifecycleOrderOnce from './015-lifecycle-order-once.js';
import * as recoveryRequests from './016-recovery-requests.js';

/**
 * Every migration, by name, in the order they run. Add one line per new file
 * (`'002-recovery': recovery,`): a static map works the same from `src` and from `dist`.
 */
export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-recovery': recovery,
  '003-address-caps': addressCaps,
  '005-order-webhooks': orderWebhooks,
  '006-event-webhooks': eventWebhooks,
  '007-rate-limits': rateLimits,
  '013-lifecycle-orders': lifecycleOrders,
  '015-lifecycle-order-once': lifecycleOrderOnce,
  '016-recovery-requests': recoveryRequests,
};

/** A migration that failed; `cause` holds the database's error. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** True when `error` is a {@link MigrationError}. */
export function isMigrationError(error: unknown): error is MigrationError {
  return error instanceof Error && error.name === 'MigrationError';
}

/** Runs every pending migration; answers the names it applied. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema unless told which one:
  // a half-migrated database in another schema (a test run of another process) would pass for
  // ours. Name the schema the connection writes to.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Numbers are reserved per feature and land in any order (005 may run before 004).
    allowUnorderedMigrations: true,
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new MigrationError(
      `Migration ${failed ?? ''} failed: ${String(error)}`.replace('  ', ' '),
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
