import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Database } from '../../storage/database.js';
import type { BucketLimit } from './rate-limiter.js';

/** The table migration 007 creates, in the layout rate-limiter-flexible's PostgreSQL store uses. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * rate-limiter-flexible's PostgreSQL store runs `client.query({ text, values })` and reads `rows`
 * and `rowCount`: this runs those queries through the app's own Kysely pool, so the counters live
 * in the app's database and schema and need no second pool.
 */
function kyselyStoreClient(db: Kysely<Database>) {
  return {
    async query(query: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery(CompiledQuery.raw(query.text, query.values ?? []));
      const affected = Number(result.numAffectedRows ?? 0);
      return { rows: result.rows, rowCount: result.rows.length || affected };
    },
  };
}

/**
 * The limits every API process must share: sign-in attempts and public writes. On PostgreSQL the
 * counters are rows of `rate_limits` (rate-limiter-flexible's PostgreSQL store, one atomic upsert
 * a request), so N API processes behind a proxy allow what one would; should the database fail to
 * answer, each process falls back to counting in its own memory. On SQLite (one process) they are
 * in memory. A limit of `burst` at `perSecond` becomes a fixed window of `burst` requests per
 * `burst / perSecond` seconds.
 */
export class SharedRateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  /** Where the counters are: `postgres` (shared by every process) or `memory`. */
  readonly store: 'postgres' | 'memory';

  constructor(private readonly db: Kysely<Database>) {
    this.store = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'memory';
  }

  /** Counts one request for `key`; answers 0 when allowed, else the seconds to wait. */
  async consume(key: string, limit: BucketLimit): Promise<number> {
    try {
      await this.limiterFor(limit).consume(key);
      return 0;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }

  private limiterFor(limit: BucketLimit): RateLimiterAbstract {
    const points = Math.max(1, Math.floor(limit.burst));
    const duration = Math.max(1, Math.ceil(limit.burst / limit.perSecond));
    // Every process derives the same prefix from the same limit, so their counters meet.
    const keyPrefix = `w${points}-${duration}`;
    let limiter = this.limiters.get(keyPrefix);
    if (!limiter) {
      const memory = new RateLimiterMemory({ points, duration, keyPrefix });
      limiter =
        this.store === 'memory'
          ? memory
          : new RateLimiterPostgres({
              storeClient: kyselyStoreClient(this.db),
              storeType: 'pool',
              tableName: RATE_LIMIT_TABLE,
              tableCreated: true,
              points,
              duration,
              keyPrefix,
              insuranceLimiter: memory,
            });
      this.limiters.set(keyPrefix, limiter);
    }
    return limiter;
  }
}
