import { setImmediate, setTimeout } from 'node:timers';
import type { Kysely, Transaction } from 'kysely';
import { isDatabaseUnavailable, type Database } from './database.js';
import {
  isDatabaseBusy,
  isRetryableTransactionError,
  TRANSACTION_ATTEMPTS,
} from './transaction-retry.js';

/** One caller's share of a batch: its own reads and writes, inside the batch's transaction. */
export type UnitOfWork<T> = (trx: Transaction<Database>) => Promise<T>;

/**
 * Writes many callers' items with one set of statements (`update … where id in (…)`), inside a
 * group commit's transaction; answers one result per item, in order.
 */
export type BatchWriter<I, R> = (trx: Transaction<Database>, items: I[]) => Promise<R[]>;

/** Options of a {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** The most items one transaction takes; the rest wait for the next (default 64). */
  maxBatch?: number;
  /**
   * How long the first item waits for company before its transaction starts, in ms (default 0:
   * just the requests already read from the sockets). Items that arrive while a transaction is
   * being written always wait for the next one.
   */
  delayMs?: number;
}

interface Queued {
  writer: BatchWriter<unknown, unknown>;
  item: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A batch failure no item caused, which running each item alone would only repeat: the database
 * unreachable, or SQLite's write lock held past the busy timeout (better-sqlite3 waits for it in
 * the event loop's thread, so 20 items alone would stall the server 20 busy timeouts). A lost
 * PostgreSQL race is not one of them: alone, an item usually wins.
 */
function failsEveryItem(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) || (isDatabaseBusy(error) && !isRetryableTransactionError(error))
  );
}

/** Runs units of work one after the other: the writer behind {@link GroupCommit.run}. */
const runUnits: BatchWriter<UnitOfWork<unknown>, unknown> = async (trx, units) => {
  const results: unknown[] = [];
  for (const unit of units) results.push(await unit(trx));
  return results;
};

/**
 * Group commit, the server's one: what arrives while a transaction is being written is written
 * together in the next one and shares its `COMMIT`. On SQLite a commit (a WAL append and the pages
 * every index touched) costs more than the insert it ends; on PostgreSQL it is a round trip and a
 * WAL flush. Cart captures queue units of work ({@link run}); the worker queues the sends it must
 * record to a {@link BatchWriter} ({@link write}), so one statement records a whole group. Each
 * caller's promise settles as its own item did.
 *
 * When a transaction fails it rolls back; its items then run again, each alone, so a failure is
 * never shared and nothing is lost; an item that loses a PostgreSQL deadlock or serialization race
 * alone is run again a few times. Items must therefore only write through `trx`.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private running = false;
  private readonly maxBatch: number;
  private readonly delayMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    options: GroupCommitOptions | number = {},
  ) {
    const resolved = typeof options === 'number' ? { maxBatch: options } : options;
    this.maxBatch = resolved.maxBatch ?? 64;
    this.delayMs = resolved.delayMs ?? 0;
  }

  /** Runs `unit` in the next batch's transaction; settles once that transaction is committed. */
  run<T>(unit: UnitOfWork<T>): Promise<T> {
    return this.write(runUnits as BatchWriter<UnitOfWork<T>, T>, unit);
  }

  /**
   * Hands `item` to `writer` in the next batch's transaction, with the other items queued for the
   * same writer meanwhile; settles with its result once that transaction is committed.
   */
  write<I, R>(writer: BatchWriter<I, R>, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({
        writer: writer as BatchWriter<unknown, unknown>,
        item,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.running) return;
      this.running = true;
      // Let the requests already read from the sockets join before the first write. These are
      // node:timers' own timers, which fake timers in an app's tests leave alone: a write never
      // waits for a test to advance its clock.
      const drain = () => void this.drain();
      if (this.delayMs > 0 && this.queue.length < this.maxBatch) setTimeout(drain, this.delayMs);
      else setImmediate(drain);
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await (batch.length === 1 ? this.runAlone(batch[0] as Queued) : this.runTogether(batch));
      }
    } finally {
      // runTogether and runAlone settle every item and never throw; should that change, the next
      // write() still starts a drain instead of queueing forever.
      this.running = false;
    }
  }

  private async runTogether(batch: Queued[]): Promise<void> {
    // One call per writer, in the order the writers first appear.
    const byWriter = new Map<BatchWriter<unknown, unknown>, Queued[]>();
    for (const queued of batch) {
      const group = byWriter.get(queued.writer);
      if (group) group.push(queued);
      else byWriter.set(queued.writer, [queued]);
    }
    let results: Map<Queued, unknown>;
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const values = new Map<Queued, unknown>();
        for (const [writer, group] of byWriter) {
          const answers = await writer(
            trx,
            group.map((queued) => queued.item),
          );
          group.forEach((queued, index) => values.set(queued, answers[index]));
        }
        return values;
      });
    } catch (error) {
      if (failsEveryItem(error)) {
        for (const queued of batch) queued.reject(error);
        return;
      }
      for (const queued of batch) await this.runAlone(queued);
      return;
    }
    for (const queued of batch) queued.resolve(results.get(queued));
  }

  private async runAlone(queued: Queued): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [result] = await this.db
          .transaction()
          .execute((trx) => queued.writer(trx, [queued.item]));
        queued.resolve(result);
        return;
      } catch (error) {
        if (attempt < TRANSACTION_ATTEMPTS && isRetryableTransactionError(error)) continue;
        queued.reject(error);
        return;
      }
    }
  }
}
