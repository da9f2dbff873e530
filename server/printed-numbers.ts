/**
 * Printed numbers on the server (the format is in domain/numbering.ts). Workstations
 * lease blocks of each kind's yearly sequence and give numbers out offline; the server
 * has the last word when it applies the mutation that gives one:
 * - a number from a block is kept, and raises the sequence's high-water mark (a
 *   workstation that worked alone numbered on its own: the server continues after it);
 * - a provisional number (維-111-暫0003), one already used by another record, or one in
 *   a block leased to another workstation is replaced by the next number of the
 *   sequence, and the workstation is told (pull's `renumbered`);
 * - the printed_number table's primary key keeps numbers unique per kind;
 * - before a push is processed, the sequence is raised above every number in it, so a
 *   number the server gives instead cannot be one that comes later in the same push
 *   (a workstation that worked alone sends its whole outbox at once);
 * - a lease asked for again under the same request id (its reply was lost) gets the
 *   same block.
 */
import { taipeiDateOf } from '../domain/dates';
import { mutations, type MutationDef } from '../domain/mutations';
import { formatPrintedNumber, parsePrintedNumber, type NumberKind } from '../domain/numbering';
import type { LeaseRequest, LeaseResponse } from '../domain/sync-protocol';
import type { SqlConn } from './store/sql';
import { HttpError } from './http-error';
import { claimPrintedNumber, insertLease, leasedToAnother, leaseOfRequest, printedNumberInUse, raiseHighWater, takeNumbers } from './store/number-data';

export interface Renumbering {
  from: string;
  to: string;
}

export interface NumberedCall {
  clientId: string;
  mutationId: number;
  at: string;
}

/**
 * Settles the printed number of a numbered mutation before its mutator runs: returns the
 * arguments with the number the record gets, and the renumbering if it is not the one
 * the workstation gave. Runs inside the mutation's savepoint, so a refused mutation
 * claims no number.
 */
export async function settlePrintedNumber(
  c: SqlConn,
  numbered: NonNullable<MutationDef['numbered']>,
  args: Record<string, unknown>,
  call: NumberedCall,
  deviceId: string | null,
): Promise<{ args: Record<string, unknown>; renumbered: Renumbering | null }> {
  const { kind, field } = numbered;
  const given = typeof args[field] === 'string' ? (args[field] as string) : '';
  const parsed = given ? parsePrintedNumber(given) : null;
  const ours = parsed && parsed.kind === kind ? parsed : null;
  const year = ours?.year ?? numbered.yearOf?.(args) ?? Number(taipeiDateOf(call.at).slice(0, 4));

  let number: string | null = null;
  if (ours && !ours.provisional) {
    const canonical = formatPrintedNumber(kind, ours.year, ours.n);
    const taken = (await printedNumberInUse(c, kind, canonical)) || (await leasedToAnother(c, kind, ours.year, ours.n, deviceId));
    if (!taken) {
      number = canonical;
      await raiseHighWater(c, kind, ours.year, ours.n);
    }
  }
  if (number === null) number = formatPrintedNumber(kind, year, (await takeNumbers(c, kind, year, 1)).from);

  await claimPrintedNumber(c, { kind, number, recordId: typeof args.id === 'string' ? args.id : null, clientId: call.clientId, mutationId: call.mutationId });
  return { args: { ...args, [field]: number }, renumbered: given && given !== number ? { from: given, to: number } : null };
}

/** The highest printed number per kind and year that these pushed mutations give (provisional ones aside). */
export function highestNumbersIn(pushed: readonly { name: string; args: unknown }[]): { kind: NumberKind; year: number; n: number }[] {
  const highest = new Map<string, { kind: NumberKind; year: number; n: number }>();
  for (const m of pushed) {
    const numbered = mutations.get(m.name)?.numbered;
    const given = numbered && m.args && typeof m.args === 'object' ? (m.args as Record<string, unknown>)[numbered.field] : undefined;
    const parsed = typeof given === 'string' ? parsePrintedNumber(given) : null;
    if (!numbered || !parsed || parsed.provisional || parsed.kind !== numbered.kind) continue;
    const key = `${parsed.kind}/${parsed.year}`;
    if ((highest.get(key)?.n ?? 0) < parsed.n) highest.set(key, { kind: parsed.kind, year: parsed.year, n: parsed.n });
  }
  return [...highest.values()];
}

export async function raiseHighWaters(c: SqlConn, numbers: readonly { kind: NumberKind; year: number; n: number }[]): Promise<void> {
  for (const x of numbers) await raiseHighWater(c, x.kind, x.year, x.n);
}

/**
 * Hands a workstation the next block of a kind's sequence for a year. A request id the
 * workstation sent before gets the block it got then, and the sequence does not move: the
 * reply to the first may have been lost, and a second block would leave the first's
 * numbers unused, a gap in the printed sequence. (A request without one, from an older
 * workstation, always gets a new block.)
 */
export async function leaseNumbers(c: SqlConn, req: LeaseRequest, deviceId: string, at: string): Promise<LeaseResponse> {
  const requestId = req.requestId ?? null;
  if (requestId) {
    const earlier = await leaseOfRequest(c, deviceId, requestId);
    if (earlier && (earlier.kind !== req.kind || earlier.year !== req.year)) {
      throw new HttpError(409, 'lease.requestIdReused', `This request id was used for ${earlier.kind} numbers of ${earlier.year}; make a new request id for each block wanted.`, 'requestId');
    }
    if (earlier) return { kind: req.kind, year: earlier.year, from: earlier.from, to: earlier.to };
  }
  const { from, to } = await takeNumbers(c, req.kind, req.year, req.count);
  await insertLease(c, { kind: req.kind, year: req.year, from, to, deviceId, clientId: req.clientId, at, requestId });
  return { kind: req.kind, year: req.year, from, to };
}
