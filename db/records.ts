/**
 * Reads and writes synced records by kind over the workstation's SQLite file: the
 * store under the mutators (domain/mutations/tx.ts) and, later, under sync. Rows are
 * mapped with the drizzle column definitions, so booleans and JSON come back typed.
 */
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Entities, Kind } from '../domain/entities';
import type { OverlapQuery, Tx } from '../domain/mutations/tx';
import type { Db } from './open';
import { kindTables } from './schema';

interface ColumnInfo {
  prop: string;
  name: string;
  column: Column;
}

interface KindInfo {
  table: string;
  columns: ColumnInfo[];
  byProp: Map<string, ColumnInfo>;
}

const kindInfo = new Map<Kind, KindInfo>(
  (Object.keys(kindTables) as Kind[]).map((kind) => {
    const table = kindTables[kind];
    const columns = Object.entries(getTableColumns(table)).map(([prop, column]) => ({ prop, name: column.name, column: column as Column }));
    return [kind, { table: getTableName(table), columns, byProp: new Map(columns.map((c) => [c.prop, c])) }];
  }),
);

function info(kind: Kind): KindInfo {
  const k = kindInfo.get(kind);
  if (!k) throw new Error(`unknown kind ${kind}`);
  return k;
}

function column(k: KindInfo, prop: string): ColumnInfo {
  const c = k.byProp.get(prop);
  if (!c) throw new Error(`${k.table} has no field ${prop}`);
  return c;
}

function toDriver(c: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const v = c.column.mapToDriverValue(value);
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

export function rowToRecord<K extends Kind>(kind: K, row: Record<string, unknown>): Entities[K] {
  const out: Record<string, unknown> = {};
  for (const c of info(kind).columns) {
    const v = row[c.name];
    out[c.prop] = v === null || v === undefined ? null : c.column.mapFromDriverValue(v);
  }
  return out as unknown as Entities[K];
}

/** How a statement's raw rows (arrays, in its column order) become records of a kind. */
export interface RawReader<K extends Kind> {
  /** Where the statement's column of that name is (the last one of the name, as in a row object). */
  at(name: string): number;
  record(row: readonly unknown[]): Entities[K];
}

const rawReaders = new WeakMap<Statement, RawReader<Kind>>();

/**
 * Records of a kind from a statement read in raw mode: no object per row in between, which
 * better-sqlite3 builds property by property (most of a long list's time). The same values
 * as rowToRecord of that row object. Kept per statement, as its columns do not change.
 */
export function rawReader<K extends Kind>(kind: K, statement: Statement): RawReader<K> {
  const known = rawReaders.get(statement);
  if (known) return known as unknown as RawReader<K>;
  const names = statement.columns().map((c) => c.name);
  const at = (name: string) => names.lastIndexOf(name);
  const fields = info(kind).columns.map((c) => ({ prop: c.prop, column: c.column, index: at(c.name) }));
  const reader: RawReader<K> = {
    at,
    record(row) {
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const v = f.index < 0 ? undefined : row[f.index];
        out[f.prop] = v === null || v === undefined ? null : f.column.mapFromDriverValue(v);
      }
      return out as unknown as Entities[K];
    },
  };
  rawReaders.set(statement, reader as unknown as RawReader<Kind>);
  return reader;
}

/** The store of synced records in one SQLite database, with its statements cached. */
export class SqliteRecords implements Tx {
  private readonly statements = new Map<string, Statement>();
  private readonly puts = new Map<string, { statement: Statement; cols: ColumnInfo[] }>();
  constructor(private readonly db: Db) {}

  private stmt(key: string, sql: () => string): Statement {
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.$client.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }

  getSync<K extends Kind>(kind: K, id: string): Entities[K] | undefined {
    const k = info(kind);
    const row = this.stmt(`get:${kind}`, () => `SELECT * FROM "${k.table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? rowToRecord(kind, row) : undefined;
  }

  findSync<K extends Kind>(kind: K, where: Partial<Entities[K]>): Entities[K][] {
    const k = info(kind);
    const entries = Object.entries(where).filter(([, v]) => v !== undefined);
    const conds = entries.map(([prop, v]) => `"${column(k, prop).name}" ${v === null ? 'IS NULL' : '= ?'}`);
    const key = `find:${kind}:${entries.map(([p, v]) => (v === null ? `${p}!` : p)).join(',')}`;
    const sql = () => `SELECT * FROM "${k.table}"${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}`;
    const params = entries.filter(([, v]) => v !== null).map(([prop, v]) => toDriver(column(k, prop), v));
    return (this.stmt(key, sql).all(...params) as Record<string, unknown>[]).map((r) => rowToRecord(kind, r));
  }

  /** See Tx.findOverlapping; an index on (resource, start) keeps it to one venue's (vehicle's) rows. */
  findOverlappingSync<K extends Kind>(kind: K, q: OverlapQuery<K>): Entities[K][] {
    const k = info(kind);
    const where = Object.entries(q.where ?? {}).filter(([, v]) => v !== undefined);
    const resource = column(k, q.resourceField).name;
    const start = column(k, q.startField).name;
    const end = column(k, q.endField).name;
    const conds = [`"${resource}" = ?`, `"${start}" < ?`, `"${end}" > ?`, ...where.map(([prop, v]) => `"${column(k, prop).name}" ${v === null ? 'IS NULL' : '= ?'}`)];
    const key = `overlap:${kind}:${q.resourceField}:${q.startField}:${q.endField}:${where.map(([p, v]) => (v === null ? `${p}!` : p)).join(',')}`;
    const params = [q.resourceId, q.to, q.from, ...where.filter(([, v]) => v !== null).map(([prop, v]) => toDriver(column(k, prop), v))];
    return (this.stmt(key, () => `SELECT * FROM "${k.table}" WHERE ${conds.join(' AND ')}`).all(...params) as Record<string, unknown>[]).map((r) => rowToRecord(kind, r));
  }

  insertSync<K extends Kind>(kind: K, row: Entities[K]): void {
    const k = info(kind);
    const r = row as unknown as Record<string, unknown>;
    const cols = k.columns.filter((c) => r[c.prop] !== undefined);
    const key = `insert:${kind}:${cols.map((c) => c.prop).join(',')}`;
    this.stmt(key, () => `INSERT INTO "${k.table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => toDriver(c, r[c.prop])));
  }

  /**
   * Insert or replace a whole record (used when the server's version arrives). A first
   * sync puts 100,000 of them, so the statement for the record's set of fields is found
   * by a key of bits rather than by joining the field names.
   */
  putSync<K extends Kind>(kind: K, row: Entities[K]): void {
    const k = info(kind);
    const r = row as unknown as Record<string, unknown>;
    const columns = k.columns;
    let key = kind as string;
    let bits = 0;
    for (let i = 0; i < columns.length; i++) {
      if (r[columns[i].prop] !== undefined) bits |= 1 << (i % 30);
      if (i % 30 === 29 || i === columns.length - 1) {
        key += `:${bits}`;
        bits = 0;
      }
    }
    let put = this.puts.get(key);
    if (!put) {
      const cols = columns.filter((c) => r[c.prop] !== undefined);
      const updates = cols.filter((c) => c.prop !== 'id').map((c) => `"${c.name}" = excluded."${c.name}"`);
      const sql = `INSERT INTO "${k.table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
      put = { statement: this.db.$client.prepare(sql), cols };
      this.puts.set(key, put);
    }
    const values = new Array<unknown>(put.cols.length);
    for (let i = 0; i < put.cols.length; i++) values[i] = toDriver(put.cols[i], r[put.cols[i].prop]);
    put.statement.run(values);
  }

  updateSync<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>): void {
    const k = info(kind);
    const entries = Object.entries(patch).filter(([p, v]) => v !== undefined && p !== 'id');
    if (entries.length === 0) return;
    const key = `update:${kind}:${entries.map(([p]) => p).join(',')}`;
    this.stmt(key, () => `UPDATE "${k.table}" SET ${entries.map(([p]) => `"${column(k, p).name}" = ?`).join(', ')} WHERE id = ?`).run(...entries.map(([p, v]) => toDriver(column(k, p), v)), id);
  }

  /** Every id of a kind (a full resync's sweep of what the server no longer has). */
  idsSync(kind: Kind): string[] {
    const k = info(kind);
    return (this.stmt(`ids:${kind}`, () => `SELECT id FROM "${k.table}"`).all() as { id: string }[]).map((r) => r.id);
  }

  removeSync(kind: Kind, id: string): void {
    const k = info(kind);
    this.stmt(`remove:${kind}`, () => `DELETE FROM "${k.table}" WHERE id = ?`).run(id);
  }

  async get<K extends Kind>(kind: K, id: string) {
    return this.getSync(kind, id);
  }
  async find<K extends Kind>(kind: K, where: Partial<Entities[K]>) {
    return this.findSync(kind, where);
  }
  async findOverlapping<K extends Kind>(kind: K, query: OverlapQuery<K>) {
    return this.findOverlappingSync(kind, query);
  }
  async insert<K extends Kind>(kind: K, row: Entities[K]) {
    this.insertSync(kind, row);
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>) {
    this.updateSync(kind, id, patch);
  }
  async remove(kind: Kind, id: string) {
    this.removeSync(kind, id);
  }
}
