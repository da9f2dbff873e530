/**
 * PostgreSQL: a `pg` pool when DATABASE_URL is set (several server processes may share
 * the database), or PGlite in-process for the test suite. Every write transaction first
 * takes one transaction-scoped advisory lock, so writers run one after another across
 * all processes and the change sequence follows commit order (see docs/sync.md).
 */
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { Mutex, numberedPlaceholders, type Row, type SqlConn, type SqlDb } from './sql';

/** The advisory lock every writer takes; any fixed number unique to this application. */
export const WRITE_LOCK = 4_701_301;

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null; affectedRows?: number }>;
}

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

class PgConn implements SqlConn {
  readonly dialect = 'postgres' as const;
  constructor(private readonly q: Queryable) {}
  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.q.query(numberedPlaceholders(sql), bind(params))).rows as T[];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const r = await this.q.query(numberedPlaceholders(sql), bind(params));
    return r.rowCount ?? r.affectedRows ?? 0;
  }
}

const BEGIN_WRITE = 'BEGIN';
const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Runs work in one transaction; `broken` hears of a connection that could not even roll back. */
async function inTransaction<T>(q: Queryable, begin: string, work: (c: SqlConn) => Promise<T>, broken: (e: Error) => void = () => undefined): Promise<T> {
  const c = new PgConn(q);
  await q.query(begin);
  try {
    if (begin === BEGIN_WRITE) await c.run('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK]);
    const result = await work(c);
    await q.query('COMMIT');
    return result;
  } catch (e) {
    await q.query('ROLLBACK').catch((failed: Error) => broken(failed));
    throw e;
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface PostgresOptions {
  /** Keep the tables in this schema (created if missing): tests give each store its own. */
  schema?: string;
}

/** A pool of connections to a PostgreSQL server. */
export function openPostgres(connectionString: string, opts: PostgresOptions & { onError?: (e: Error) => void } = {}): SqlDb {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // A connection dropped while idle must not crash the server; the next query reconnects.
  pool.on('error', (e) => opts.onError?.(e));
  let ready: Promise<void> | undefined;
  const prepare = () => (ready ??= opts.schema ? pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`).then(() => undefined) : Promise.resolve());

  async function withClient<T>(begin: string, work: (c: SqlConn) => Promise<T>): Promise<T> {
    await prepare();
    const client = await pool.connect();
    // A connection that cannot even roll back is not given back to the pool.
    let broken: Error | undefined;
    try {
      return await inTransaction(client, begin, work, (e) => (broken = e));
    } finally {
      client.release(broken);
    }
  }

  const listeners = new Set<() => Promise<void>>();

  /** One connection of its own per channel (a pooled one would drop the LISTEN); reconnects with backoff. */
  async function listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    let stopped = false;
    let current: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    let delay = 500;
    const lost = (c: pg.Client) => {
      if (stopped || current !== c) return;
      current = undefined;
      c.end().catch(() => undefined);
      schedule();
    };
    const connect = async () => {
      const c = new pg.Client({ connectionString, ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}) });
      c.on('notification', (m) => {
        if (m.channel === channel) onMessage(m.payload ?? '');
      });
      c.on('error', (e) => {
        opts.onError?.(e);
        lost(c);
      });
      c.on('end', () => lost(c));
      try {
        await c.connect();
        await c.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (e) {
        await c.end().catch(() => undefined);
        throw e;
      }
      if (stopped) await c.end().catch(() => undefined);
      else current = c;
    };
    const schedule = () => {
      retry = setTimeout(() => {
        connect().then(
          () => {
            delay = 500;
            if (!stopped) onReconnect?.();
          },
          (e: Error) => {
            opts.onError?.(e);
            delay = Math.min(delay * 2, 30_000);
            if (!stopped) schedule();
          },
        );
      }, delay);
      retry.unref();
    };
    await connect();
    const stop = async () => {
      stopped = true;
      clearTimeout(retry);
      listeners.delete(stop);
      await current?.end().catch(() => undefined);
    };
    listeners.add(stop);
    return stop;
  }

  return {
    dialect: 'postgres',
    engine: 'postgresql',
    write: (work) => withClient(BEGIN_WRITE, work),
    read: (work) => withClient(BEGIN_READ, work),
    listen,
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * PostgreSQL in-process (PGlite) for tests. It has one connection, so all work is queued;
 * several stores may share one PGlite, each in its own schema.
 */
const pgliteQueues = new WeakMap<PGlite, Mutex>();

export function openPglite(db: PGlite, opts: PostgresOptions = {}): SqlDb {
  const queue = pgliteQueues.get(db) ?? new Mutex();
  pgliteQueues.set(db, queue);
  let ready = false;
  const q: Queryable = { query: (sql, params) => db.query(sql, params) };

  const unit = <T>(begin: string, work: (c: SqlConn) => Promise<T>) =>
    queue.run(async () => {
      if (opts.schema) {
        if (!ready) await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
        ready = true;
        await db.exec(`SET search_path TO ${quoteIdent(opts.schema)}`);
      }
      return inTransaction(q, begin, work);
    });

  return {
    dialect: 'postgres',
    engine: 'pglite',
    write: (work) => unit(BEGIN_WRITE, work),
    read: (work) => unit(BEGIN_READ, work),
    // Queued like everything else: a LISTEN must not land inside another unit's transaction.
    listen: (channel, onMessage) =>
      queue.run(async () => {
        const unlisten = await db.listen(channel, onMessage);
        return () => queue.run(() => unlisten());
      }),
    close: () => queue.run(async () => undefined),
  };
}
