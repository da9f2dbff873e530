/**
 * The server re-runs THE SAME mutators the workstation ran (domain/mutations) against its
 * own state, and writes the audit entries itself under the ids the workstation used
 * (`${clientId}:${mutationId}:${i}`), so a record's history is synced data that every
 * workstation ends up holding identically.
 */
import type { Entities, Kind } from '../domain/entities';
import { isDomainError, type Problem } from '../domain/errors';
import { mutations, problemFromZod, type MutationContext, type Tx } from '../domain/mutations';
import { holdsAny, type Role } from '../domain/roles';
import type { SqlConn } from './store/sql';
import { findOverlappingRecords, findRecords, getRecord, putRecord, type RecordData, type Span } from './store/sync-data';

/** Audit entries are synced as records of this kind. */
export const AUDIT_KIND = 'audit';

interface AuditChange {
  kind: Kind;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  changes: Record<string, [unknown, unknown]>;
}

/** Fields the history does not show (the same rule as the workstation's audit trail). */
const UNAUDITED = new Set(['id', 'createdAt', 'updatedAt']);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The domain's Tx over the server's record store, remembering old → new for the audit. */
export class ServerTx implements Tx {
  readonly changes: AuditChange[] = [];
  constructor(
    private readonly c: SqlConn,
    private readonly seq: number,
  ) {}

  async get<K extends Kind>(kind: K, id: string) {
    return (await getRecord(this.c, kind, id)) as Entities[K] | undefined;
  }
  async find<K extends Kind>(kind: K, where: Partial<Entities[K]>) {
    return (await findRecords(this.c, kind, where as RecordData)) as unknown as Entities[K][];
  }
  /** Records of one resource whose span overlaps [from, to) (the domain's OverlapQuery, typed by shape). */
  async findOverlapping<K extends Kind>(kind: K, q: Omit<Span, 'where'> & { where?: Partial<Entities[K]> }) {
    return (await findOverlappingRecords(this.c, kind, { ...q, where: q.where as RecordData | undefined })) as unknown as Entities[K][];
  }
  async insert<K extends Kind>(kind: K, row: Entities[K]) {
    const r = row as unknown as RecordData;
    const id = String(r.id);
    if (await getRecord(this.c, kind, id)) throw new Error(`insert of existing ${kind} ${id}`);
    await putRecord(this.c, kind, id, r, this.seq);
    const changes = Object.fromEntries(Object.entries(r).filter(([f]) => !UNAUDITED.has(f)).map(([f, v]) => [f, [null, v] as [unknown, unknown]]));
    this.changes.push({ kind, recordId: id, op: 'create', changes });
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>) {
    const before = await getRecord(this.c, kind, id);
    if (!before) throw new Error(`update of missing ${kind} ${id}`);
    const after: RecordData = { ...before };
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [f, v] of Object.entries(patch)) {
      if (v === undefined || f === 'id') continue;
      after[f] = v;
      if (!UNAUDITED.has(f) && !same(before[f], v)) changes[f] = [before[f] ?? null, v];
    }
    await putRecord(this.c, kind, id, after, this.seq);
    if (Object.keys(changes).length > 0) this.changes.push({ kind, recordId: id, op: 'update', changes });
  }
  async remove<K extends Kind>(kind: K, id: string) {
    const before = await getRecord(this.c, kind, id);
    if (!before) return;
    await putRecord(this.c, kind, id, null, this.seq);
    const changes = Object.fromEntries(Object.entries(before).filter(([f]) => !UNAUDITED.has(f)).map(([f, v]) => [f, [v, null] as [unknown, unknown]]));
    this.changes.push({ kind, recordId: id, op: 'delete', changes });
  }
}

export interface Actor {
  userId: string;
  roles: readonly Role[];
}

export interface MutationCall {
  clientId: string;
  mutationId: number;
  name: string;
  args: unknown;
  /** When the user made the change, as the workstation recorded it. */
  at: string;
}

/**
 * Checks roles and arguments and runs the mutator, all under sequence number `seq`.
 * Returns null when applied, or the refusal; a refused mutation leaves no trace in the
 * records (its writes are rolled back to a savepoint). Any other error is a fault, not a
 * refusal: it propagates and the whole transaction is rolled back, so nothing is lost.
 */
export async function applyMutation(c: SqlConn, seq: number, call: MutationCall, actor: Actor): Promise<Problem | null> {
  const def = mutations.get(call.name);
  if (!def) return { code: 'error.unknownMutation', params: { name: call.name } };
  if (!holdsAny(actor.roles, def.roles)) return { code: 'error.forbidden', params: { action: call.name } };
  const parsed = def.args.safeParse(call.args);
  if (!parsed.success) return problemFromZod(parsed.error);

  await c.run('SAVEPOINT mutation');
  try {
    const tx = new ServerTx(c, seq);
    const ctx: MutationContext = { userId: actor.userId, roles: actor.roles, clientId: call.clientId, at: call.at };
    await def.apply(tx, parsed.data, ctx);
    for (const [i, change] of tx.changes.entries()) {
      const id = `${call.clientId}:${call.mutationId}:${i}`;
      await putRecord(c, AUDIT_KIND, id, { id, at: call.at, userId: actor.userId, clientId: call.clientId, mutationId: call.mutationId, mutation: call.name, ...change }, seq);
    }
    await c.run('RELEASE SAVEPOINT mutation');
    return null;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    await c.run('ROLLBACK TO SAVEPOINT mutation');
    await c.run('RELEASE SAVEPOINT mutation');
    return e.problem;
  }
}
