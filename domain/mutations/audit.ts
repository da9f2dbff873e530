/**
 * A record's history: what one write changed, as old → new per field a person sees.
 * The workstation (optimistically) and the server (with the last word) both compute it
 * with this one function, so the history entries they write under the same id agree.
 */
import type { Entities, Kind } from '../entities';
import type { OverlapQuery, Tx } from './tx';

export type AuditOp = 'create' | 'update' | 'delete';

/** old → new of each changed field; null stands for "not there". */
export type AuditChanges = Record<string, [unknown, unknown]>;

export interface AuditChange {
  kind: Kind;
  recordId: string;
  op: AuditOp;
  changes: AuditChanges;
}

/** Fields the history does not show: the id names the record, the timestamps the entry has. */
export const UNAUDITED: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt']);

/** JSON with object keys in order: PostgreSQL's jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Whether two field values are the same data (key order and undefined/null aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The changes one write made to one record:
 * - create: `auditChanges('create', null, row)`: every shown field as [null, value];
 * - update: `auditChanges('update', before, patch)`: the fields of `patch` (or of the
 *   whole record after) whose value differs from `before`, as [old, new];
 * - delete: `auditChanges('delete', before, null)`: every shown field as [value, null].
 * Undefined values count as absent. Returns null for an update that changed no shown
 * field: such a write makes no history entry.
 */
export function auditChanges(op: AuditOp, before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null): AuditChanges | null {
  const changes: AuditChanges = {};
  if (op === 'create' || op === 'delete') {
    const row = (op === 'create' ? after : before) ?? {};
    for (const [f, v] of Object.entries(row)) {
      if (UNAUDITED.has(f) || v === undefined) continue;
      changes[f] = op === 'create' ? [null, v] : [v, null];
    }
    return changes;
  }
  for (const [f, v] of Object.entries(after ?? {})) {
    if (UNAUDITED.has(f) || v === undefined) continue;
    const old = before?.[f];
    if (!sameValue(old, v)) changes[f] = [old ?? null, v];
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** The state of one record before a write touched it (null: it did not exist): what undo puts back. */
export interface UndoEntry {
  kind: Kind;
  id: string;
  before: Record<string, unknown> | null;
}

/** A record store under the auditing transaction: `update` is also handed the record as it was, read once. */
export interface RecordStore extends Omit<Tx, 'update'> {
  update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>, before: Entities[K]): Promise<void>;
}

/**
 * The one transaction both sides run a mutation in: it passes reads and writes to a record
 * store (the workstation's SQLite file, the server's store) and remembers, per write, the
 * record's before-image (for undo) and old → new (for the history), so the workstation and
 * the server write the same history entries.
 */
export class AuditingTx implements Tx {
  readonly undo: UndoEntry[] = [];
  readonly changes: AuditChange[] = [];
  constructor(private readonly store: RecordStore) {}

  get<K extends Kind>(kind: K, id: string) {
    return this.store.get(kind, id);
  }
  find<K extends Kind>(kind: K, where: Partial<Entities[K]>) {
    return this.store.find(kind, where);
  }
  findOverlapping<K extends Kind>(kind: K, query: OverlapQuery<K>) {
    return this.store.findOverlapping(kind, query);
  }
  async insert<K extends Kind>(kind: K, row: Entities[K]) {
    await this.store.insert(kind, row);
    const r = row as unknown as Record<string, unknown>;
    this.undo.push({ kind, id: String(r.id), before: null });
    this.changes.push({ kind, recordId: String(r.id), op: 'create', changes: auditChanges('create', null, r)! });
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>) {
    const record = await this.store.get(kind, id);
    if (!record) throw new Error(`update of missing ${kind} ${id}`);
    await this.store.update(kind, id, patch, record);
    const before = record as unknown as Record<string, unknown>;
    this.undo.push({ kind, id, before });
    const changes = auditChanges('update', before, patch as Record<string, unknown>);
    if (changes) this.changes.push({ kind, recordId: id, op: 'update', changes });
  }
  async remove<K extends Kind>(kind: K, id: string) {
    const before = (await this.store.get(kind, id)) as unknown as Record<string, unknown> | undefined;
    if (!before) return;
    await this.store.remove(kind, id);
    this.undo.push({ kind, id, before });
    this.changes.push({ kind, recordId: id, op: 'delete', changes: auditChanges('delete', before, null)! });
  }
}
