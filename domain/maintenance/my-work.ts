/**
 * 我的工作: a technician's open repair tickets and the open rounds (巡檢單) assigned to them,
 * in one list in the order they are taken: overdue first, then by due time. A round is due
 * by the end of its due day (Taipei time) and overdue once its plan's grace days are over,
 * as the rounds list says.
 */
import { addDays, startOfTaipeiDay, taipeiDateOf, type BusinessDate } from '../dates';
import { isRoundOverdue } from './inspections';
import type { RoundRow } from './inspections-views';
import { isOpen, isOverdue } from './tickets';
import type { TicketRow } from './tickets-query';

/** Open rounds due up to this many days ahead are on the work list (待辦); overdue ones always. */
export const ROUNDS_AHEAD_DAYS = 14;

/** The last due day of the rounds on the work list on `today`. */
export function roundsDueBy(today: BusinessDate): BusinessDate {
  return addDays(today, ROUNDS_AHEAD_DAYS);
}

export type MyWorkItem = { kind: 'ticket'; ticket: TicketRow } | { kind: 'round'; round: RoundRow };

/** When the item is due: a ticket's due time, the end of a round's due day. */
export function dueAtOf(item: MyWorkItem): string {
  return item.kind === 'ticket' ? item.ticket.dueAt : startOfTaipeiDay(addDays(item.round.dueOn, 1));
}

export function isWorkOverdue(item: MyWorkItem, now: string): boolean {
  return item.kind === 'ticket' ? isOverdue(item.ticket, now) : isRoundOverdue(item.round, item.round.graceDays, taipeiDateOf(now));
}

const tieKey = (item: MyWorkItem) => (item.kind === 'ticket' ? `0${item.ticket.number}` : `1${item.round.id}`);

/** Open tickets and open rounds together: overdue first, then by due time; a ticket before a round due at the same time. */
export function myWorkList(tickets: readonly TicketRow[], rounds: readonly RoundRow[], now: string): MyWorkItem[] {
  const items: MyWorkItem[] = [
    ...tickets.filter((t) => isOpen(t.status)).map((ticket) => ({ kind: 'ticket' as const, ticket })),
    ...rounds.filter((r) => r.status === 'open').map((round) => ({ kind: 'round' as const, round })),
  ];
  const keyed = items.map((item) => ({ item, late: isWorkOverdue(item, now), due: dueAtOf(item), tie: tieKey(item) }));
  keyed.sort((a, b) => Number(b.late) - Number(a.late) || a.due.localeCompare(b.due) || a.tie.localeCompare(b.tie));
  return keyed.map((k) => k.item);
}
