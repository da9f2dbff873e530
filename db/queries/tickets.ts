/**
 * Reading repair tickets: a page of the filtered, sorted list straight from SQLite (the
 * screen never holds more than the rows it shows), full-text search, lookup by number,
 * likely duplicates, a technician's work, one ticket with its history, and the figures of
 * the period report. Parameterised SQL over the columns of db/schema-maintenance.ts.
 */
import type { Statement } from 'better-sqlite3';
import { addDays, startOfTaipeiDay } from '../../domain/dates';
import { countCasesHandled, periodInstants, type CasesHandled, type Period } from '../../domain/maintenance/report';
import { OPEN_STATUSES, myWorkOrder, type Ticket } from '../../domain/maintenance/tickets';
import { DEFAULT_SORT, MAX_PAGE, SEARCH_CAP, type TicketDetail, type TicketFilter, type TicketPage, type TicketRow, type TicketSort } from '../../domain/maintenance/tickets-query';
import type { Db } from '../open';
import { rowToRecord } from '../records';
import { searchParts } from '../search';

/** The list's columns, as TicketRow names them. */
const ROW_COLUMNS = `id, number, status, category, priority, subject, space_id AS spaceId, site_id AS siteId, building_id AS buildingId,
  assignee_id AS assigneeId, reported_at AS reportedAt, due_at AS dueAt, completed_at AS completedAt,
  reporter_name AS reporterName, reporter_agency_id AS reporterAgencyId, source`;

const SORT_COLUMN: Record<TicketSort['key'], string> = { reportedAt: 'reported_at', dueAt: 'due_at', number: 'number' };

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

const statements = new WeakMap<Db, Map<string, Statement>>();

/** Prepared once per database and SQL text: the list asks the same few shapes over and over. */
function prepare(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) {
    s = db.$client.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface Where {
  sql: string;
  params: unknown[];
  searching: boolean;
}

/** The WHERE clause of a filter; `now` decides what is overdue. */
export function whereOf(filter: TicketFilter, now: string): Where {
  const conds: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    conds.push(`${column} = ?`);
    params.push(value);
  };
  const oneOf = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    conds.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  eq('site_id', filter.siteId);
  eq('building_id', filter.buildingId);
  eq('space_id', filter.spaceId);
  oneOf('category', filter.categories);
  oneOf('status', filter.statuses);
  oneOf('priority', filter.priorities);
  eq('assignee_id', filter.assigneeId);
  if (filter.from) {
    conds.push('reported_at >= ?');
    params.push(startOfTaipeiDay(filter.from));
  }
  if (filter.to) {
    conds.push('reported_at < ?');
    params.push(startOfTaipeiDay(addDays(filter.to, 1)));
  }
  if (filter.overdue) {
    conds.push(`status IN (${OPEN_LIST}) AND due_at < ?`);
    params.push(now);
  }
  let searching = false;
  if (filter.text?.trim()) {
    searching = true;
    const parts = searchParts(filter.text);
    // Text with nothing to look for (only punctuation) finds nothing, rather than everything.
    if (parts.length === 0) conds.push('0');
    for (const p of parts) {
      conds.push(`rowid IN (SELECT rowid FROM ${p.table} WHERE ${p.table} MATCH ?)`);
      params.push(p.match);
    }
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, searching };
}

/**
 * A search lists the newest SEARCH_CAP matches. With many matches, walking the reported_at
 * index from the newest end and keeping the matching ones stops early; with few, sorting
 * them is quicker than walking the whole index.
 */
const WALK_INDEX_FROM = 2000;

export function queryTickets(db: Db, filter: TicketFilter, sort: TicketSort = DEFAULT_SORT, offset = 0, limit = 100, now = new Date().toISOString()): TicketPage {
  const where = whereOf(filter, now);
  const total = (prepare(db, `SELECT count(*) AS n FROM ticket ${where.sql}`).get(...where.params) as { n: number }).n;
  if (where.searching) {
    const index = total > WALK_INDEX_FROM ? 'INDEXED BY ticket_reported' : '';
    const order = total > WALK_INDEX_FROM ? 'reported_at DESC' : '+reported_at DESC';
    const take = Math.max(0, Math.min(limit, SEARCH_CAP - offset));
    const rows = take === 0 ? [] : (prepare(db, `SELECT ${ROW_COLUMNS} FROM ticket ${index} ${where.sql} ORDER BY ${order}, rowid DESC LIMIT ? OFFSET ?`).all(...where.params, take, offset) as TicketRow[]);
    return { rows, total, capped: total > SEARCH_CAP };
  }
  const column = SORT_COLUMN[sort.key];
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const rows = prepare(db, `SELECT ${ROW_COLUMNS} FROM ticket ${where.sql} ORDER BY ${column} ${dir}, rowid ${dir} LIMIT ? OFFSET ?`).all(
    ...where.params,
    Math.min(Math.max(limit, 0), MAX_PAGE),
    Math.max(offset, 0),
  ) as TicketRow[];
  return { rows, total, capped: false };
}

/** Every matching ticket as whole records, in list order, for an export (at most `max`). */
export function ticketsForExport(db: Db, filter: TicketFilter, sort: TicketSort, max: number, now = new Date().toISOString()): Ticket[] {
  const where = whereOf(filter, now);
  const order = where.searching ? 'reported_at DESC, rowid DESC' : `${SORT_COLUMN[sort.key]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, rowid ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
  const cap = where.searching ? Math.min(max, SEARCH_CAP) : max;
  const rows = prepare(db, `SELECT * FROM ticket ${where.sql} ORDER BY ${order} LIMIT ?`).all(...where.params, cap) as Record<string, unknown>[];
  return rows.map((r) => rowToRecord('ticket', r));
}

/** The id of the ticket with this printed number (the unique index makes it instant). */
export function ticketIdByNumber(db: Db, number: string): string | null {
  const row = prepare(db, 'SELECT id FROM ticket WHERE number = ?').get(number) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Open tickets at a space of a category: the likely duplicates of a new report there. */
export function openTicketsAt(db: Db, spaceId: string, category: string): TicketRow[] {
  return prepare(db, `SELECT ${ROW_COLUMNS} FROM ticket WHERE space_id = ? AND category = ? AND status IN (${OPEN_LIST}) ORDER BY reported_at DESC`).all(spaceId, category) as TicketRow[];
}

/** A technician's open tickets, overdue first, then by due time. */
export function workOf(db: Db, personId: string, now = new Date().toISOString()): TicketRow[] {
  const rows = prepare(db, `SELECT ${ROW_COLUMNS} FROM ticket WHERE assignee_id = ? AND status IN (${OPEN_LIST})`).all(personId) as TicketRow[];
  return myWorkOrder(rows, now);
}

export function ticketDetail(db: Db, id: string): TicketDetail | null {
  const row = prepare(db, 'SELECT * FROM ticket WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const changes = prepare(db, 'SELECT * FROM ticket_status_change WHERE ticket_id = ? ORDER BY at, created_at').all(id) as Record<string, unknown>[];
  const comments = prepare(db, 'SELECT * FROM ticket_comment WHERE ticket_id = ? ORDER BY at, id').all(id) as Record<string, unknown>[];
  const costs = prepare(db, 'SELECT * FROM ticket_cost WHERE ticket_id = ? ORDER BY created_at, id').all(id) as Record<string, unknown>[];
  return {
    ticket: rowToRecord('ticket', row),
    changes: changes.map((r) => rowToRecord('ticketStatusChange', r)),
    comments: comments.map((r) => rowToRecord('ticketComment', r)),
    costs: costs.map((r) => rowToRecord('ticketCost', r)),
  };
}

/**
 * 處理 N 件 for a period, by site and category (domain/maintenance/report.ts decides). Reads
 * the tickets completed inside the period and every completion of theirs, since a later
 * one (a reopened ticket) moves the case out of the period.
 */
export function casesHandled(db: Db, period: Period): CasesHandled {
  const { start, end } = periodInstants(period);
  const inPeriod = `SELECT DISTINCT ticket_id FROM ticket_status_change WHERE to_status = 'completed' AND at >= ? AND at < ?`;
  const tickets = prepare(db, `SELECT id, site_id AS siteId, category, status FROM ticket WHERE id IN (${inPeriod})`).all(start, end) as Parameters<typeof countCasesHandled>[1][number][];
  const changes = prepare(db, `SELECT ticket_id AS ticketId, to_status AS toStatus, at FROM ticket_status_change WHERE to_status = 'completed' AND ticket_id IN (${inPeriod})`).all(start, end) as Parameters<typeof countCasesHandled>[2][number][];
  return countCasesHandled(period, tickets, changes);
}
