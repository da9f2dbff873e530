/**
 * Statements prepared once per database and SQL text. Preparing costs more than running
 * a small statement, and the write path (meta counter, printed numbers, outbox, audit)
 * runs the same few on every mutation.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const statements = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) {
    s = db.$client.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
