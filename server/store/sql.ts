/**
 * The one storage interface of the sync server: a SQL database that runs serialised
 * write transactions and consistent reads. Two adapters implement it — embedded SQLite
 * (sqlite.ts) and PostgreSQL (postgres.ts, over a `pg` pool or in-process PGlite) — and
 * everything above (store.ts, auth-store.ts) is written once against it in SQL both
 * dialects understand, with `?` placeholders.
 */

export type Dialect = 'sqlite' | 'postgres';

export type Row = Record<string, unknown>;

export interface SqlConn {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDb {
  readonly dialect: Dialect;
  /** For logs and /healthz: which engine, never a connection string. */
  readonly engine: string;
  /**
   * One write transaction. Writers are serialised — across processes too on PostgreSQL —
   * so the order in which change sequence numbers are handed out is the commit order.
   * A throw rolls everything back.
   */
  write<T>(work: (c: SqlConn) => Promise<T>): Promise<T>;
  /** One read-only transaction that sees a single committed snapshot. */
  read<T>(work: (c: SqlConn) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: hears `SELECT pg_notify(channel, payload)` committed by any process on
   * the same database. `onReconnect` says the line was lost meanwhile (messages may be
   * missed). Resolves once listening; the function it gives stops it.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  /** SQLite only: a folder beside the database file for what is too bulky for it (attachments). */
  readonly filesDir?: string;
  close(): Promise<void>;
}

export async function one<T = Row>(c: SqlConn, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  return (await c.all<T>(sql, params))[0];
}

/** Rewrites `?` placeholders as PostgreSQL's `$1, $2, …` (our SQL has no `?` in literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** SQLite hands JSON back as text, PostgreSQL's jsonb as a value. */
export function fromJson<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** PostgreSQL's bigint arrives as a string. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Runs async work one at a time, in the order asked: a connection that cannot be shared. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
