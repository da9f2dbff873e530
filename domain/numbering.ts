/**
 * Printed numbers (編號) that people write on paper: one format per kind,
 * PREFIX-ROCYEAR-NNNNN, e.g. 維-111-00042. No workstation code in it, yet unique across
 * all workstations even when given out offline: each workstation holds blocks leased from
 * the server's sequence for that kind and year. A workstation that runs out offline
 * issues a provisional number (維-111-暫0003) that the server replaces at sync.
 */
import { ROC_OFFSET } from './dates';

export const NUMBER_PREFIXES = {
  ticket: '維', // 報修單 repair ticket
  booking: '場', // 場地申請 venue booking
  permit: '證', // 停車證 parking permit
  trip: '車', // 派車單 vehicle trip
} as const;

export type NumberKind = keyof typeof NUMBER_PREFIXES;

export const NUMBER_DIGITS = 5;
const PROVISIONAL_MARK = '暫';

export function formatPrintedNumber(kind: NumberKind, gregorianYear: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`number must be a positive integer, not ${n}`);
  return `${NUMBER_PREFIXES[kind]}-${gregorianYear - ROC_OFFSET}-${String(n).padStart(NUMBER_DIGITS, '0')}`;
}

export function formatProvisionalNumber(kind: NumberKind, gregorianYear: number, n: number): string {
  return `${NUMBER_PREFIXES[kind]}-${gregorianYear - ROC_OFFSET}-${PROVISIONAL_MARK}${String(n).padStart(4, '0')}`;
}

export interface ParsedNumber {
  kind: NumberKind;
  year: number;
  n: number;
  provisional: boolean;
}

export function parsePrintedNumber(text: string): ParsedNumber | null {
  const m = /^(.)-(\d{2,3})-(暫)?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const kind = (Object.keys(NUMBER_PREFIXES) as NumberKind[]).find((k) => NUMBER_PREFIXES[k] === m[1]);
  if (!kind) return null;
  return { kind, year: Number(m[2]) + ROC_OFFSET, n: Number(m[4]), provisional: m[3] === PROVISIONAL_MARK };
}

/** A block of numbers [from, to] of one kind and year leased to one workstation. */
export interface NumberLease {
  kind: NumberKind;
  year: number;
  from: number;
  to: number;
  /** The next number this workstation will give out from the block. */
  next: number;
}

export function leaseRemaining(lease: NumberLease): number {
  return Math.max(0, lease.to - lease.next + 1);
}

/** Below this many numbers left, the workstation asks for a new block and warns when offline. */
export const LEASE_LOW_WATER = 10;

export type NumberTaken = { provisional: false; number: string; lease: NumberLease; low: boolean } | { provisional: true; number: string; provisionalSeq: number };

/**
 * Takes the next number for a kind and year from the leases held, oldest block first;
 * with none left, a provisional number from the local counter.
 */
export function takeNumber(leases: readonly NumberLease[], kind: NumberKind, year: number, provisionalSeq: number): NumberTaken {
  const usable = leases.filter((l) => l.kind === kind && l.year === year && leaseRemaining(l) > 0).sort((a, b) => a.from - b.from);
  const lease = usable[0];
  if (!lease) return { provisional: true, number: formatProvisionalNumber(kind, year, provisionalSeq), provisionalSeq };
  const left = usable.reduce((sum, l) => sum + leaseRemaining(l), 0) - 1;
  return { provisional: false, number: formatPrintedNumber(kind, year, lease.next), lease: { ...lease, next: lease.next + 1 }, low: left < LEASE_LOW_WATER };
}
