/**
 * Giving out printed numbers on this workstation (the format and the rule are in
 * domain/numbering.ts). Called by the mutation runner inside the mutation's transaction,
 * so a refused mutation does not use up a number.
 */
import type { Db } from './open';
import { getMeta, setMeta } from './meta';
import { prepared } from './statements';
import { takeNumber, type NumberKind, type NumberLease } from '../domain/numbering';

/** A workstation working alone leases itself blocks of this size. */
export const LOCAL_BLOCK = 1000;

interface LeaseRow {
  id: number;
  kind: string;
  year: number;
  from_n: number;
  to_n: number;
  next_n: number;
}

function leasesOf(db: Db, kind: NumberKind, year: number): (NumberLease & { id: number })[] {
  const rows = prepared(db, 'SELECT * FROM number_lease WHERE kind = ? AND year = ? ORDER BY from_n').all(kind, year) as LeaseRow[];
  return rows.map((r) => ({ id: r.id, kind, year, from: r.from_n, to: r.to_n, next: r.next_n }));
}

export interface IssuedNumber {
  number: string;
  provisional: boolean;
  /** Few numbers left in the blocks held: time to top up (or warn, offline). */
  low: boolean;
}

/**
 * The next number of a kind for a year. Alone (no server), the workstation extends its
 * own sequence; joined to a server and out of leased numbers, it issues a provisional one.
 */
export function issueNumber(db: Db, kind: NumberKind, year: number, joinedToServer: boolean): IssuedNumber {
  let leases = leasesOf(db, kind, year);
  if (!joinedToServer && leases.every((l) => l.next > l.to)) {
    const from = leases.reduce((max, l) => Math.max(max, l.to), 0) + 1;
    prepared(db, "INSERT INTO number_lease (kind, year, from_n, to_n, next_n, source) VALUES (?, ?, ?, ?, ?, 'local')").run(kind, year, from, from + LOCAL_BLOCK - 1, from);
    leases = leasesOf(db, kind, year);
  }
  const seqKey = `provisionalSeq:${kind}:${year}`;
  const provisionalSeq = Number(getMeta(db, seqKey) ?? '0') + 1;
  const taken = takeNumber(leases, kind, year, provisionalSeq);
  if (taken.provisional) {
    setMeta(db, seqKey, String(provisionalSeq));
    return { number: taken.number, provisional: true, low: true };
  }
  const used = leases.find((l) => l.from === taken.lease.from)!;
  prepared(db, 'UPDATE number_lease SET next_n = ? WHERE id = ?').run(taken.lease.next, used.id);
  return { number: taken.number, provisional: false, low: joinedToServer && taken.low };
}

/** Adds a block leased from the server. */
export function addServerLease(db: Db, lease: Omit<NumberLease, 'next'>): void {
  prepared(db, "INSERT INTO number_lease (kind, year, from_n, to_n, next_n, source) VALUES (?, ?, ?, ?, ?, 'server')").run(lease.kind, lease.year, lease.from, lease.to, lease.from);
}
