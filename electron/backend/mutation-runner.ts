/**
 * The one way data changes on a workstation. A named mutation is checked against its
 * schema and the user's roles, applied to the local database, and recorded in the
 * outbox (to sync) and the audit trail (the record's history), all in one SQLite
 * transaction: either everything is written or nothing is.
 */
import type { Db } from '../../db/open';
import { clientIdOf, nextMutationId } from '../../db/meta';
import { SqliteRecords } from '../../db/records';
import { prepared } from '../../db/statements';
import { taipeiDateOf, type Locale } from '../../domain/dates';
import type { Kind } from '../../domain/entities';
import { isDomainError, type Problem } from '../../domain/errors';
import { renderProblem } from '../../domain/i18n/problems';
import { mutations, problemFromZod, type MutationContext, type MutationDef } from '../../domain/mutations';
import { AuditingTx } from '../../domain/mutations/audit';
import { holdsAny, type Role } from '../../domain/roles';
import type { NumberKind } from '../../domain/numbering';
import { issueNumber } from '../../db/numbers';

/** Whether a commit came from a write made here or from applying the server's changes. */
export type CommitOrigin = 'local' | 'sync';

export interface Actor {
  userId: string;
  roles: readonly Role[];
  locale: Locale;
}

export type MutationResult = { ok: true; mutationId: number; clientId: string } | Refusal;

/** One mutation of a batch; `at` when it was made at another time than the batch. */
export interface BatchItem {
  name: string;
  args: unknown;
  at?: string;
}

/** `records`: how many records the batch created, changed or removed. */
export type BatchResult = { ok: true; clientId: string; mutationIds: number[]; records: number } | (Refusal & { index: number });

export type Refusal = { ok: false; problem: Problem; message: string };

export function problemResult(problem: Problem, locale: Locale): Refusal {
  return { ok: false, problem, message: renderProblem(problem, locale) };
}

export { renderProblem };

export class MutationRunner {
  /** Joined to a sync server: printed numbers come from leased blocks, provisional when out. */
  joinedToServer = false;
  /** Kinds of printed numbers running low (shown as a warning in the status area). */
  readonly numbersLow = new Set<NumberKind>();
  readonly records: SqliteRecords;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(kinds: Kind[], origin: CommitOrigin) => void>();

  constructor(private readonly db: Db) {
    this.records = new SqliteRecords(db);
  }

  /**
   * Runs `work` alone against the database, after every write queued before it (sync
   * uses it to apply a pulled page and rebase pending writes in one transaction).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Tells listeners which kinds changed (after a transaction committed). */
  announce(kinds: Kind[]): void {
    this.notify(kinds, 'sync');
  }

  /** Called after each committed mutation with the kinds it touched. */
  onCommit(listener: (kinds: Kind[], origin: CommitOrigin) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs one named mutation. Writes are serialised: SQLite has one writer. */
  run(name: string, args: unknown, actor: Actor, at: string = new Date().toISOString()): Promise<MutationResult> {
    const next = this.queue.then(() => this.runNow(name, args, actor, at));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(name: string, rawArgs: unknown, actor: Actor, at: string): Promise<MutationResult> {
    const checked = this.check(name, rawArgs, actor);
    if (!checked.ok) return checked;
    const client = this.db.$client;
    client.exec('BEGIN IMMEDIATE');
    try {
      const done = await this.applyInTx(name, checked.args, actor, at);
      client.exec('COMMIT');
      this.notify(done.kinds);
      return { ok: true, mutationId: done.mutationId, clientId: done.clientId };
    } catch (e) {
      if (client.inTransaction) client.exec('ROLLBACK');
      if (isDomainError(e)) return problemResult(e.problem, actor.locale);
      throw e;
    }
  }

  /**
   * Runs several named mutations in ONE SQLite transaction (an import, the demo data):
   * each is an ordinary mutation with its own outbox and audit entries, but either all
   * of them are written or none. A refusal names the index of the mutation refused.
   * An item's own `at` (the demo's history: a booking filed in 110) is the time it is
   * written as made, and the year its printed number is given in; the others take `at`.
   */
  runBatch(items: ReadonlyArray<BatchItem>, actor: Actor, at: string = new Date().toISOString()): Promise<BatchResult> {
    const next = this.queue.then(() => this.runBatchNow(items, actor, at));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runBatchNow(items: ReadonlyArray<BatchItem>, actor: Actor, at: string): Promise<BatchResult> {
    const checked: unknown[] = [];
    for (const [index, item] of items.entries()) {
      const c = this.check(item.name, item.args, actor);
      if (!c.ok) return { ...c, index };
      checked.push(c.args);
    }
    const client = this.db.$client;
    client.exec('BEGIN IMMEDIATE');
    let index = 0;
    try {
      const mutationIds: number[] = [];
      const kinds = new Set<Kind>();
      let clientId = '';
      let records = 0;
      for (; index < items.length; index++) {
        const done = await this.applyInTx(items[index].name, checked[index], actor, items[index].at ?? at);
        mutationIds.push(done.mutationId);
        done.kinds.forEach((k) => kinds.add(k));
        records += done.records;
        clientId = done.clientId;
      }
      client.exec('COMMIT');
      if (items.length > 0) this.notify([...kinds]);
      return { ok: true, clientId, mutationIds, records };
    } catch (e) {
      if (client.inTransaction) client.exec('ROLLBACK');
      if (isDomainError(e)) return { ...problemResult(e.problem, actor.locale), index };
      throw e;
    }
  }

  /**
   * What each mutation of a batch would say, without writing anything: each is applied
   * in order inside one transaction (a refused one is undone alone, so the next is
   * checked against the records and the accepted ones before it), then all is rolled
   * back. An import's preview runs the rows' own rules this way. Null: accepted.
   */
  rehearse(items: ReadonlyArray<BatchItem>, actor: Actor, at: string = new Date().toISOString()): Promise<(Problem | null)[]> {
    const next = this.queue.then(() => this.rehearseNow(items, actor, at));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async rehearseNow(items: ReadonlyArray<BatchItem>, actor: Actor, at: string): Promise<(Problem | null)[]> {
    const client = this.db.$client;
    const low = new Set(this.numbersLow);
    const out: (Problem | null)[] = [];
    client.exec('BEGIN IMMEDIATE');
    try {
      for (const item of items) {
        const c = this.check(item.name, item.args, actor);
        if (!c.ok) {
          out.push(c.problem);
          continue;
        }
        client.exec('SAVEPOINT rehearsal');
        try {
          await this.applyInTx(item.name, c.args, actor, item.at ?? at);
          client.exec('RELEASE rehearsal');
          out.push(null);
        } catch (e) {
          client.exec('ROLLBACK TO rehearsal');
          client.exec('RELEASE rehearsal');
          if (!isDomainError(e)) throw e;
          out.push(e.problem);
        }
      }
    } finally {
      if (client.inTransaction) client.exec('ROLLBACK');
      // Numbers given out in the rehearsal were given back with it.
      this.numbersLow.clear();
      low.forEach((k) => this.numbersLow.add(k));
    }
    return out;
  }

  /** Name, role and argument checks: everything that needs no database. */
  private check(name: string, rawArgs: unknown, actor: Actor): { ok: true; args: unknown } | Refusal {
    const def = mutations.get(name);
    if (!def) return problemResult({ code: 'error.unknownMutation', params: { name } }, actor.locale);
    if (!holdsAny(actor.roles, def.roles)) return problemResult({ code: 'error.forbidden', params: { action: name } }, actor.locale);
    const parsed = def.args.safeParse(rawArgs, { reportInput: true });
    if (!parsed.success) return problemResult(problemFromZod(parsed.error), actor.locale);
    return { ok: true, args: parsed.data };
  }

  /** The Taipei year of the last instant numbered, by its UTC hour (Taipei's offset is whole hours). */
  private lastYear = { hour: '', year: 0 };

  private taipeiYearOf(at: string): number {
    const hour = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(at) ? at.slice(0, 13) : '';
    if (hour && hour === this.lastYear.hour) return this.lastYear.year;
    const year = Number(taipeiDateOf(at).slice(0, 4));
    if (hour) this.lastYear = { hour, year };
    return year;
  }

  /** Fills in the printed number a numbered mutation gives out, unless it carries one already. */
  private withNumber(numbered: NonNullable<MutationDef['numbered']>, args: unknown, at: string): unknown {
    const a = args as Record<string, unknown>;
    if (a[numbered.field]) return args;
    const year = numbered.yearOf?.(a) ?? this.taipeiYearOf(at);
    const issued = issueNumber(this.db, numbered.kind, year, this.joinedToServer);
    if (issued.low) this.numbersLow.add(numbered.kind);
    return { ...a, [numbered.field]: issued.number };
  }

  /** Applies one checked mutation with its outbox and audit entries; the caller holds the transaction. */
  private async applyInTx(name: string, args: unknown, actor: Actor, at: string) {
    const def = mutations.get(name)!;
    const clientId = clientIdOf(this.db);
    const mutationId = nextMutationId(this.db);
    const ctx: MutationContext = { userId: actor.userId, roles: actor.roles, clientId, at };
    if (def.numbered) args = this.withNumber(def.numbered, args, at);
    const tx = new AuditingTx(this.records);
    await def.apply(tx, args, ctx);
    // Plain prepared statements: building the query each time cost more than running it.
    prepared(this.db, 'INSERT INTO outbox (client_id, mutation_id, name, args, user_id, at, undo) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      clientId,
      mutationId,
      name,
      JSON.stringify(args),
      actor.userId,
      at,
      JSON.stringify(tx.undo),
    );
    const auditRow = prepared(this.db, 'INSERT INTO audit (id, at, user_id, client_id, mutation_id, mutation, kind, record_id, op, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    tx.changes.forEach((c, i) => {
      auditRow.run(`${clientId}:${mutationId}:${i}`, at, actor.userId, clientId, mutationId, name, c.kind, c.recordId, c.op, JSON.stringify(c.changes));
    });
    return { clientId, mutationId, kinds: [...new Set(tx.undo.map((u) => u.kind))], records: tx.undo.length };
  }

  private notify(kinds: Kind[], origin: CommitOrigin = 'local'): void {
    for (const l of this.listeners) l(kinds, origin);
  }

  /** Writes waiting to be confirmed by the server. */
  pendingCount(): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }
}
