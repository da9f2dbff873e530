/** Reads of preventive maintenance, projects and assets; their writes go through `mutate`. */
import { assetHistory, completedProjects, inspectionFigures, listRounds, roundDetail, roundsDone, ticketsOf } from '../../../db/queries/inspections';
import { taipeiDateOf } from '../../../domain/dates';
import { nameOf } from '../../../domain/i18n';
import { missingRounds } from '../../../domain/maintenance/inspections';
import type { Period } from '../../../domain/maintenance/inspections-report';
import type { FigureRecordRow, FigureRecords, RecordColumn } from '../../../domain/report/section';
import { calendarExceptionsOf, isWorkingDay } from '../../../domain/working-days';
import type { DeskContext, DeskHandlers } from '../desk';

const ROUND_COLUMNS: RecordColumn[] = [
  { key: 'plan', label: 'maint.records.plan', width: 24 },
  { key: 'dueOn', label: 'inspections.col.due', type: 'date', width: 12 },
  { key: 'completedAt', label: 'field.completedAt', type: 'instant', width: 16 },
  { key: 'assignee', label: 'maint.col.assignee', width: 12 },
  { key: 'site', label: 'maint.col.site', width: 14 },
];

const PROJECT_COLUMNS: RecordColumn[] = [
  { key: 'project', label: 'maint.records.project', width: 28 },
  { key: 'plannedEnd', label: 'field.plannedEnd', type: 'date', width: 12 },
  { key: 'actualStart', label: 'field.actualStart', type: 'date', width: 12 },
  { key: 'actualEnd', label: 'field.actualEnd', type: 'date', width: 12 },
];

const byDateThen = (a: FigureRecordRow & { key: string }, b: FigureRecordRow & { key: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The records behind 完成巡檢 N 次 and 完工工程 N 項 (the drill-down): the very rounds and
 * projects the figures count, a round on the Taipei date it was completed, a project on
 * its actual completion date, by date then name.
 */
export function inspectionRecords(ws: Pick<DeskContext, 'db' | 'locale'>, period: Period, figure: string): FigureRecords {
  if (figure === 'projects') {
    const rows = completedProjects(ws.db, period).map((p) => ({
      id: p.id,
      date: p.actualEnd!,
      key: p.name,
      cells: { project: p.name, plannedEnd: p.plannedEnd, actualStart: p.actualStart, actualEnd: p.actualEnd },
    }));
    return { figure, columns: PROJECT_COLUMNS, rows: rows.sort(byDateThen).map(({ key: _key, ...row }) => row) };
  }
  if (figure !== 'inspection_rounds') throw new Error(`inspections.figureRecords: no figure ${figure}`);
  const rows = roundsDone(ws.db, period).map((r) => ({
    id: r.id,
    date: taipeiDateOf(r.completedAt!),
    key: r.planName,
    ...(r.siteId ? { siteId: r.siteId } : {}),
    cells: {
      plan: r.planName,
      dueOn: r.dueOn,
      completedAt: r.completedAt,
      assignee: r.assigneeName,
      site: r.siteNameZh === null ? null : nameOf({ nameZh: r.siteNameZh, nameEn: r.siteNameEn ?? '' }, ws.locale),
    },
  }));
  return { figure, columns: ROUND_COLUMNS, rows: rows.sort(byDateThen).map(({ key: _key, ...row }) => row) };
}

export const inspectionHandlers: DeskHandlers<
  'inspections.rounds' | 'inspections.round' | 'inspections.missing' | 'inspections.figures' | 'inspections.figureRecords' | 'assets.history' | 'projects.tickets'
> = {
  'inspections.rounds': (ws, filter) => listRounds(ws.db, filter),
  'inspections.round': (ws, { id }) => roundDetail(ws.db, id),
  // The same rule as inspectionRound.generate, so the screen writes only when there is something to make.
  'inspections.missing': (ws, { from, to }) => {
    const records = ws.runner.records;
    const plans = records.findSync('inspectionPlan', { archived: false });
    const calendar = calendarExceptionsOf(records.findSync('calendarDay', {}));
    const existing = new Set(plans.flatMap((p) => records.findSync('inspectionRound', { planId: p.id }).map((r) => r.id)));
    return { count: missingRounds(plans, existing, from, to, (d) => isWorkingDay(d, calendar)).length };
  },
  'inspections.figures': (ws, period) => inspectionFigures(ws.db, period),
  'inspections.figureRecords': (ws, { from, to, figure }) => inspectionRecords(ws, { from, to }, figure),
  'assets.history': (ws, { id }) => assetHistory(ws.db, id),
  'projects.tickets': (ws, { id }) => ticketsOf(ws.db, 'project_id', id),
};
