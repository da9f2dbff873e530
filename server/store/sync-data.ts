/**
 * Records, the change sequence, clients and mutation results, written once for both
 * dialects. A record row holds the record's current state and the sequence number of the
 * mutation that last wrote it, so "changes since cursor N" is "rows with seq > N": a
 * workstation gets each record once, in its latest state, however often it changed.
 */
import { DomainError, type Problem } from '../../domain/errors';
import { KEEP_PLACE_COPY } from '../../domain/places-move';
import { spanDeclaration, spanKinds, spansOfKind } from '../../domain/desks';
import { isInstant } from '../../domain/instants';
import { heldSpan, type HeldSpan, type SpanDeclaration } from '../../domain/spans';
import { fromJson, num, one, type SqlConn } from './sql';

export type RecordData = Record<string, unknown>;

const jsonParam = (c: SqlConn) => (c.dialect === 'postgres' ? '?::jsonb' : '?');
/** Byte order, the same on both engines (PostgreSQL would otherwise sort by locale). */
export const byteOrder = (c: SqlConn, column: string) => (c.dialect === 'postgres' ? `${column} COLLATE "C"` : column);

/** Hands out the next change sequence number; called inside the serialised write transaction. */
export async function nextSeq(c: SqlConn): Promise<number> {
  const row = await one<{ value: unknown }>(c, "UPDATE counter SET value = value + 1 WHERE name = 'seq' RETURNING value");
  return num(row?.value);
}

export async function headSeq(c: SqlConn): Promise<number> {
  return num((await one<{ value: unknown }>(c, "SELECT value FROM counter WHERE name = 'seq'"))?.value);
}

/** Cursors are opaque to workstations: `<database id>/<sequence number>`. */
export function makeCursor(dbId: string, seq: number): string {
  return `${dbId}/${seq}`;
}

export async function databaseId(c: SqlConn): Promise<string> {
  return String((await one<{ value: string }>(c, "SELECT value FROM server_info WHERE key = 'databaseId'"))?.value);
}

export async function getRecord(c: SqlConn, kind: string, id: string): Promise<RecordData | undefined> {
  const row = await one<{ data: unknown }>(c, 'SELECT data FROM record WHERE kind = ? AND id = ? AND data IS NOT NULL', [kind, id]);
  return row ? fromJson<RecordData>(row.data) : undefined;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fieldName(field: string): string {
  if (!FIELD.test(field)) throw new Error(`not a field name: ${field}`);
  return field;
}

/** A condition on one field of the JSON data: equal to a value (null matches a missing field too). */
function equals(c: SqlConn, field: string, value: unknown, params: unknown[]): string {
  fieldName(field);
  if (c.dialect === 'postgres') {
    params.push(field);
    if (value === null) return `coalesce(data -> ?::text, 'null'::jsonb) = 'null'::jsonb`;
    params.push(JSON.stringify(value));
    return 'data -> ?::text = ?::jsonb';
  }
  params.push(`$.${field}`);
  if (value === null) return 'data ->> ? IS NULL';
  params.push(typeof value === 'object' ? JSON.stringify(value) : value);
  return 'data ->> ? = ?';
}

/** A text field compared in byte order (ISO instants), the same on both engines. */
function textOf(c: SqlConn, field: string, params: unknown[]): string {
  fieldName(field);
  params.push(c.dialect === 'postgres' ? field : `$.${field}`);
  return c.dialect === 'postgres' ? '(data ->> ?::text) COLLATE "C"' : 'data ->> ?';
}

async function select(c: SqlConn, kind: string, conds: string[], params: unknown[]): Promise<RecordData[]> {
  const sql = `SELECT data FROM record WHERE kind = ? AND data IS NOT NULL${conds.map((x) => ` AND ${x}`).join('')} ORDER BY ${byteOrder(c, 'id')}`;
  return (await c.all<{ data: unknown }>(sql, [kind, ...params])).map((r) => fromJson<RecordData>(r.data));
}

const SPAN_JOIN = 'FROM record_span s JOIN record r ON r.kind = s.kind AND r.id = s.id';

/** Through the index on (kind, field, resource, start_at); the record's own data answers `where`. */
async function findOverlappingSpans(c: SqlConn, decl: SpanDeclaration, span: Span): Promise<RecordData[]> {
  const i = instantParam(c);
  const params: unknown[] = [decl.kind, decl.resourceField, span.resourceId, span.to, span.from];
  const conds: string[] = [];
  for (const [field, value] of Object.entries(span.where ?? {})) if (value !== undefined) conds.push(equals(c, field, value, params));
  const sql = `SELECT r.data ${SPAN_JOIN} WHERE s.kind = ? AND s.field = ? AND s.resource = ? AND s.start_at < ${i} AND s.end_at > ${i} AND r.data IS NOT NULL${conds.map((x) => ` AND ${x}`).join('')} ORDER BY ${byteOrder(c, 'r.id')}`;
  return (await c.all<{ data: unknown }>(sql, params)).map((r) => fromJson<RecordData>(r.data));
}

/** The records whose exclusive span of the same resource overlaps `held` (the record `id` itself left out), earliest first. */
export async function exclusiveOverlapping(c: SqlConn, decl: SpanDeclaration, held: Pick<HeldSpan, 'resource' | 'start' | 'end'>, id: string): Promise<RecordData[]> {
  const i = instantParam(c);
  const rows = await c.all<{ data: unknown }>(
    `SELECT r.data ${SPAN_JOIN} WHERE s.kind = ? AND s.field = ? AND s.resource = ? AND s.exclusive = 1 AND s.start_at < ${i} AND s.end_at > ${i} AND s.id <> ? AND r.data IS NOT NULL
     ORDER BY s.start_at, ${byteOrder(c, 'r.id')}`,
    [decl.kind, decl.resourceField, held.resource, held.end, held.start, id],
  );
  return rows.map((r) => fromJson<RecordData>(r.data));
}

/** Records of a kind whose fields equal every given value (null matches a missing field too). */
export async function findRecords(c: SqlConn, kind: string, where: RecordData): Promise<RecordData[]> {
  const params: unknown[] = [];
  const conds = Object.entries(where)
    .filter(([, v]) => v !== undefined)
    .map(([field, value]) => equals(c, field, value, params));
  return select(c, kind, conds, params);
}

export interface Span {
  resourceField: string;
  resourceId: string;
  startField: string;
  endField: string;
  from: string;
  to: string;
  where?: RecordData;
}

/**
 * Records of one resource whose [start, end) overlaps [from, to); touching ends do not
 * overlap. A declared span (domain/spans.ts) is read from record_span's index, any other
 * by scanning the kind's JSON.
 */
export async function findOverlappingRecords(c: SqlConn, kind: string, span: Span): Promise<RecordData[]> {
  const decl = spanDeclaration(kind, span.resourceField, span.startField, span.endField);
  if (decl && isInstant(span.from) && isInstant(span.to)) return findOverlappingSpans(c, decl, span);
  const params: unknown[] = [];
  const conds = [equals(c, span.resourceField, span.resourceId, params)];
  conds.push(`${textOf(c, span.startField, params)} < ?`);
  params.push(span.to);
  conds.push(`${textOf(c, span.endField, params)} > ?`);
  params.push(span.from);
  for (const [field, value] of Object.entries(span.where ?? {})) if (value !== undefined) conds.push(equals(c, field, value, params));
  return select(c, kind, conds, params);
}

/**
 * Writes a record's whole state (null: deleted, kept as a tombstone) under a sequence
 * number, and the spans it holds. A span the database refuses (another exclusive one of
 * the same resource overlaps) is a refusal naming the record in the way, as the
 * mutator's own check would have given it.
 */
export async function putRecord(c: SqlConn, kind: string, id: string, data: RecordData | null, seq: number): Promise<void> {
  await c.run(
    `INSERT INTO record (kind, id, data, seq) VALUES (?, ?, ${jsonParam(c)}, ?)
     ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq`,
    [kind, id, data === null ? null : JSON.stringify(data), seq],
  );
  if (spanKinds.has(kind)) for (const decl of spansOfKind(kind)) await putSpan(c, decl, id, heldSpan(decl, data));
}

/** Instants are text on SQLite (ISO, so text order is time order) and timestamptz on PostgreSQL (its ranges need them). */
const instantParam = (c: SqlConn) => (c.dialect === 'postgres' ? '?::timestamptz' : '?');

/** The name the database gives a refused span: the exclusion constraint (PostgreSQL), the trigger's message (SQLite). */
export const SPAN_GUARD = 'record_span_exclusive';

function isSpanRefusal(e: unknown): boolean {
  return e instanceof Error && e.message.includes(SPAN_GUARD);
}

async function putSpan(c: SqlConn, decl: SpanDeclaration, id: string, held: HeldSpan | null): Promise<void> {
  if (!held) {
    await c.run('DELETE FROM record_span WHERE kind = ? AND id = ? AND field = ?', [decl.kind, id, decl.resourceField]);
    return;
  }
  const i = instantParam(c);
  const upsert = () =>
    c.run(
      `INSERT INTO record_span (kind, id, field, resource, start_at, end_at, exclusive) VALUES (?, ?, ?, ?, ${i}, ${i}, ?)
       ON CONFLICT (kind, id, field) DO UPDATE SET resource = excluded.resource, start_at = excluded.start_at, end_at = excluded.end_at, exclusive = excluded.exclusive
       WHERE record_span.resource <> excluded.resource OR record_span.start_at <> excluded.start_at OR record_span.end_at <> excluded.end_at OR record_span.exclusive <> excluded.exclusive`,
      [decl.kind, id, decl.resourceField, held.resource, held.start, held.end, held.exclusive ? 1 : 0],
    );
  // Only an exclusive span can be refused. PostgreSQL spoils the whole transaction on an
  // error, so the write gets a savepoint to return to; SQLite undoes just the statement.
  const guarded = held.exclusive && c.dialect === 'postgres';
  if (guarded) await c.run('SAVEPOINT record_span');
  let refusal: unknown;
  try {
    await upsert();
  } catch (e) {
    if (!isSpanRefusal(e)) throw e;
    refusal = e;
  }
  if (guarded) {
    if (refusal) await c.run('ROLLBACK TO SAVEPOINT record_span');
    await c.run('RELEASE SAVEPOINT record_span');
  }
  if (!refusal) return;
  const other = (await exclusiveOverlapping(c, decl, held, id))[0];
  if (!other) throw refusal;
  const p: Problem = decl.conflict(other as never);
  throw new DomainError(p.code, p.params, p.field);
}

/**
 * Rebuilds record_span from the records (a migration's backfill, once per new span
 * declaration). Overlapping exclusive spans already in the data — made before the
 * database guarded them — are kept: the earliest of them holds the resource exclusively,
 * the others are written as not exclusive (the venue desk flags such bookings). Returns
 * how many were left so.
 */
export async function rebuildSpans(c: SqlConn): Promise<number> {
  await c.run('DELETE FROM record_span');
  type Row = { kind: string; id: string; field: string } & HeldSpan;
  const rows: Row[] = [];
  for (const kind of spanKinds) {
    for await (const data of eachRecord(c, kind)) {
      for (const decl of spansOfKind(kind)) {
        const held = heldSpan(decl, data);
        if (held) rows.push({ kind, id: String(data.id), field: decl.resourceField, ...held });
      }
    }
  }
  // Earliest first per resource: an exclusive span starting before the latest end kept so far overlaps a kept one.
  rows.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.field, b.field) || cmp(a.resource, b.resource) || cmp(a.start, b.start) || cmp(a.id, b.id));
  let demoted = 0;
  let key = '';
  let keptUntil = '';
  for (const r of rows) {
    if (!r.exclusive) continue;
    const k = `${r.kind}\u0000${r.field}\u0000${r.resource}`;
    if (k !== key) [key, keptUntil] = [k, ''];
    if (r.start < keptUntil) {
      r.exclusive = false;
      demoted += 1;
    } else if (r.end > keptUntil) keptUntil = r.end;
  }
  const i = instantParam(c);
  for (let n = 0; n < rows.length; n += 200) {
    const batch = rows.slice(n, n + 200);
    await c.run(
      `INSERT INTO record_span (kind, id, field, resource, start_at, end_at, exclusive) VALUES ${batch.map(() => `(?, ?, ?, ?, ${i}, ${i}, ?)`).join(', ')}`,
      batch.flatMap((r) => [r.kind, r.id, r.field, r.resource, r.start, r.end, r.exclusive ? 1 : 0]),
    );
  }
  return demoted;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ClientRow {
  clientId: string;
  deviceId: string | null;
  lastMutationId: number;
}

export async function getClient(c: SqlConn, clientId: string): Promise<ClientRow | undefined> {
  const row = await one<{ client_id: string; device_id: string | null; last_mutation_id: unknown }>(c, 'SELECT client_id, device_id, last_mutation_id FROM client WHERE client_id = ?', [clientId]);
  return row ? { clientId: row.client_id, deviceId: row.device_id, lastMutationId: num(row.last_mutation_id) } : undefined;
}

/** Registers a client id as belonging to a device (the server's own client has none). */
export async function ensureClient(c: SqlConn, clientId: string, deviceId: string | null, at: string): Promise<void> {
  await c.run('INSERT INTO client (client_id, device_id, last_mutation_id, created_at, updated_at) VALUES (?, ?, 0, ?, ?) ON CONFLICT (client_id) DO NOTHING', [clientId, deviceId, at, at]);
}

export async function setLastMutationId(c: SqlConn, clientId: string, mutationId: number, at: string): Promise<void> {
  await c.run('UPDATE client SET last_mutation_id = ?, updated_at = ? WHERE client_id = ?', [mutationId, at, clientId]);
}

export interface MutationOutcome {
  clientId: string;
  mutationId: number;
  seq: number;
  name: string;
  userId: string;
  problem: Problem | null;
  /** The printed number the server gave instead of the one the workstation gave. */
  renumbered?: { from: string; to: string } | null;
}

export async function saveOutcome(c: SqlConn, o: MutationOutcome, at: string): Promise<void> {
  await c.run(`INSERT INTO mutation_result (client_id, mutation_id, seq, name, user_id, ok, problem, processed_at, renumbered) VALUES (?, ?, ?, ?, ?, ?, ${jsonParam(c)}, ?, ${jsonParam(c)})`, [
    o.clientId,
    o.mutationId,
    o.seq,
    o.name,
    o.userId,
    o.problem ? 0 : 1,
    o.problem ? JSON.stringify(o.problem) : null,
    at,
    o.renumbered ? JSON.stringify(o.renumbered) : null,
  ]);
}

export interface Refusal {
  clientId: string;
  mutationId: number;
  problem: Problem;
}

/** The refusals of a device's clients processed in (after, through]. */
export async function refusalsOf(c: SqlConn, deviceId: string, after: number, through: number): Promise<Refusal[]> {
  const rows = await c.all<{ client_id: string; mutation_id: unknown; problem: unknown }>(
    `SELECT r.client_id, r.mutation_id, r.problem FROM mutation_result r JOIN client k ON k.client_id = r.client_id
     WHERE k.device_id = ? AND r.ok = 0 AND r.seq > ? AND r.seq <= ? ORDER BY r.seq`,
    [deviceId, after, through],
  );
  return rows.map((r) => ({ clientId: r.client_id, mutationId: num(r.mutation_id), problem: fromJson<Problem>(r.problem) }));
}

export interface RenumberedRow {
  clientId: string;
  mutationId: number;
  from: string;
  to: string;
}

/** The mutations of a device's clients processed in (after, through] whose printed number the server replaced. */
export async function renumberedOf(c: SqlConn, deviceId: string, after: number, through: number): Promise<RenumberedRow[]> {
  const rows = await c.all<{ client_id: string; mutation_id: unknown; renumbered: unknown }>(
    `SELECT r.client_id, r.mutation_id, r.renumbered FROM mutation_result r JOIN client k ON k.client_id = r.client_id
     WHERE k.device_id = ? AND r.renumbered IS NOT NULL AND r.seq > ? AND r.seq <= ? ORDER BY r.seq`,
    [deviceId, after, through],
  );
  return rows.map((r) => ({ clientId: r.client_id, mutationId: num(r.mutation_id), ...fromJson<{ from: string; to: string }>(r.renumbered) }));
}

/**
 * For each client of a device, the last mutation processed at or before `through`: what
 * a workstation holding a page up to `through` may drop from its outbox, no more.
 */
export async function lastMutationIdsOf(c: SqlConn, deviceId: string, through: number): Promise<Record<string, number>> {
  const rows = await c.all<{ client_id: string; last: unknown }>(
    `SELECT r.client_id, max(r.mutation_id) AS last FROM mutation_result r JOIN client k ON k.client_id = r.client_id
     WHERE k.device_id = ? AND r.seq <= ? GROUP BY r.client_id`,
    [deviceId, through],
  );
  const last = Object.fromEntries(rows.map((r) => [r.client_id, num(r.last)]));
  // Outcomes pruned away were all processed at or before the horizon: a page reaching it covers them.
  if (through >= (await prunedThrough(c))) {
    const pruned = await c.all<{ client_id: string; pruned: unknown }>('SELECT client_id, pruned_mutation_id AS pruned FROM client WHERE device_id = ? AND pruned_mutation_id > 0', [deviceId]);
    for (const r of pruned) last[r.client_id] = Math.max(last[r.client_id] ?? 0, num(r.pruned));
  }
  return last;
}

/**
 * The pruning horizon: tombstones and mutation outcomes of sequence numbers at or below
 * it may be gone (server/prune.ts), so a pull from a cursor below it would miss deletions.
 */
export async function prunedThrough(c: SqlConn): Promise<number> {
  return num((await one<{ value: string }>(c, "SELECT value FROM server_info WHERE key = 'prunedThrough'"))?.value ?? 0);
}

/**
 * Whether the device holds a refusal or renumbering, not yet confirmed, at or below `seq`:
 * a pull from a cursor of `seq` confirms the workstation saved them (ackPulled), and only
 * then may pruning drop them.
 */
export async function hasUnackedOutcomes(c: SqlConn, deviceId: string, seq: number): Promise<boolean> {
  // The partial index mutation_result_notable holds just these rows: rare, so every pull can ask.
  const row = await one(
    c,
    `SELECT 1 AS x FROM mutation_result r JOIN client k ON k.client_id = r.client_id
     WHERE k.device_id = ? AND (r.ok = 0 OR r.renumbered IS NOT NULL) AND r.seq <= ?
       AND r.seq > (SELECT coalesce(max(a.acked_seq), 0) FROM client a WHERE a.device_id = ?) LIMIT 1`,
    [deviceId, seq, deviceId],
  );
  return row !== undefined;
}

/** The device's workstation has saved every page up to `seq` (it pulls from a cursor there). */
export async function ackPulled(c: SqlConn, clientId: string, seq: number): Promise<void> {
  await c.run('UPDATE client SET acked_seq = ? WHERE client_id = ? AND acked_seq < ?', [seq, clientId, seq]);
}

/** Every live record of a kind, a page at a time in id order (a backfill's walk, without holding the kind in memory). */
async function* eachRecord(c: SqlConn, kind: string): AsyncGenerator<RecordData> {
  for (let after = ''; ;) {
    const page = await c.all<{ id: string; data: unknown }>('SELECT id, data FROM record WHERE kind = ? AND data IS NOT NULL AND id > ? ORDER BY id LIMIT 2000', [kind, after]);
    if (page.length === 0) return;
    after = page[page.length - 1].id;
    for (const r of page) yield fromJson<RecordData>(r.data);
  }
}

/**
 * Gives the records that keep a copy of their space's site and building
 * (domain/places-move.ts) the copy the place tree gives now: moves made before a move
 * carried them along left them stale (a migration's backfill, once). Each repaired
 * record gets a change sequence number of its own, so workstations pull it; `updatedAt`
 * stays (nobody changed the record), as the workstation's own migration leaves it.
 * Returns how many were repaired.
 */
export async function repairPlaceCopies(c: SqlConn): Promise<number> {
  const parents = async (kind: string, field: string) => {
    const map = new Map<string, string>();
    for await (const r of eachRecord(c, kind)) map.set(String(r.id), String(r[field]));
    return map;
  };
  const [floorOfSpace, buildingOfFloor, siteOfBuilding] = [await parents('space', 'floorId'), await parents('floor', 'buildingId'), await parents('building', 'siteId')];
  let repaired = 0;
  for (const kind of KEEP_PLACE_COPY) {
    const stale: RecordData[] = [];
    for await (const r of eachRecord(c, kind)) {
      const buildingId = buildingOfFloor.get(floorOfSpace.get(String(r.spaceId)) ?? '');
      const siteId = buildingId && siteOfBuilding.get(buildingId);
      if (siteId && (r.siteId !== siteId || r.buildingId !== buildingId)) stale.push({ ...r, siteId, buildingId });
    }
    for (const r of stale) await putRecord(c, kind, String(r.id), r, await nextSeq(c));
    repaired += stale.length;
  }
  return repaired;
}
