/**
 * Reading repair tickets: a page of the filtered, sorted list straight from SQLite (the
 * screen never holds more than the rows it shows), full-text search, lookup by number,
 * likely duplicates, a technician's work, one ticket with its history, and the figures of
 * the period report. Parameterised SQL over the columns of db/schema-maintenance.ts.
 */
import { addDays, startOfTaipeiDay } from '../../domain/dates';
import { casesHandledIn, periodInstants, tallyCases, type CaseChange, type CaseTicket, type CasesHandled, type HandledCase, type Period } from '../../domain/maintenance/report';
import { OPEN_STATUSES, likelyDuplicates, myWorkOrder, type Ticket, type TicketCategory } from '../../domain/maintenance/tickets';
import { DEFAULT_SORT, MAX_PAGE, SEARCH_CAP, type TicketDetail, type TicketFilter, type TicketPage, type TicketRow, type TicketSort } from '../../domain/maintenance/tickets-query';
import type { Db } from '../open';
import { rowToRecord } from '../records';
import { prepared } from '../statements';
import { searchParts, type SearchPart } from '../search';

/** The list's columns, as TicketRow names them. */
const ROW_COLUMNS = `id, number, status, category, priority, subject, space_id AS spaceId, site_id AS siteId, building_id AS buildingId,
  assignee_id AS assigneeId, reported_at AS reportedAt, due_at AS dueAt, completed_at AS completedAt,
  reporter_name AS reporterName, reporter_agency_id AS reporterAgencyId, source`;

const SORT_COLUMN: Record<TicketSort['key'], string> = { reportedAt: 'reported_at', dueAt: 'due_at', number: 'number' };

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/** When on, queryTickets notes each statement it runs with its parameters (the benchmark runs the same SQL raw). */
export const sqlTrace: { on: boolean; seen: { sql: string; params: unknown[] }[] } = { on: false, seen: [] };

function traced(sql: string, params: unknown[]): unknown[] {
  if (sqlTrace.on) sqlTrace.seen.push({ sql, params });
  return params;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface Where {
  /** The filter's conditions, search excluded ('' when there are none). */
  sql: string;
  params: unknown[];
  /** Full-text lookups, each a rowid set every ticket found must be in. */
  search: SearchPart[] | null;
}

/** The WHERE conditions of a filter; `now` decides what is overdue. */
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
  // A building alone also names its site: then the site index finds its tickets directly.
  if (filter.siteId === undefined && filter.buildingId !== undefined) {
    conds.push('site_id = (SELECT site_id FROM building WHERE id = ?)');
    params.push(filter.buildingId);
  }
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
  const search = filter.text?.trim() ? searchParts(filter.text) : null;
  return { sql: conds.join(' AND '), params, search };
}

/** Rowids of the tickets a search finds (all its words), as one SQL set, and its parameters. */
function searchSet(parts: SearchPart[]): { sql: string; params: string[] } {
  // Text with nothing to look for (only punctuation) finds nothing, rather than everything.
  if (parts.length === 0) return { sql: 'SELECT NULL WHERE 0', params: [] };
  return { sql: parts.map((p) => `SELECT rowid FROM ${p.table} WHERE ${p.table} MATCH ?`).join(' INTERSECT '), params: parts.map((p) => p.match) };
}

/**
 * The index that finds a filter's tickets by equality, covering every filtered column:
 * counts and small result sets are read from it alone.
 */
function filterIndex(filter: TicketFilter): string | null {
  if (filter.statuses?.length || filter.overdue) return 'ticket_by_status';
  if (filter.siteId || filter.buildingId) return 'ticket_by_site';
  if (filter.categories?.length) return 'ticket_by_category';
  if (filter.from || filter.to) return 'ticket_by_reported';
  if (filter.assigneeId) return 'ticket_assignee_due';
  return null;
}

/** Walked in the sort's order, stopping once the page is full: for many matches. */
const WALK_INDEX: Record<TicketSort['key'], string> = { reportedAt: 'ticket_by_reported', dueAt: 'ticket_by_due', number: 'ticket_by_number' };

/** Up to this many matches, sorting them beats walking a sort index past the ones that don't match. */
const SORT_UP_TO = 4000;
/**
 * The same for a search, lower: a search's matches are read row by row from the ticket
 * table to be sorted (about 1 µs each, more once the sorter outgrows its cache), while the
 * walk reads only the reported-time index and stops at the first page. Measured on 100,000
 * tickets: 3,900 matches sort in 3.8 ms and walk in 0.7 ms; 10 matches sort in 0.4 ms and
 * walk the whole index in 6 ms; they meet near 1,000.
 */
const SEARCH_SORT_UP_TO = 1000;

function orderOf(sort: TicketSort): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  // Numbers are unique; reported and due times may tie, and the rowid keeps pages stable.
  return sort.key === 'number' ? `number ${dir}` : `${SORT_COLUMN[sort.key]} ${dir}, rowid ${dir}`;
}

export function queryTickets(db: Db, filter: TicketFilter, sort: TicketSort = DEFAULT_SORT, offset = 0, limit = 100, now = new Date().toISOString()): TicketPage {
  const where = whereOf(filter, now);
  const conds = where.sql ? [where.sql] : [];
  const params = [...where.params];
  let total: number;
  let searching = false;
  if (where.search) {
    searching = true;
    const set = searchSet(where.search);
    if (conds.length === 0) {
      const sql = `SELECT count(*) AS n FROM (${set.sql})`;
      total = (prepared(db, sql).get(...traced(sql, set.params)) as { n: number }).n;
    } else {
      const index = filterIndex(filter);
      const sql = `SELECT count(*) AS n FROM ticket ${index ? `INDEXED BY ${index}` : ''} WHERE ${conds.join(' AND ')} AND rowid IN (${set.sql})`;
      total = (prepared(db, sql).get(...traced(sql, [...params, ...set.params])) as { n: number }).n;
    }
    conds.push(`rowid IN (${set.sql})`);
    params.push(...set.params);
    // A search lists the newest first and at most SEARCH_CAP of them.
    sort = { key: 'reportedAt', dir: 'desc' };
    limit = Math.max(0, Math.min(limit, SEARCH_CAP - offset));
  } else {
    const index = filterIndex(filter);
    const sql = `SELECT count(*) AS n FROM ticket ${index ? `INDEXED BY ${index}` : ''} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}`;
    total = (prepared(db, sql).get(...traced(sql, params)) as { n: number }).n;
    limit = Math.min(Math.max(limit, 0), MAX_PAGE);
  }
  offset = Math.max(offset, 0);
  if (limit === 0 || offset >= total) return { rows: [], total, capped: searching && total > SEARCH_CAP };
  const few = total <= (searching ? SEARCH_SORT_UP_TO : SORT_UP_TO);
  const small = filterIndex(filter);
  // Few found by a search: fetch them by rowid and sort; few by a filter: from the filter's index.
  const access = few ? (searching ? 'NOT INDEXED' : small ? `INDEXED BY ${small}` : '') : `INDEXED BY ${WALK_INDEX[sort.key]}`;
  const whereSql = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  // The page's rowids come from an index alone; then only those rows are read.
  const pageIds = `SELECT rowid FROM ticket ${access} ${whereSql} ORDER BY ${orderOf(sort)} LIMIT ? OFFSET ?`;
  const pageSql = `SELECT ${ROW_COLUMNS} FROM ticket WHERE rowid IN (${pageIds}) ORDER BY ${orderOf(sort)}`;
  const rows = prepared(db, pageSql).all(...traced(pageSql, [...params, limit, offset])) as TicketRow[];
  return { rows, total, capped: searching && total > SEARCH_CAP };
}

/** Every matching ticket as whole records, in list order, for an export (at most `max`). */
export function ticketsForExport(db: Db, filter: TicketFilter, sort: TicketSort, max: number, now = new Date().toISOString()): Ticket[] {
  const where = whereOf(filter, now);
  const conds = where.sql ? [where.sql] : [];
  const params = [...where.params];
  if (where.search) {
    const set = searchSet(where.search);
    conds.push(`rowid IN (${set.sql})`);
    params.push(...set.params);
    sort = { key: 'reportedAt', dir: 'desc' };
    max = Math.min(max, SEARCH_CAP);
  }
  const rows = prepared(db, `SELECT * FROM ticket ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY ${orderOf(sort)} LIMIT ?`).all(...params, max) as Record<string, unknown>[];
  return rows.map((r) => rowToRecord('ticket', r));
}

/** The id of the ticket with this printed number (the unique index makes it instant). */
export function ticketIdByNumber(db: Db, number: string): string | null {
  const row = prepared(db, 'SELECT id FROM ticket WHERE number = ?').get(number) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Open tickets at a space of a category: the likely duplicates of a new report there (the rule is the domain's). */
export function openTicketsAt(db: Db, spaceId: string, category: TicketCategory): TicketRow[] {
  const here = prepared(db, `SELECT ${ROW_COLUMNS} FROM ticket WHERE space_id = ? AND category = ? AND status IN (${OPEN_LIST}) ORDER BY reported_at DESC`).all(spaceId, category) as TicketRow[];
  return likelyDuplicates({ spaceId, category }, here);
}

/** A technician's open tickets, overdue first, then by due time. */
export function workOf(db: Db, personId: string, now = new Date().toISOString()): TicketRow[] {
  const rows = prepared(db, `SELECT ${ROW_COLUMNS} FROM ticket WHERE assignee_id = ? AND status IN (${OPEN_LIST})`).all(personId) as TicketRow[];
  return myWorkOrder(rows, now);
}

export function ticketDetail(db: Db, id: string): TicketDetail | null {
  const row = prepared(db, 'SELECT * FROM ticket WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const changes = prepared(db, 'SELECT * FROM ticket_status_change WHERE ticket_id = ? ORDER BY at, created_at').all(id) as Record<string, unknown>[];
  const comments = prepared(db, 'SELECT * FROM ticket_comment WHERE ticket_id = ? ORDER BY at, id').all(id) as Record<string, unknown>[];
  const costs = prepared(db, 'SELECT * FROM ticket_cost WHERE ticket_id = ? ORDER BY created_at, id').all(id) as Record<string, unknown>[];
  return {
    ticket: rowToRecord('ticket', row),
    changes: changes.map((r) => rowToRecord('ticketStatusChange', r)),
    comments: comments.map((r) => rowToRecord('ticketComment', r)),
    costs: costs.map((r) => rowToRecord('ticketCost', r)),
  };
}

/** A ticket the report lists: what it is and where, named in both languages (no reporter's details). */
export interface CaseLine extends CaseTicket {
  number: string;
  subject: string;
  siteNameZh: string;
  siteNameEn: string;
  floorName: string;
  spaceNameZh: string;
  spaceNameEn: string;
}

const COMPLETED_IN_PERIOD = `SELECT ticket_id FROM ticket_status_change WHERE to_status = 'completed' AND at >= ? AND at < ?`;
const CASE_COLUMNS = 't.id, t.site_id AS siteId, t.category, t.status';
const LINE_COLUMNS = `${CASE_COLUMNS}, t.number, t.subject,
  coalesce(si.name_zh, '') AS siteNameZh, coalesce(si.name_en, '') AS siteNameEn, coalesce(f.name, '') AS floorName,
  coalesce(sp.name_zh, '') AS spaceNameZh, coalesce(sp.name_en, '') AS spaceNameEn`;
const LINE_JOINS = 'LEFT JOIN site si ON si.id = t.site_id LEFT JOIN space sp ON sp.id = t.space_id LEFT JOIN floor f ON f.id = sp.floor_id';

/**
 * The tickets completed inside the period and every completion of theirs, since a later one
 * (a reopened ticket) moves the case out of the period; domain/maintenance/report.ts decides
 * which count. The figure reads the bare case (`lines` false: no joins for names, as the
 * report reads two periods of thousands of cases), the drill-down the named lines; both
 * through the same rule, so the list's length is the figure.
 */
function casesOf<T extends CaseTicket>(db: Db, period: Period, lines: boolean): HandledCase<T>[] {
  const { start, end } = periodInstants(period);
  const tickets = prepared(db, `SELECT ${lines ? LINE_COLUMNS : CASE_COLUMNS} FROM ticket t ${lines ? LINE_JOINS : ''} WHERE t.id IN (${COMPLETED_IN_PERIOD})`).all(start, end) as T[];
  const changes = prepared(db, `SELECT ticket_id AS ticketId, to_status AS toStatus, at FROM ticket_status_change WHERE to_status = 'completed' AND ticket_id IN (${COMPLETED_IN_PERIOD})`).all(
    start,
    end,
  ) as CaseChange[];
  return casesHandledIn(period, tickets, changes);
}

/** The cases handled in a period with what the drill-down lists of each. */
export function handledCases(db: Db, period: Period): HandledCase<CaseLine>[] {
  return casesOf<CaseLine>(db, period, true);
}

/** 處理 N 件 for a period, by site and category: the cases handled, counted. */
export function casesHandled(db: Db, period: Period): CasesHandled {
  return tallyCases(casesOf(db, period, false));
}
