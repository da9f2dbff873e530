/**
 * The server re-runs THE SAME mutators the workstation ran (domain/mutations) against its
 * own state, and writes the audit entries itself under the ids the workstation used
 * (`${clientId}:${mutationId}:${i}`), with the same diff (domain/mutations/audit.ts), so
 * a record's history is synced data that every workstation ends up holding identically.
 */
import { attachmentHashes } from '../domain/attachments';
import type { Entities, Kind } from '../domain/entities';
import { isDomainError, type Problem } from '../domain/errors';
import { mutations, problemFromZod, type MutationContext } from '../domain/mutations';
import { AuditingTx, type RecordStore } from '../domain/mutations/audit';
import { holdsAny, type Role } from '../domain/roles';
import { settlePrintedNumber, type Renumbering } from './printed-numbers';
import { missingAttachments } from './store/attachment-data';
import type { SqlConn } from './store/sql';
import { findOverlappingRecords, findRecords, getRecord, putRecord, type RecordData, type Span } from './store/sync-data';

/** Audit entries are synced as records of this kind. */
export const AUDIT_KIND = 'audit';

/** The server's record store as the auditing transaction sees it: each write stamped with the push's sequence. */
export class ServerRecords implements RecordStore {
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
  }
  async update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>, before: Entities[K]) {
    const after: RecordData = { ...(before as unknown as RecordData) };
    for (const [f, v] of Object.entries(patch)) if (v !== undefined && f !== 'id') after[f] = v;
    await putRecord(this.c, kind, id, after, this.seq);
  }
  async remove<K extends Kind>(kind: K, id: string) {
    await putRecord(this.c, kind, id, null, this.seq);
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

export interface Applied {
  /** null: applied; else why it was refused. */
  problem: Problem | null;
  /** The printed number the server gave instead of the workstation's. */
  renumbered: Renumbering | null;
}

const refused = (problem: Problem): Applied => ({ problem, renumbered: null });

/**
 * Checks roles and arguments, that the files it refers to arrived, settles its printed
 * number, and runs the mutator, all under sequence number `seq`. A refused mutation
 * leaves no trace (its writes are rolled back to a savepoint). Any other error is a
 * fault, not a refusal: it propagates and the whole transaction is rolled back, so
 * nothing is lost. `deviceId`: the workstation it came from (null: the server itself).
 */
export async function applyMutation(c: SqlConn, seq: number, call: MutationCall, actor: Actor, deviceId: string | null = null): Promise<Applied> {
  const def = mutations.get(call.name);
  if (!def) return refused({ code: 'error.unknownMutation', params: { name: call.name } });
  if (!holdsAny(actor.roles, def.roles)) return refused({ code: 'error.forbidden', params: { action: call.name } });
  const parsed = def.args.safeParse(call.args);
  if (!parsed.success) return refused(problemFromZod(parsed.error));
  const missing = await missingAttachments(c, attachmentHashes(parsed.data));
  if (missing.length > 0) return refused({ code: 'error.attachmentMissing', params: { count: missing.length, sha256: missing[0] } });

  await c.run('SAVEPOINT mutation');
  try {
    let args = parsed.data;
    let renumbered: Renumbering | null = null;
    if (def.numbered) ({ args, renumbered } = await settlePrintedNumber(c, def.numbered, args as Record<string, unknown>, call, deviceId));
    const tx = new AuditingTx(new ServerRecords(c, seq));
    const ctx: MutationContext = { userId: actor.userId, roles: actor.roles, clientId: call.clientId, at: call.at };
    await def.apply(tx, args, ctx);
    for (const [i, change] of tx.changes.entries()) {
      const id = `${call.clientId}:${call.mutationId}:${i}`;
      await putRecord(c, AUDIT_KIND, id, { id, at: call.at, userId: actor.userId, clientId: call.clientId, mutationId: call.mutationId, mutation: call.name, ...change }, seq);
    }
    await c.run('RELEASE SAVEPOINT mutation');
    return { problem: null, renumbered };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    await c.run('ROLLBACK TO SAVEPOINT mutation');
    await c.run('RELEASE SAVEPOINT mutation');
    return refused(e.problem);
  }
}
