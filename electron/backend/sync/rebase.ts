/**
 * Applying what the server says on top of what this workstation did meanwhile, the
 * Replicache way: in ONE local transaction, roll back the optimistic effects of the
 * writes still pending (from their before-images in the outbox), apply the server's
 * changes, drop the writes the server has processed, move the ones it refused to
 * "needs attention" with what the user typed, and re-run the rest on top. The next
 * page starts from the cursor saved in the same transaction.
 */
import type { Db } from '../../../db/open';
import { setMeta } from '../../../db/meta';
import { prepared } from '../../../db/statements';
import type { Entities, Kind } from '../../../domain/entities';
import { KINDS } from '../../../domain/entities';
import type { Problem } from '../../../domain/errors';
import { isDomainError } from '../../../domain/errors';
import { mutations, type MutationContext } from '../../../domain/mutations';
import type { Role } from '../../../domain/roles';
import { AuditingTx, type UndoEntry } from '../../../domain/mutations/audit';
import type { MutationRunner } from '../mutation-runner';

/** One record as the server has it now; `data` null means it was deleted. */
export interface PulledChange {
  /** A record kind, 'audit', or a kind of a newer release (ignored). */
  kind: string;
  id: string;
  data: Record<string, unknown> | null;
}

/** The server's verdict on one of our writes that it refused. */
export interface PulledRefusal {
  clientId: string;
  mutationId: number;
  /** Its code may be one this release does not know yet; it is shown as it came then. */
  problem: Omit<Problem, 'code'> & { code: string };
  conflict?: unknown;
}

export interface PulledPage {
  changes: PulledChange[];
  /** Where the next pull starts; saved with the page. */
  cursor: string;
  /** Per client id of ours: the last mutation the server has processed (applied or refused). */
  lastMutationIds: Record<string, number>;
  refusals: PulledRefusal[];
  /** Our writes whose printed number the server replaced (provisional, or taken meanwhile). */
  renumbered?: { clientId: string; mutationId: number; from: string; to: string }[];
}

interface OutboxRow {
  seq: number;
  client_id: string;
  mutation_id: number;
  name: string;
  args: string;
  user_id: string;
  at: string;
  undo: string;
}

const kinds: ReadonlySet<string> = new Set(KINDS);
/**
 * Whether this release keeps records of the kind. A newer server sends kinds of a newer
 * release too (it serves a workstation one schema version older): those, and their
 * history, are left out and the cursor moves on; once updated, the workstation pulls
 * everything again (sync-client.ts) and gets them then.
 */
const isKind = (k: string): k is Kind => kinds.has(k);
/** Whether this release keeps the change: a record of a kind it knows, or an entry of such a record's history. */
export const isKept = (c: PulledChange): boolean => (c.kind === 'audit' ? isKind(String(c.data?.kind)) : isKind(c.kind));

const PUT_AUDIT = `INSERT INTO audit (id, at, user_id, client_id, mutation_id, mutation, kind, record_id, op, changes)
  VALUES (@id, @at, @userId, @clientId, @mutationId, @mutation, @kind, @recordId, @op, @changes)
  ON CONFLICT(id) DO UPDATE SET at = excluded.at, user_id = excluded.user_id, mutation = excluded.mutation,
    kind = excluded.kind, record_id = excluded.record_id, op = excluded.op, changes = excluded.changes`;

function putAudit(db: Db, row: Record<string, unknown>): void {
  prepared(db, PUT_AUDIT).run({ ...row, changes: JSON.stringify(row.changes ?? {}) });
}

const NEEDS_ATTENTION = `INSERT OR IGNORE INTO needs_attention (id, client_id, mutation_id, name, args, user_id, at, problem, conflict, refused_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * How long a write the server has processed is kept (sent_mutation) after it left the
 * outbox: a server restored from a backup up to this old gets it pushed again.
 */
export const SENT_KEEP_DAYS = 35;

const KEEP_SENT = 'INSERT OR REPLACE INTO sent_mutation (client_id, mutation_id, name, args, user_id, at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)';

/** Roles of the user who made a pending write, as this workstation knows them. */
function rolesOf(runner: MutationRunner, userId: string): Role[] {
  return runner.records.getSync('user', userId)?.roles ?? [];
}

/**
 * `again`: the page is part of a pull from the start over data this workstation already
 * had (after an update, see sync-client.ts). It then tells only of renumberings of the
 * writes still pending: the others the user was told of, and may have dismissed, before.
 */
/**
 * The last page of a pull of everything that replaces this workstation's copy (a full
 * resync, sync-client.ts): `seen` holds `kind/id` of every record the pull brought, this
 * page's included; every other record of a known kind is gone from the server and goes
 * here too, once the pending writes' effects are rolled back (they are re-run after).
 * `notice`: tell the user, under needs attention, with `sync.resynced` (`sync.resyncedReplaced`).
 */
export interface Replacement {
  seen: ReadonlySet<string>;
  /** `replaced`: the server's data was replaced (restored from a backup), not pruned. */
  notice?: { clientId: string; pending: number; replaced?: boolean };
}

/** `kind/id`, as Replacement.seen holds them. */
export const recordKey = (kind: string, id: string) => `${kind}/${id}`;

export async function applyPulledPage(
  db: Db,
  runner: MutationRunner,
  page: PulledPage,
  now = new Date().toISOString(),
  again = false,
  replace?: Replacement,
): Promise<{ kinds: Kind[]; refused: number; removed: number }> {
  return runner.exclusive(async () => {
    const client = db.$client;
    const touched = new Set<Kind>();
    let removed = 0;
    client.exec('BEGIN IMMEDIATE');
    try {
      const pending = prepared(db, 'SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];

      // 1. Roll back every pending write's optimistic effect, newest first.
      for (const row of [...pending].reverse()) {
        const undo = JSON.parse(row.undo) as UndoEntry[];
        for (const u of [...undo].reverse()) {
          touched.add(u.kind);
          if (u.before === null) runner.records.removeSync(u.kind, u.id);
          else runner.records.putSync(u.kind, u.before as unknown as Entities[Kind]);
        }
        prepared(db, 'DELETE FROM audit WHERE client_id = ? AND mutation_id = ?').run(row.client_id, row.mutation_id);
      }

      // 2. The server's state, in its commit order.
      for (const c of page.changes) {
        if (c.kind === 'audit') {
          if (c.data && isKept(c)) putAudit(db, c.data);
          continue;
        }
        if (!isKind(c.kind)) continue;
        touched.add(c.kind);
        if (c.data === null) runner.records.removeSync(c.kind, c.id);
        else runner.records.putSync(c.kind, c.data as unknown as Entities[Kind]);
      }

      // 2b. A full resync: what the server no longer has (its tombstone pruned) goes too; children first.
      if (replace) {
        for (const kind of [...KINDS].reverse()) {
          for (const id of runner.records.idsSync(kind)) {
            if (replace.seen.has(recordKey(kind, id))) continue;
            runner.records.removeSync(kind, id);
            touched.add(kind);
            removed += 1;
          }
        }
        if (replace.notice) {
          prepared(db, NEEDS_ATTENTION).run(
            `${replace.notice.clientId}:resynced:${now}`,
            replace.notice.clientId,
            0,
            '',
            '{}',
            '',
            now,
            JSON.stringify({ code: replace.notice.replaced ? 'sync.resyncedReplaced' : 'sync.resynced', params: { count: replace.notice.pending, removed } }),
            null,
            now,
          );
        }
      }

      // 3. What the server refused goes to "needs attention", with the user's input.
      const refusedKey = new Map(page.refusals.map((r) => [`${r.clientId}:${r.mutationId}`, r]));
      for (const row of pending) {
        const r = refusedKey.get(`${row.client_id}:${row.mutation_id}`);
        if (!r) continue;
        prepared(db, NEEDS_ATTENTION).run(
          `${row.client_id}:${row.mutation_id}`,
          row.client_id,
          row.mutation_id,
          row.name,
          row.args,
          row.user_id,
          row.at,
          JSON.stringify(r.problem),
          r.conflict === undefined ? null : JSON.stringify(r.conflict),
          now,
        );
      }

      // 4. Drop what the server has processed; re-run the rest on top of its state.
      const still: OutboxRow[] = [];
      for (const row of pending) {
        const last = page.lastMutationIds[row.client_id] ?? 0;
        if (row.mutation_id <= last || refusedKey.has(`${row.client_id}:${row.mutation_id}`)) {
          prepared(db, 'DELETE FROM outbox WHERE seq = ?').run(row.seq);
          prepared(db, KEEP_SENT).run(row.client_id, row.mutation_id, row.name, row.args, row.user_id, row.at, now);
        } else still.push(row);
      }
      prepared(db, 'DELETE FROM sent_mutation WHERE sent_at < ?').run(new Date(Date.parse(now) - SENT_KEEP_DAYS * 86_400_000).toISOString());
      for (const row of still) {
        const def = mutations.get(row.name);
        const tx = new AuditingTx(runner.records);
        const ctx: MutationContext = { userId: row.user_id, roles: rolesOf(runner, row.user_id), clientId: row.client_id, at: row.at };
        client.exec('SAVEPOINT reapply');
        try {
          if (def) await def.apply(tx, JSON.parse(row.args), ctx);
          client.exec('RELEASE reapply');
        } catch (e) {
          // It no longer fits locally; the server will say so too. Its effect stays out meanwhile.
          client.exec('ROLLBACK TO reapply');
          client.exec('RELEASE reapply');
          if (!isDomainError(e)) throw e;
          tx.undo.length = 0;
          tx.changes.length = 0;
        }
        prepared(db, 'UPDATE outbox SET undo = ? WHERE seq = ?').run(JSON.stringify(tx.undo), row.seq);
        tx.changes.forEach((c, i) => {
          putAudit(db, { id: `${row.client_id}:${row.mutation_id}:${i}`, at: row.at, userId: row.user_id, clientId: row.client_id, mutationId: row.mutation_id, mutation: row.name, ...c });
        });
        tx.undo.forEach((u) => touched.add(u.kind));
      }

      // A number the user may have written on paper changed: they are told, under needs attention.
      for (const r of page.renumbered ?? []) {
        const row = pending.find((p) => p.client_id === r.clientId && p.mutation_id === r.mutationId);
        if (again && !row) continue;
        prepared(db, NEEDS_ATTENTION).run(
          `${r.clientId}:${r.mutationId}:renumbered`,
          r.clientId,
          r.mutationId,
          row?.name ?? '',
          row?.args ?? '{}',
          row?.user_id ?? '',
          row?.at ?? now,
          JSON.stringify({ code: 'sync.renumbered', params: { from: r.from, to: r.to } }),
          null,
          now,
        );
      }

      setMeta(db, 'syncCursor', page.cursor);
      client.exec('COMMIT');
    } catch (e) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw e;
    }
    const kinds = [...touched];
    if (kinds.length > 0) runner.announce(kinds);
    return { kinds, refused: page.refusals.length, removed };
  });
}
