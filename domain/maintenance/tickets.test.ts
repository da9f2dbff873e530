import { describe, expect, it } from 'vitest';
import { canTransition, costTotal, isOverdue, labourHours, likelyDuplicates, mayMoveTo, myWorkOrder, TICKET_STATUSES, TRANSITIONS, type TicketStatus } from './tickets';

describe('ticket life cycle', () => {
  it('walks 報修 → 派工 → 處理中 → 待料 → 完工 → 結案', () => {
    const path: TicketStatus[] = ['reported', 'assigned', 'in_progress', 'waiting_parts', 'in_progress', 'completed', 'closed'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i]), `${path[i - 1]} → ${path[i]}`).toBe(true);
    expect(canTransition('waiting_parts', 'completed')).toBe(true);
  });

  it('reopens a completed ticket as 處理中, and takes a returned one in again', () => {
    expect(canTransition('completed', 'in_progress')).toBe(true);
    expect(canTransition('returned', 'reported')).toBe(true);
  });

  it('refuses skipping steps and leaving 結案 or 取消', () => {
    expect(canTransition('reported', 'completed')).toBe(false);
    expect(canTransition('reported', 'in_progress')).toBe(false);
    expect(canTransition('in_progress', 'closed')).toBe(false);
    expect(canTransition('completed', 'cancelled')).toBe(false);
    expect(canTransition('completed', 'returned')).toBe(false);
    for (const to of TICKET_STATUSES) {
      expect(canTransition('closed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition(to, to)).toBe(false);
    }
  });

  it('lists a target for every status and only known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const targets of Object.values(TRANSITIONS)) for (const t of targets) expect(TICKET_STATUSES).toContain(t);
  });

  it('lets a technician start, wait for parts and complete only tickets assigned to them', () => {
    expect(mayMoveTo(['technician'], 'in_progress', true)).toBe(true);
    expect(mayMoveTo(['technician'], 'completed', true)).toBe(true);
    expect(mayMoveTo(['technician'], 'completed', false)).toBe(false);
    expect(mayMoveTo(['technician'], 'closed', true)).toBe(false);
    expect(mayMoveTo(['technician'], 'cancelled', true)).toBe(false);
    expect(mayMoveTo(['maintenance_clerk'], 'closed', false)).toBe(true);
    expect(mayMoveTo(['viewer'], 'in_progress', true)).toBe(false);
  });
});

describe('likely duplicates', () => {
  const open = { id: 'a', spaceId: 's1', category: 'plumbing' as const, status: 'in_progress' as const };
  it('finds an open ticket at the same place and of the same category', () => {
    expect(likelyDuplicates({ spaceId: 's1', category: 'plumbing' }, [open])).toEqual([open]);
  });
  it('ignores other places, other categories, finished tickets and the ticket itself', () => {
    const tickets = [
      { ...open, id: 'b', spaceId: 's2' },
      { ...open, id: 'c', category: 'hvac' as const },
      { ...open, id: 'd', status: 'completed' as const },
      { ...open, id: 'e', status: 'cancelled' as const },
    ];
    expect(likelyDuplicates({ spaceId: 's1', category: 'plumbing' }, tickets)).toEqual([]);
    expect(likelyDuplicates({ id: 'a', spaceId: 's1', category: 'plumbing' }, [open])).toEqual([]);
  });
});

describe('my work', () => {
  const now = '2022-01-10T06:00:00.000Z';
  it('puts overdue tickets first, then by due time, and leaves finished ones out', () => {
    const tickets = [
      { number: '維-111-00003', status: 'assigned' as const, dueAt: '2022-01-11T01:00:00.000Z' },
      { number: '維-111-00001', status: 'in_progress' as const, dueAt: '2022-01-09T01:00:00.000Z' },
      { number: '維-111-00002', status: 'waiting_parts' as const, dueAt: '2022-01-10T08:00:00.000Z' },
      { number: '維-111-00004', status: 'completed' as const, dueAt: '2022-01-01T01:00:00.000Z' },
      { number: '維-111-00005', status: 'assigned' as const, dueAt: '2022-01-10T05:00:00.000Z' },
    ];
    expect(myWorkOrder(tickets, now).map((t) => t.number)).toEqual(['維-111-00001', '維-111-00005', '維-111-00002', '維-111-00003']);
    expect(isOverdue(tickets[3], now)).toBe(false);
  });
});

describe('costs', () => {
  it('adds up lines and labour hours', () => {
    const lines = [
      { type: 'labour' as const, quantity: 1.5, unitPrice: 0 },
      { type: 'part' as const, quantity: 2, unitPrice: 350 },
      { type: 'other' as const, quantity: 1, unitPrice: 1200.4 },
    ];
    expect(costTotal(lines)).toBe(1900);
    expect(labourHours(lines)).toBe(1.5);
  });
});
