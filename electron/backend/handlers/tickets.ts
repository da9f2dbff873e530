/**
 * The repair-ticket reads of the maintenance desk: list pages and search, one ticket,
 * lookup by number, likely duplicates, a technician's work, the list as a spreadsheet,
 * the period figures, the user's remembered location and saved filters.
 * Writes go through `mutate` like every other change.
 */
import { formatInstant, todayInTaipei, type Locale } from '../../../domain/dates';
import type { Ticket } from '../../../domain/maintenance/tickets';
import { MAX_SAVED_FILTERS, ticketNumberFromInput, type TicketPrefs } from '../../../domain/maintenance/tickets-query';
import { nameOf, translate, type MessageKey } from '../../../domain/i18n';
import { getMeta, setMeta } from '../../../db/meta';
import { casesHandled, handledCases, openTicketsAt, queryTickets, ticketDetail, ticketIdByNumber, ticketsForExport } from '../../../db/queries/tickets';
import type { Period } from '../../../domain/maintenance/report';
import type { FigureRecords, RecordColumn } from '../../../domain/report/section';
import { myWork } from '../../../db/queries/my-work';
import { exportList } from '../export/list-export';
import type { ExportColumn } from '../export/table-export';
import type { DeskContext, DeskHandlers } from '../desk';

/** An export holds at most this many tickets (a whole year of both centres is far fewer). */
export const MAX_EXPORT_ROWS = 100_000;

const prefsKey = (userId: string) => `maintenance.prefs:${userId}`;

function readPrefs(ws: DeskContext, userId: string): TicketPrefs {
  const raw = getMeta(ws.db, prefsKey(userId));
  const empty: TicketPrefs = { lastSpaceId: null, savedFilters: [] };
  if (!raw) return empty;
  try {
    return { ...empty, ...(JSON.parse(raw) as Partial<TicketPrefs>) };
  } catch {
    return empty;
  }
}

/**
 * The general export of the list: what a ticket is, where, when and who works on it. The
 * reporter's name and agency are there for follow-up; the reporter's extension is not
 * (personal data the list's purpose does not need; the work order carries it).
 */
function exportColumns(locale: Locale): ExportColumn[] {
  const h = (key: MessageKey) => translate(locale, key);
  return [
    { key: 'number', header: h('maint.col.number'), width: 14 },
    { key: 'status', header: h('maint.col.status'), width: 8 },
    { key: 'category', header: h('maint.col.category'), width: 8 },
    { key: 'priority', header: h('maint.col.priority'), width: 8 },
    { key: 'site', header: h('maint.col.site'), width: 14 },
    { key: 'building', header: h('maint.col.building'), width: 10 },
    { key: 'location', header: h('maint.col.location'), width: 22 },
    { key: 'subject', header: h('maint.col.subject'), width: 28 },
    { key: 'description', header: h('maint.col.description'), width: 40 },
    { key: 'reporter', header: h('maint.col.reporter'), width: 10 },
    { key: 'agency', header: h('maint.col.agency'), width: 14 },
    { key: 'source', header: h('maint.col.source'), width: 8 },
    { key: 'reportedAt', header: h('maint.col.reportedAt'), width: 16 },
    { key: 'dueAt', header: h('maint.col.dueAt'), width: 16 },
    { key: 'assignee', header: h('maint.col.assignee'), width: 12 },
    { key: 'completedAt', header: h('maint.col.completedAt'), width: 16 },
  ];
}

function exportRows(ws: DeskContext, tickets: Ticket[], locale: Locale): Record<string, string>[] {
  const r = ws.runner.records;
  const sites = new Map(r.findSync('site', {}).map((x) => [x.id, x]));
  const buildings = new Map(r.findSync('building', {}).map((x) => [x.id, x]));
  const floors = new Map(r.findSync('floor', {}).map((x) => [x.id, x]));
  const spaces = new Map(r.findSync('space', {}).map((x) => [x.id, x]));
  const agencies = new Map(r.findSync('agency', {}).map((x) => [x.id, x]));
  const people = new Map(r.findSync('person', {}).map((x) => [x.id, x]));
  const when = (at: string | null) => (at ? formatInstant(at, locale) : '');
  return tickets.map((t) => {
    const space = spaces.get(t.spaceId);
    const floor = space ? floors.get(space.floorId) : undefined;
    return {
      number: t.number,
      status: translate(locale, `ticketStatus.${t.status}`),
      category: translate(locale, `ticketCategory.${t.category}`),
      priority: translate(locale, `ticketPriority.${t.priority}`),
      site: nameOf(sites.get(t.siteId), locale),
      building: nameOf(buildings.get(t.buildingId), locale),
      location: [floor?.name, nameOf(space, locale)].filter(Boolean).join(' '),
      subject: t.subject,
      description: t.description,
      reporter: t.reporterName,
      agency: nameOf(t.reporterAgencyId ? agencies.get(t.reporterAgencyId) : undefined, locale),
      source: translate(locale, `ticketSource.${t.source}`),
      reportedAt: when(t.reportedAt),
      dueAt: when(t.dueAt),
      assignee: (t.assigneeId && people.get(t.assigneeId)?.name) || '',
      completedAt: when(t.completedAt),
    };
  });
}

const CASE_COLUMNS: RecordColumn[] = [
  { key: 'number', label: 'maint.col.number', width: 14 },
  { key: 'completedAt', label: 'maint.col.completedAt', type: 'instant', width: 16 },
  { key: 'status', label: 'maint.col.status', width: 8 },
  { key: 'category', label: 'maint.col.category', width: 8 },
  { key: 'site', label: 'maint.col.site', width: 14 },
  { key: 'location', label: 'maint.col.location', width: 22 },
  { key: 'subject', label: 'maint.col.subject', width: 28 },
];

/**
 * The tickets behind 處理 N 件 (the drill-down): the very cases the figure counts, each on
 * the Taipei date of its last completion, by date then number. What the ticket is and
 * where; nothing of the reporter.
 */
export function caseRecords(ws: Pick<DeskContext, 'db' | 'locale'>, period: Period, figure: string): FigureRecords {
  const locale = ws.locale;
  const rows = handledCases(ws.db, period).map(({ ticket: t, completedAt, date }) => ({
    id: t.id,
    date,
    siteId: t.siteId,
    number: t.number,
    cells: {
      number: t.number,
      completedAt,
      status: translate(locale, `ticketStatus.${t.status}`),
      category: translate(locale, `ticketCategory.${t.category}`),
      site: nameOf({ nameZh: t.siteNameZh, nameEn: t.siteNameEn }, locale),
      location: [t.floorName, nameOf({ nameZh: t.spaceNameZh, nameEn: t.spaceNameEn }, locale)].filter(Boolean).join(' '),
      subject: t.subject,
    },
  }));
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return { figure, columns: CASE_COLUMNS, rows: rows.map(({ number: _number, ...row }) => row) };
}

export const ticketHandlers: DeskHandlers<
  'tickets.page' | 'tickets.get' | 'tickets.byNumber' | 'tickets.openAt' | 'tickets.myWork' | 'tickets.export' | 'tickets.figures' | 'tickets.figureRecords' | 'tickets.prefs' | 'tickets.savePrefs'
> = {
  'tickets.page': (ws, { filter, sort, offset, limit }) => queryTickets(ws.db, filter, sort, offset, limit),

  'tickets.get': (ws, { id }) => ticketDetail(ws.db, id),

  'tickets.byNumber': (ws, { text }) => {
    const number = ticketNumberFromInput(text, todayInTaipei());
    return { number, id: number ? ticketIdByNumber(ws.db, number) : null };
  },

  'tickets.openAt': (ws, { spaceId, category }) => openTicketsAt(ws.db, spaceId, category),

  'tickets.myWork': (ws) => {
    const personId = ws.session.user?.personId;
    return personId ? myWork(ws.db, personId) : [];
  },

  'tickets.export': (ws, { filter, sort, format }) => {
    const locale = ws.locale;
    const tickets = ticketsForExport(ws.db, filter, sort, MAX_EXPORT_ROWS);
    return exportList({
      fileName: translate(locale, 'maint.export.fileName'),
      sheetName: translate(locale, 'kind.ticket'),
      columns: exportColumns(locale),
      rows: exportRows(ws, tickets, locale),
      format,
    });
  },

  'tickets.figures': (ws, { from, to }) => casesHandled(ws.db, { from, to }),

  'tickets.figureRecords': (ws, { from, to, figure }) => caseRecords(ws, { from, to }, figure),

  'tickets.prefs': (ws) => readPrefs(ws, ws.actor.userId),

  'tickets.savePrefs': (ws, changes) => {
    const { userId } = ws.actor;
    const prefs = { ...readPrefs(ws, userId), ...changes };
    prefs.savedFilters = prefs.savedFilters.slice(0, MAX_SAVED_FILTERS);
    setMeta(ws.db, prefsKey(userId), JSON.stringify(prefs));
    return { ok: true, prefs };
  },
};
