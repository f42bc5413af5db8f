import type { Compilable, CompiledQuery, DialectAdapter, QueryResult } from 'kysely';
import type { Db } from './database.js';

/** Where a value goes in a {@link PreparedQuery}: replaced by the value of that name at each run. */
class Placeholder {
  constructor(readonly name: string) {}
}

/** The named values of a {@link PreparedQuery}, typed as the values that will take their place. */
export type Placeholders<Values> = { readonly [Name in keyof Values]: Values[Name] };

const placeholders = new Proxy(
  {},
  { get: (_target, name) => new Placeholder(String(name)) },
) as Placeholders<Record<string, unknown>>;

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of `query`, the name of the value that takes its place (else a constant). */
  names: (string | undefined)[];
}

/**
 * A query built with Kysely and compiled once per database, then run with new values. Kysely builds
 * and compiles every query anew (its builder freezes a tree of nodes, the compiler walks it into a
 * new SQL string, which the SQLite statement cache then hashes to find its prepared statement): on
 * cart capture that cost as much CPU as SQLite running the statements. Here the SQL text is the
 * same string on every run, so better-sqlite3's statement is found at once, and only the values
 * change.
 *
 * `build` receives the database and placeholders: `p.shopId` stands for the `shopId` value of each
 * run. Placeholders stand for single values (not lists; give a list-shaped query one prepared query
 * per length). The compiled SQL is kept per dialect (keyed by the database's adapter, which a
 * transaction shares with its database).
 */
export class PreparedQuery<Values extends object, Row> {
  private readonly compiled = new WeakMap<DialectAdapter, Compiled>();

  constructor(private readonly build: (db: Db, p: Placeholders<Values>) => Compilable<Row>) {}

  /** Runs the query on `db` (a database or a transaction) with `values` in its placeholders. */
  execute(db: Db, values: Values): Promise<QueryResult<Row>> {
    const { query, names } = this.compiledFor(db);
    const given = values as Record<string, unknown>;
    const parameters = query.parameters.map((constant, index) => {
      const name = names[index];
      return name === undefined ? constant : given[name];
    });
    return db.executeQuery<Row>({ ...query, parameters });
  }

  /** The rows the query answers. */
  async rows(db: Db, values: Values): Promise<Row[]> {
    return (await this.execute(db, values)).rows;
  }

  /** The first row the query answers, if any. */
  async first(db: Db, values: Values): Promise<Row | undefined> {
    return (await this.execute(db, values)).rows[0];
  }

  /** How many rows an insert, update or delete wrote. */
  async affected(db: Db, values: Values): Promise<number> {
    return Number((await this.execute(db, values)).numAffectedRows ?? 0n);
  }

  private compiledFor(db: Db): Compiled {
    const adapter = db.getExecutor().adapter;
    let compiled = this.compiled.get(adapter);
    if (!compiled) {
      const query = this.build(db, placeholders as Placeholders<Values>).compile();
      const names = query.parameters.map((value) =>
        value instanceof Placeholder ? value.name : undefined,
      );
      compiled = { query, names };
      this.compiled.set(adapter, compiled);
    }
    return compiled;
  }
}

/** A {@link PreparedQuery}: `prepared((db, p) => db.selectFrom('carts').where('id', '=', p.id))`. */
export function prepared<Values extends object, Row>(
  build: (db: Db, p: Placeholders<Values>) => Compilable<Row>,
): PreparedQuery<Values, Row> {
  return new PreparedQuery(build);
}
