import { setTimeout } from 'node:timers';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** PostgreSQL SQLSTATEs that mean "this transaction lost a race; run it again": nothing was written. */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

/**
 * True when `error` is a PostgreSQL serialization failure (`40001`) or deadlock (`40P01`): the
 * database rolled the transaction back, so running it again from the start is safe.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && RETRYABLE_STATES.has(code);
}

/**
 * True when a write lost to a lock and may succeed if sent again shortly: SQLite's write lock held
 * by another process past the busy timeout (`SQLITE_BUSY` and its extended codes), or a PostgreSQL
 * deadlock or serialization failure that outlasted every retry. Answered 503 `database_busy`.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')))
    return true;
  return isRetryableTransactionError(error);
}

/** How often {@link inRetriedTransaction} runs a transaction before it lets the error through. */
export const TRANSACTION_ATTEMPTS = 5;

/**
 * Runs `work` in a transaction, and again (up to {@link TRANSACTION_ATTEMPTS} times, after a
 * short random pause) when PostgreSQL aborts it as a deadlock or serialization failure, so a public
 * write that lost such a race is answered as if it had run alone, never with a 500. `work` must
 * only write through `trx` (its effects are rolled back with a failed attempt).
 */
export async function inRetriedTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      // The winner holds its locks for a few milliseconds; a jittered pause keeps the two apart.
      // (node:timers' own setTimeout: fake timers in an app's tests leave it alone.)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
