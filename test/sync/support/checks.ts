/**
 * What must hold once every workstation has synced: each local database holds exactly
 * the server's records and history; no rule that spans records is broken; every write a
 * workstation saved was processed by the server exactly once, and each refused one sits
 * in its workstation's needs-attention list. Each check returns its findings in words
 * (an empty list: all is well), so a failing schedule reports everything at once.
 */
import { KINDS, type Kind } from '../../../domain/entities';
import { parsePrintedNumber } from '../../../domain/numbering';
import { getMeta } from '../../../db/meta';
import type { Db } from '../../../db/open';
import { SqliteRecords } from '../../../db/records';
import { fromJson, num, type SqlDb } from '../../../server/store/sql';

/** A workstation as the checks see it: its database and its client id. */
export interface Desk {
  name: string;
  db: Db;
  clientId: string;
}

type Data = Record<string, unknown>;

/** A stable text form: keys sorted, absent and null alike (a local column holds null for a field a record lacks). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Data)[k] !== null && (v as Data)[k] !== undefined)
          .map((k) => [k, (v as Data)[k]]),
      );
    }
    return v;
  });
}

export interface ServerState {
  /** kind → id → record ('audit' included). */
  records: Map<string, Map<string, Data>>;
  results: { clientId: string; mutationId: number; ok: boolean; problem: { code: string } | null; name: string }[];
  clients: Map<string, number>;
  seq: number;
}

export async function readServer(db: SqlDb): Promise<ServerState> {
  return db.read(async (c) => {
    const records = new Map<string, Map<string, Data>>();
    for (const r of await c.all<{ kind: string; id: string; data: unknown }>('SELECT kind, id, data FROM record WHERE data IS NOT NULL')) {
      if (!records.has(r.kind)) records.set(r.kind, new Map());
      records.get(r.kind)!.set(r.id, fromJson<Data>(r.data));
    }
    const results = (
      await c.all<{ client_id: string; mutation_id: unknown; ok: unknown; problem: unknown; name: string }>('SELECT client_id, mutation_id, ok, problem, name FROM mutation_result')
    ).map((r) => ({
      clientId: r.client_id,
      mutationId: num(r.mutation_id),
      ok: num(r.ok) === 1 || r.ok === true,
      problem: r.problem === null || r.problem === undefined ? null : fromJson<{ code: string }>(r.problem),
      name: r.name,
    }));
    const clients = new Map((await c.all<{ client_id: string; last_mutation_id: unknown }>('SELECT client_id, last_mutation_id FROM client')).map((r) => [r.client_id, num(r.last_mutation_id)]));
    const seq = num((await c.all<{ value: unknown }>("SELECT value FROM counter WHERE name = 'seq'"))[0]?.value);
    return { records, results, clients, seq };
  });
}

function localAudit(st: Desk): Map<string, Data> {
  const rows = st.db.$client.prepare('SELECT * FROM audit').all() as Record<string, unknown>[];
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: r.id,
        at: r.at,
        userId: r.user_id,
        clientId: r.client_id,
        mutationId: r.mutation_id,
        mutation: r.mutation,
        kind: r.kind,
        recordId: r.record_id,
        op: r.op,
        changes: JSON.parse(String(r.changes)),
      },
    ]),
  );
}

function compareMaps(what: string, local: Map<string, Data>, server: Map<string, Data>, out: string[]): void {
  for (const [id, data] of server) {
    const mine = local.get(id);
    if (!mine) out.push(`${what} ${id}: on the server, missing locally`);
    else if (canonical(mine) !== canonical(data)) out.push(`${what} ${id}: differs\n  local  ${canonical(mine)}\n  server ${canonical(data)}`);
  }
  for (const id of local.keys()) if (!server.has(id)) out.push(`${what} ${id}: held locally, not on the server`);
}

/** Every kind's rows and the history of one workstation equal the server's. */
export function sameAsServer(st: Desk, server: ServerState): string[] {
  const out: string[] = [];
  const records = new SqliteRecords(st.db);
  for (const kind of KINDS) {
    const local = new Map(records.findSync(kind, {}).map((r) => [String((r as { id: string }).id), r as unknown as Data]));
    compareMaps(`${st.name} ${kind}`, local, server.records.get(kind) ?? new Map(), out);
  }
  compareMaps(`${st.name} audit`, localAudit(st), server.records.get('audit') ?? new Map(), out);
  const pending = (st.db.$client.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  if (pending > 0) out.push(`${st.name}: ${pending} writes still in the outbox`);
  return out;
}

const list = (server: ServerState, kind: Kind) => [...(server.records.get(kind)?.values() ?? [])];

/** The rules that span records, on the server's final state. */
export function rulesHold(server: ServerState): string[] {
  const out: string[] = [];
  for (const kind of ['site', 'agency'] as const) {
    const seen = new Map<string, string>();
    for (const r of list(server, kind)) {
      const code = String(r.code ?? '');
      if (!code) continue;
      if (seen.has(code)) out.push(`${kind} code ${code} held by both ${seen.get(code)} and ${String(r.id)}`);
      seen.set(code, String(r.id));
    }
  }
  const bookings = list(server, 'booking');
  const approved = bookings.filter((b) => b.status === 'approved');
  for (let i = 0; i < approved.length; i++) {
    for (let j = i + 1; j < approved.length; j++) {
      const a = approved[i];
      const b = approved[j];
      if (a.venueId === b.venueId && String(a.occupiedFrom) < String(b.occupiedTo) && String(b.occupiedFrom) < String(a.occupiedTo)) {
        out.push(`approved bookings ${String(a.id)} and ${String(b.id)} overlap at ${String(a.venueId)}`);
      }
    }
  }
  const numbers = new Map<string, string>();
  for (const b of bookings) {
    const n = String(b.number ?? '');
    const parsed = parsePrintedNumber(n);
    if (!parsed || parsed.provisional) out.push(`booking ${String(b.id)} has no final printed number: "${n}"`);
    if (numbers.has(n)) out.push(`printed number ${n} on both ${numbers.get(n)} and ${String(b.id)}`);
    numbers.set(n, String(b.id));
  }
  return out;
}

export interface SavedWrite {
  clientId: string;
  mutationId: number;
  name: string;
  args: Data;
}

export interface Tally {
  saved: number;
  applied: number;
  refused: number;
  lost: number;
  twice: number;
}

/**
 * Exactly once: each workstation's saved writes (ids 1..n, as its runner gave them) are
 * each processed by the server once — applied or refused — and the refused ones are
 * exactly its needs-attention list. A mutation processed twice would take a second
 * change number and leave a second trace in the record it touched.
 */
export function exactlyOnce(
  stations: Desk[],
  saved: SavedWrite[],
  server: ServerState,
  /** false: `saved` may miss writes that committed just before a crash (the database's own count decides). */
  complete = true,
): { problems: string[]; tally: Tally } {
  const out: string[] = [];
  const tally: Tally = { saved: saved.length, applied: 0, refused: 0, lost: 0, twice: 0 };
  const byKey = new Map<string, ServerState['results']>();
  for (const r of server.results) {
    const key = `${r.clientId}:${r.mutationId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const w of saved) {
    const got = byKey.get(`${w.clientId}:${w.mutationId}`) ?? [];
    if (got.length === 0) {
      tally.lost += 1;
      out.push(`write ${w.clientId}:${w.mutationId} (${w.name}) was saved but the server never processed it`);
    } else if (got.length > 1) {
      tally.twice += 1;
      out.push(`write ${w.clientId}:${w.mutationId} (${w.name}) processed ${got.length} times`);
    } else if (w.name && got[0].name !== w.name) {
      out.push(`write ${w.clientId}:${w.mutationId} is ${w.name} here but ${got[0].name} on the server`);
    } else if (got[0].ok) tally.applied += 1;
    else tally.refused += 1;
  }
  // Each processed mutation takes exactly one change number.
  if (server.seq !== server.results.length) {
    tally.twice += Math.max(0, server.seq - server.results.length);
    out.push(`the change sequence is at ${server.seq} but ${server.results.length} mutations were processed`);
  }

  for (const st of stations) {
    const last = Number(getMeta(st.db, 'lastMutationId') ?? '0');
    const mine = saved.filter((w) => w.clientId === st.clientId);
    if (complete ? mine.length !== last : mine.length > last) out.push(`${st.name}: its runner gave out ${last} mutation ids but the test saw ${mine.length} saved writes`);
    const serverLast = server.clients.get(st.clientId) ?? 0;
    if (serverLast !== last) out.push(`${st.name}: the server's last mutation id is ${serverLast}, the workstation's ${last}`);
    const processed = server.results.filter((r) => r.clientId === st.clientId).length;
    if (processed !== last) out.push(`${st.name}: the server processed ${processed} of its mutations, the workstation made ${last}`);
    const extra = server.results.filter((r) => r.clientId === st.clientId && r.mutationId > last);
    if (extra.length > 0) out.push(`${st.name}: the server processed ids the workstation never gave: ${extra.map((r) => r.mutationId).join(', ')}`);

    const refusedThere = new Set(server.results.filter((r) => r.clientId === st.clientId && !r.ok).map((r) => `${r.clientId}:${r.mutationId}`));
    const attention = st.db.$client.prepare('SELECT id, problem FROM needs_attention').all() as { id: string; problem: string }[];
    const listed = new Set(attention.map((a) => a.id));
    for (const key of refusedThere) if (!listed.has(key)) out.push(`${st.name}: refused write ${key} is not in needs attention`);
    for (const key of listed) if (!refusedThere.has(key)) out.push(`${st.name}: needs attention lists ${key}, which the server did not refuse`);
  }

  // A mutation's history entries are numbered 0..n-1 under its id; none for a refused one.
  const auditIds = new Map<string, number[]>();
  for (const id of server.records.get('audit')?.keys() ?? []) {
    const m = /^(.*):(\d+):(\d+)$/.exec(id);
    if (!m) continue;
    const key = `${m[1]}:${m[2]}`;
    auditIds.set(key, [...(auditIds.get(key) ?? []), Number(m[3])]);
  }
  for (const r of server.results) {
    const entries = (auditIds.get(`${r.clientId}:${r.mutationId}`) ?? []).sort((a, b) => a - b);
    if (!r.ok && entries.length > 0) out.push(`refused write ${r.clientId}:${r.mutationId} left history entries`);
    if (entries.some((n, i) => n !== i)) out.push(`write ${r.clientId}:${r.mutationId} has history entries ${entries.join(',')}`);
  }

  // Steps of a booking: one when applied for, one per applied approve, move or cancel.
  const applied = new Map(server.results.filter((r) => r.ok).map((r) => [`${r.clientId}:${r.mutationId}`, r]));
  const expectedSteps = new Map<string, number>();
  for (const w of saved) {
    if (!applied.has(`${w.clientId}:${w.mutationId}`)) continue;
    const id = String(w.args.id);
    if (w.name === 'booking.create') expectedSteps.set(id, (expectedSteps.get(id) ?? 0) + 1);
    if (['booking.approve', 'booking.move', 'booking.cancel', 'booking.reject'].includes(w.name)) expectedSteps.set(id, (expectedSteps.get(id) ?? 0) + 1);
  }
  for (const b of server.records.get('booking')?.values() ?? []) {
    const steps = (b.steps as { action: string }[]).filter((s) => s.action !== 'approved' || (s as { level?: number }).level !== 0);
    const want = expectedSteps.get(String(b.id));
    if (want !== undefined && steps.length !== want) {
      tally.twice += 1;
      out.push(`booking ${String(b.id)} has ${steps.length} steps for ${want} applied writes: ${steps.map((s) => s.action).join(', ')}`);
    }
  }
  return { problems: out, tally };
}
