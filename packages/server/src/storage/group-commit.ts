import { setImmediate } from 'node:timers';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** One caller's share of a batch: its own reads and writes, inside the batch's transaction. */
export type UnitOfWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface Queued {
  unit: UnitOfWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the units of work that arrive while a transaction is being written run together in
 * the next one, each in turn, and share its `COMMIT`. On SQLite a commit (a WAL append and the
 * pages every index touched) costs more than the insert it ends, so a storefront's burst of cart
 * captures pays for one instead of one each. Each caller's promise settles as its own unit did.
 *
 * When one unit fails the whole transaction rolls back; the others then run again, each alone, so
 * a failure is never shared and nothing is lost. Units must therefore only write through `trx`.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private running = false;

  constructor(
    private readonly db: Kysely<Database>,
    /** The most units one transaction takes; the rest wait for the next. */
    private readonly maxBatch = 64,
  ) {}

  /** Runs `unit` in the next batch's transaction; settles once that transaction is committed. */
  run<T>(unit: UnitOfWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Let the requests already read from the sockets join before the first write. This is
        // node:timers' own setImmediate, which fake timers in an app's tests leave alone: a
        // capture never waits for a test to advance its clock.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await (batch.length === 1 ? this.runAlone(batch[0] as Queued) : this.runTogether(batch));
      }
    } finally {
      // runTogether and runAlone settle every unit and never throw; should that change, the next
      // run() still starts a drain instead of queueing forever.
      this.running = false;
    }
  }

  private async runTogether(batch: Queued[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction().execute(async (trx) => {
        const values: unknown[] = [];
        for (const queued of batch) values.push(await queued.unit(trx));
        return values;
      });
    } catch {
      for (const queued of batch) await this.runAlone(queued);
      return;
    }
    batch.forEach((queued, index) => queued.resolve(results[index]));
  }

  private async runAlone(queued: Queued): Promise<void> {
    try {
      queued.resolve(await this.db.transaction().execute(queued.unit));
    } catch (error) {
      queued.reject(error);
    }
  }
}
