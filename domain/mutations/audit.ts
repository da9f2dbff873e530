/**
 * A record's history: what one write changed, as old → new per field a person sees.
 * The workstation (optimistically) and the server (with the last word) both compute it
 * with this one function, so the history entries they write under the same id agree.
 */
import type { Kind } from '../entities';

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
