import { describe, expect, it } from 'vitest';
import { freshDb } from '../test/support/fresh-db';
import { LOCAL_BLOCK, addServerLease, issueNumber } from './numbers';

describe('printed numbers on a workstation', () => {
  it('a workstation alone numbers 1, 2, 3… per kind and year, across its own blocks', () => {
    const { db } = freshDb();
    expect(issueNumber(db, 'ticket', 2022, false).number).toBe('維-111-00001');
    expect(issueNumber(db, 'ticket', 2022, false).number).toBe('維-111-00002');
    expect(issueNumber(db, 'booking', 2022, false).number).toBe('場-111-00001');
    expect(issueNumber(db, 'ticket', 2023, false).number).toBe('維-112-00001');
    for (let i = 3; i <= LOCAL_BLOCK; i++) issueNumber(db, 'ticket', 2022, false);
    expect(issueNumber(db, 'ticket', 2022, false).number).toBe(`維-111-0${LOCAL_BLOCK + 1}`);
  });

  it('joined to a server, it uses leased blocks, warns when low and goes provisional when out', () => {
    const { db } = freshDb();
    addServerLease(db, { kind: 'ticket', year: 2022, from: 41, to: 52 });
    expect(issueNumber(db, 'ticket', 2022, true)).toEqual({ number: '維-111-00041', provisional: false, low: false });
    let last = issueNumber(db, 'ticket', 2022, true);
    while (!last.low) last = issueNumber(db, 'ticket', 2022, true);
    expect(last.number).toBe('維-111-00043');
    for (let n = 44; n <= 52; n++) issueNumber(db, 'ticket', 2022, true);
    expect(issueNumber(db, 'ticket', 2022, true)).toEqual({ number: '維-111-暫0001', provisional: true, low: true });
    expect(issueNumber(db, 'ticket', 2022, true).number).toBe('維-111-暫0002');
  });
});
