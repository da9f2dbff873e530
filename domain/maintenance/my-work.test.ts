import { describe, expect, it } from 'vitest';
import type { RoundRow } from './inspections-views';
import { myWorkList, roundsDueBy, type MyWorkItem } from './my-work';
import type { TicketRow } from './tickets-query';

const ticket = (number: string, dueAt: string, status: TicketRow['status'] = 'assigned'): TicketRow => ({
  id: `t-${number}`,
  number,
  status,
  category: 'plumbing',
  priority: 'normal',
  subject: number,
  spaceId: 's',
  siteId: 'site',
  buildingId: 'b',
  assigneeId: 'tech',
  reportedAt: '2022-01-01T01:00:00.000Z',
  dueAt,
  completedAt: null,
  reporterName: '',
  reporterAgencyId: null,
  source: 'phone',
});

const round = (id: string, dueOn: string, graceDays = 0, status: RoundRow['status'] = 'open'): RoundRow => ({
  id,
  planId: 'p',
  scheduledOn: dueOn,
  dueOn,
  status,
  assigneeId: 'tech',
  spaceIds: ['s'],
  checklist: [{ id: 'c1', text: 'x' }],
  completedAt: null,
  completedBy: null,
  note: '',
  createdAt: '',
  updatedAt: '',
  planName: id,
  category: 'other',
  graceDays,
  total: 1,
  recorded: 0,
  failed: 0,
});

const names = (items: MyWorkItem[]) => items.map((i) => (i.kind === 'ticket' ? i.ticket.number : i.round.id));

// 111/1/12 (Wednesday) 10:00 in Taipei.
const NOW = '2022-01-12T02:00:00.000Z';

describe('my work: tickets and rounds in one list', () => {
  it('overdue first, tickets and rounds alike; then by due time, a round due by the end of its day', () => {
    const list = myWorkList(
      [
        ticket('維-111-00003', '2022-01-12T07:00:00.000Z'), // due today 15:00
        ticket('維-111-00001', '2022-01-11T01:00:00.000Z'), // overdue since yesterday 09:00
        ticket('維-111-00002', '2022-01-14T01:00:00.000Z'),
      ],
      [
        round('round:p:2022-01-10', '2022-01-10', 1), // last day 1/11: overdue
        round('round:p:2022-01-12', '2022-01-12'), // due by tonight
        round('round:p:2022-01-03', '2022-01-03', 10), // still within its grace days: not overdue
      ],
      NOW,
    );
    expect(names(list)).toEqual(['round:p:2022-01-10', '維-111-00001', 'round:p:2022-01-03', '維-111-00003', 'round:p:2022-01-12', '維-111-00002']);
  });

  it('leaves out finished tickets and rounds done or skipped', () => {
    const list = myWorkList(
      [ticket('維-111-00001', '2022-01-11T01:00:00.000Z', 'completed'), ticket('維-111-00002', '2022-01-11T01:00:00.000Z')],
      [round('round:p:2022-01-05', '2022-01-05', 0, 'done'), round('round:p:2022-01-06', '2022-01-06', 0, 'skipped'), round('round:p:2022-01-07', '2022-01-07')],
      NOW,
    );
    expect(names(list)).toEqual(['round:p:2022-01-07', '維-111-00002']);
  });

  it('a round due on a day comes after the tickets due during that day', () => {
    const list = myWorkList([ticket('維-111-00009', '2022-01-13T09:00:00.000Z')], [round('round:p:2022-01-13', '2022-01-13')], NOW); // 1/13 17:00
    expect(names(list)).toEqual(['維-111-00009', 'round:p:2022-01-13']);
  });

  it('rounds are on the list up to two weeks ahead', () => {
    expect(roundsDueBy('2022-01-12')).toBe('2022-01-26');
  });
});
