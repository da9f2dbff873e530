/**
 * The server's sequences of printed numbers, one per kind and year, the blocks leased
 * from them and every printed number in use. Called inside the serialised write
 * transaction, so reading the high-water mark and raising it cannot interleave.
 */
import { newId } from '../../domain/ids';
import { num, one, type SqlConn } from './sql';

/** The highest number of a kind and year handed out (leased or given) or seen in a record. */
export async function highWater(c: SqlConn, kind: string, year: number): Promise<number> {
  return num((await one<{ high: unknown }>(c, 'SELECT high FROM number_sequence WHERE kind = ? AND year = ?', [kind, year]))?.high);
}

/** Raises the high-water mark to `n` unless it is higher already. */
export async function raiseHighWater(c: SqlConn, kind: string, year: number, n: number): Promise<void> {
  await c.run(
    `INSERT INTO number_sequence (kind, year, high) VALUES (?, ?, ?)
     ON CONFLICT (kind, year) DO UPDATE SET high = CASE WHEN excluded.high > number_sequence.high THEN excluded.high ELSE number_sequence.high END`,
    [kind, year, n],
  );
}

/** The next `count` numbers of the sequence, taken: [from, to]. */
export async function takeNumbers(c: SqlConn, kind: string, year: number, count: number): Promise<{ from: number; to: number }> {
  const from = (await highWater(c, kind, year)) + 1;
  const to = from + count - 1;
  await raiseHighWater(c, kind, year, to);
  return { from, to };
}

export interface LeaseRow {
  kind: string;
  year: number;
  from: number;
  to: number;
  deviceId: string;
  clientId: string;
  at: string;
  /** The workstation's id for the block it wanted (protocol 3); null from an older workstation. */
  requestId: string | null;
}

export async function insertLease(c: SqlConn, l: LeaseRow): Promise<void> {
  await c.run('INSERT INTO number_lease (id, kind, year, from_n, to_n, device_id, client_id, leased_at, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    newId(),
    l.kind,
    l.year,
    l.from,
    l.to,
    l.deviceId,
    l.clientId,
    l.at,
    l.requestId,
  ]);
}

/** The block a workstation was leased under a request id of its own, if any (a retry whose first reply was lost). */
export async function leaseOfRequest(c: SqlConn, deviceId: string, requestId: string): Promise<{ kind: string; year: number; from: number; to: number } | undefined> {
  const r = await one<{ kind: string; year: unknown; from_n: unknown; to_n: unknown }>(c, 'SELECT kind, year, from_n, to_n FROM number_lease WHERE device_id = ? AND request_id = ?', [
    deviceId,
    requestId,
  ]);
  return r && { kind: r.kind, year: num(r.year), from: num(r.from_n), to: num(r.to_n) };
}

/** Whether `n` lies in a block leased to a workstation other than `deviceId` (null: any). */
export async function leasedToAnother(c: SqlConn, kind: string, year: number, n: number, deviceId: string | null): Promise<boolean> {
  const row = await one(c, 'SELECT 1 AS x FROM number_lease WHERE kind = ? AND year = ? AND from_n <= ? AND to_n >= ? AND device_id <> ? LIMIT 1', [kind, year, n, n, deviceId ?? '']);
  return row !== undefined;
}

export async function printedNumberInUse(c: SqlConn, kind: string, number: string): Promise<boolean> {
  return (await one(c, 'SELECT 1 AS x FROM printed_number WHERE kind = ? AND number = ?', [kind, number])) !== undefined;
}

/** Claims a printed number for a record; the primary key refuses a second claim (a fault, never a silent duplicate). */
export async function claimPrintedNumber(c: SqlConn, p: { kind: string; number: string; recordId: string | null; clientId: string; mutationId: number }): Promise<void> {
  await c.run('INSERT INTO printed_number (kind, number, record_id, client_id, mutation_id) VALUES (?, ?, ?, ?, ?)', [p.kind, p.number, p.recordId, p.clientId, p.mutationId]);
}
