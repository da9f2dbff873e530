import { describe, expect, it } from 'vitest';
import { formatPrintedNumber, parsePrintedNumber, takeNumber, type NumberLease } from './numbering';

describe('printed numbers', () => {
  it('read PREFIX-ROCYEAR-NNNNN', () => {
    expect(formatPrintedNumber('ticket', 2022, 42)).toBe('維-111-00042');
    expect(parsePrintedNumber('維-111-00042')).toEqual({ kind: 'ticket', year: 2022, n: 42, provisional: false });
    expect(parsePrintedNumber('場-111-暫0003')).toEqual({ kind: 'booking', year: 2022, n: 3, provisional: true });
    expect(parsePrintedNumber('X-111-00042')).toBeNull();
  });

  it('come from the oldest leased block and warn when few are left', () => {
    const leases: NumberLease[] = [
      { kind: 'ticket', year: 2022, from: 101, to: 200, next: 195 },
      { kind: 'ticket', year: 2022, from: 1, to: 100, next: 100 },
    ];
    const first = takeNumber(leases, 'ticket', 2022, 1);
    expect(first).toMatchObject({ provisional: false, number: '維-111-00100', low: true });
    const blockLeft = takeNumber([{ kind: 'ticket', year: 2022, from: 1, to: 100, next: 50 }], 'ticket', 2022, 1);
    expect(blockLeft).toMatchObject({ number: '維-111-00050', low: false });
  });

  it('are provisional when every block is used up', () => {
    const out = takeNumber([{ kind: 'ticket', year: 2022, from: 1, to: 10, next: 11 }], 'ticket', 2022, 7);
    expect(out).toEqual({ provisional: true, number: '維-111-暫0007', provisionalSeq: 7 });
  });

  it('never mix kinds or years', () => {
    const out = takeNumber([{ kind: 'permit', year: 2022, from: 1, to: 10, next: 1 }], 'ticket', 2023, 1);
    expect(out.provisional).toBe(true);
  });
});
