/**
 * Records, the change sequence, clients and mutation results, written once for both
 * dialects. A record row holds the record's current state and the sequence number of the
 * mutation that last wrote it, so "changes since cursor N" is "rows with seq > N": a
 * workstation gets each record once, in its latest state, however often it changed.
 */
import type { Problem } from '../../domain/errors';
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

/** Records of one resource whose [start, end) overlaps [from, to); touching ends do not overlap. */
export async function findOverlappingRecords(c: SqlConn, kind: string, span: Span): Promise<RecordData[]> {
  const params: unknown[] = [];
  const conds = [equals(c, span.resourceField, span.resourceId, params)];
  conds.push(`${textOf(c, span.startField, params)} < ?`);
  params.push(span.to);
  conds.push(`${textOf(c, span.endField, params)} > ?`);
  params.push(span.from);
  for (const [field, value] of Object.entries(span.where ?? {})) if (value !== undefined) conds.push(equals(c, field, value, params));
  return select(c, kind, conds, params);
}

/** Writes a record's whole state (null: deleted, kept as a tombstone) under a sequence number. */
export async function putRecord(c: SqlConn, kind: string, id: string, data: RecordData | null, seq: number): Promise<void> {
  await c.run(
    `INSERT INTO record (kind, id, data, seq) VALUES (?, ?, ${jsonParam(c)}, ?)
     ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq`,
    [kind, id, data === null ? null : JSON.stringify(data), seq],
  );
}

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
  await c.run(
    `INSERT INTO mutation_result (client_id, mutation_id, seq, name, user_id, ok, problem, processed_at, renumbered) VALUES (?, ?, ?, ?, ?, ?, ${jsonParam(c)}, ?, ${jsonParam(c)})`,
    [o.clientId, o.mutationId, o.seq, o.name, o.userId, o.problem ? 0 : 1, o.problem ? JSON.stringify(o.problem) : null, at, o.renumbered ? JSON.stringify(o.renumbered) : null],
  );
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
  return Object.fromEntries(rows.map((r) => [r.client_id, num(r.last)]));
}
