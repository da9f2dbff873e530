/**
 * Figures of the period report for repair tickets: 處理 N 件, by site and category.
 *
 * The definition (docs/domain.md, "How the report counts: Repair cases handled"): a ticket
 * counts when its work was completed (reached 完工) on a Taipei date inside the period,
 * both ends included; cancelled (取消) and returned (退件) tickets don't count.
 *
 * Reopened tickets (完工 → 處理中 → … → 完工) count ONCE, on the date of their LAST
 * completion, and only while they stand completed or closed: reopening says the first
 * repair did not hold, so the case was handled when the work finally did. A ticket
 * reopened and not yet completed again counts in no period; one completed on 12/30,
 * reopened and completed again on 1/5 counts in January, not December.
 */
import { addDays, startOfTaipeiDay, taipeiDateOf, type BusinessDate } from '../dates';
import type { TicketCategory, TicketStatus } from './tickets';

export interface Period {
  /** First day, Taipei date, included. */
  from: BusinessDate;
  /** Last day, Taipei date, included. */
  to: BusinessDate;
}

export interface CaseTicket {
  id: string;
  siteId: string;
  category: TicketCategory;
  status: TicketStatus;
}

export interface CaseChange {
  ticketId: string;
  toStatus: TicketStatus;
  /** UTC instant. */
  at: string;
}

export interface CasesHandled {
  total: number;
  bySite: Record<string, Partial<Record<TicketCategory, number>>>;
  byCategory: Partial<Record<TicketCategory, number>>;
}

/** The instants the period covers: [start, end) in UTC, from Taipei midnight to Taipei midnight. */
export function periodInstants(period: Period): { start: string; end: string } {
  return { start: startOfTaipeiDay(period.from), end: startOfTaipeiDay(addDays(period.to, 1)) };
}

const STANDS_DONE: readonly TicketStatus[] = ['completed', 'closed'];

/** A case the period counts: the ticket, its last completion (UTC instant) and the Taipei date it counts on. */
export interface HandledCase<T extends CaseTicket = CaseTicket> {
  ticket: T;
  completedAt: string;
  date: BusinessDate;
}

/**
 * The cases handled in a period, the rule of the figure: each ticket standing completed or
 * closed whose last completion falls inside the period, once, ordered by that completion.
 * The count is their number and the drill-down lists them, so the two never disagree.
 */
export function casesHandledIn<T extends CaseTicket>(period: Period, tickets: readonly T[], changes: readonly CaseChange[]): HandledCase<T>[] {
  const { start, end } = periodInstants(period);
  // Instants compared as epoch milliseconds: a period holds thousands of completions.
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  const lastCompletion = new Map<string, number>();
  for (const c of changes) {
    if (c.toStatus !== 'completed') continue;
    const at = Date.parse(c.at);
    if (Number.isNaN(at)) throw new RangeError(`not an instant: ${c.at}`);
    const before = lastCompletion.get(c.ticketId);
    if (before === undefined || at > before) lastCompletion.set(c.ticketId, at);
  }
  const handled: { ms: number; ticket: T }[] = [];
  for (const t of tickets) {
    if (!STANDS_DONE.includes(t.status)) continue;
    const at = lastCompletion.get(t.id);
    if (at === undefined || at < startMs || at >= endMs) continue;
    handled.push({ ms: at, ticket: t });
  }
  handled.sort((a, b) => a.ms - b.ms || (a.ticket.id < b.ticket.id ? -1 : 1));
  return handled.map(({ ms, ticket }) => ({ ticket, completedAt: new Date(ms).toISOString(), date: taipeiDateOf(ms) }));
}

/** 處理 N 件 by site and category: the cases handled, tallied. */
export function tallyCases(cases: readonly HandledCase[]): CasesHandled {
  const result: CasesHandled = { total: 0, bySite: {}, byCategory: {} };
  for (const { ticket: t } of cases) {
    result.total += 1;
    const site = (result.bySite[t.siteId] ??= {});
    site[t.category] = (site[t.category] ?? 0) + 1;
    result.byCategory[t.category] = (result.byCategory[t.category] ?? 0) + 1;
  }
  return result;
}

export function countCasesHandled(period: Period, tickets: readonly CaseTicket[], changes: readonly CaseChange[]): CasesHandled {
  return tallyCases(casesHandledIn(period, tickets, changes));
}
