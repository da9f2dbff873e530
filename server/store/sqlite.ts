/**
 * Embedded SQLite: the server's default, nothing to install. One writer connection
 * (SQLite has one writer anyway) behind a queue, and one reader connection that sees
 * committed snapshots (WAL) so pulls never see a push half done.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Connection, type Statement } from 'better-sqlite3';
import { Mutex, type Row, type SqlConn, type SqlDb } from './sql';

function bind(params: readonly unknown[]): unknown[] {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

class SqliteConn implements SqlConn {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Statement>();
  constructor(readonly db: Connection) {}

  private prepare(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const s = this.prepare(sql);
    if (s.reader) return s.all(...bind(params)) as T[];
    s.run(...bind(params));
    return [];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const s = this.prepare(sql);
    return s.reader ? s.all(...bind(params)).length : s.run(...bind(params)).changes;
  }
}

export const SQLITE_FILE = 'sync-server.sqlite';

export function openSqlite(dataDir: string): SqlDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  // The server's word is final once it answers: every commit reaches the disk.
  writer.pragma('synchronous = FULL');
  writer.pragma('busy_timeout = 5000');
  const reader = new Database(file);
  reader.pragma('busy_timeout = 5000');
  const w = new SqliteConn(writer);
  const r = new SqliteConn(reader);
  const writes = new Mutex();
  const reads = new Mutex();

  async function inTransaction<T>(c: SqliteConn, begin: string, work: (c: SqlConn) => Promise<T>): Promise<T> {
    c.db.exec(begin);
    try {
      const result = await work(c);
      c.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (c.db.inTransaction) c.db.exec('ROLLBACK');
      throw e;
    }
  }

  return {
    dialect: 'sqlite',
    engine: 'sqlite',
    filesDir: dataDir,
    write: (work) => writes.run(() => inTransaction(w, 'BEGIN IMMEDIATE', work)),
    read: (work) => reads.run(() => inTransaction(r, 'BEGIN', work)),
    async close() {
      await writes.run(async () => undefined);
      await reads.run(async () => undefined);
      reader.close();
      writer.close();
    },
  };
}
