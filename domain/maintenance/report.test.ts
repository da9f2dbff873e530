import { describe, expect, it } from 'vitest';
import { casesHandledIn, countCasesHandled, periodInstants, type CaseChange, type CaseTicket } from './report';

// The council report's period: 110/9/1 to 111/1/31.
const period = { from: '2021-09-01', to: '2022-01-31' };
const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

function ticket(id: string, status: CaseTicket['status'], extra: Partial<CaseTicket> = {}): CaseTicket {
  return { id, status, siteId: 'siwei', category: 'plumbing', ...extra };
}
const done = (ticketId: string, at: string): CaseChange => ({ ticketId, toStatus: 'completed', at });

describe('cases handled in a period', () => {
  it('counts completion at 00:00 Taipei on the first day and at 23:59 on the last day', () => {
    const tickets = [ticket('first', 'completed'), ticket('last', 'closed')];
    const changes = [done('first', tpe('2021-09-01', '00:00')), done('last', tpe('2022-01-31', '23:59'))];
    expect(countCasesHandled(period, tickets, changes).total).toBe(2);
  });

  it('leaves out completion at 23:59 Taipei the day before and 00:00 the day after', () => {
    const tickets = [ticket('before', 'completed'), ticket('after', 'completed')];
    const changes = [done('before', tpe('2021-08-31', '23:59')), done('after', tpe('2022-02-01', '00:00'))];
    expect(countCasesHandled(period, tickets, changes).total).toBe(0);
  });

  it('reads the bounds as Taipei dates, not UTC: 2022-01-31T16:30Z is already February in Taipei', () => {
    const r = countCasesHandled(period, [ticket('t', 'completed')], [done('t', '2022-01-31T16:30:00.000Z')]);
    expect(r.total).toBe(0);
    expect(periodInstants(period)).toEqual({ start: '2021-08-31T16:00:00.000Z', end: '2022-01-31T16:00:00.000Z' });
  });

  it('does not count cancelled or returned tickets, nor open ones', () => {
    const tickets = [ticket('c', 'cancelled'), ticket('r', 'returned'), ticket('o', 'in_progress')];
    // A ticket reopened, then cancelled, had a completion inside the period: it still does not count.
    const changes = [done('c', tpe('2021-10-01', '10:00')), done('o', tpe('2021-10-02', '10:00'))];
    expect(countCasesHandled(period, tickets, changes).total).toBe(0);
  });

  it('counts a reopened ticket once, on its last completion', () => {
    const tickets = [ticket('twice', 'closed'), ticket('across', 'completed')];
    const changes = [
      done('twice', tpe('2021-10-01', '10:00')),
      { ticketId: 'twice', toStatus: 'in_progress' as const, at: tpe('2021-10-02', '09:00') },
      done('twice', tpe('2021-10-05', '15:00')),
      // Completed in the period, reopened, completed again after it: counts in the later period only.
      done('across', tpe('2022-01-30', '10:00')),
      { ticketId: 'across', toStatus: 'in_progress' as const, at: tpe('2022-02-02', '09:00') },
      done('across', tpe('2022-02-03', '15:00')),
    ];
    expect(countCasesHandled(period, tickets, changes).total).toBe(1);
    expect(countCasesHandled({ from: '2022-02-01', to: '2022-02-28' }, tickets, changes).total).toBe(1);
  });

  it('does not count a ticket reopened and not yet completed again', () => {
    const changes = [done('t', tpe('2021-10-01', '10:00')), { ticketId: 't', toStatus: 'in_progress' as const, at: tpe('2021-10-02', '09:00') }];
    expect(countCasesHandled(period, [ticket('t', 'in_progress')], changes).total).toBe(0);
  });

  it('splits by site and category', () => {
    const tickets = [
      ticket('a', 'closed', { siteId: 'siwei', category: 'elevator' }),
      ticket('b', 'closed', { siteId: 'siwei', category: 'elevator' }),
      ticket('c', 'completed', { siteId: 'fengshan', category: 'hvac' }),
    ];
    const changes = tickets.map((t) => done(t.id, tpe('2021-11-11', '11:00')));
    expect(countCasesHandled(period, tickets, changes)).toEqual({
      total: 3,
      bySite: { siwei: { elevator: 2 }, fengshan: { hvac: 1 } },
      byCategory: { elevator: 2, hvac: 1 },
    });
  });

  it('yields the cases it counts, each with its last completion and the Taipei date it counts on', () => {
    const tickets = [ticket('late', 'closed'), ticket('early', 'completed'), ticket('gone', 'cancelled')];
    const changes = [
      done('late', tpe('2021-10-01', '10:00')),
      { ticketId: 'late', toStatus: 'in_progress' as const, at: tpe('2021-10-02', '09:00') },
      done('late', '2021-10-05T16:30:00.000Z'), // 10/6 00:30 in Taipei
      done('early', tpe('2021-10-03', '15:00')),
      done('gone', tpe('2021-10-04', '15:00')),
    ];
    const cases = casesHandledIn(period, tickets, changes);
    expect(cases.map((c) => [c.ticket.id, c.completedAt, c.date])).toEqual([
      ['early', tpe('2021-10-03', '15:00'), '2021-10-03'],
      ['late', '2021-10-05T16:30:00.000Z', '2021-10-06'],
    ]);
    expect(countCasesHandled(period, tickets, changes).total).toBe(cases.length);
  });
});
