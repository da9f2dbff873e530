/** Reads of preventive maintenance, projects and assets; their writes go through `mutate`. */
import { assetHistory, inspectionFigures, listRounds, roundDetail, ticketsOf } from '../../../db/queries/inspections';
import { missingRounds } from '../../../domain/maintenance/inspections';
import { calendarExceptionsOf, isWorkingDay } from '../../../domain/working-days';
import type { DeskHandlers } from '../desk';

export const inspectionHandlers: DeskHandlers<'inspections.rounds' | 'inspections.round' | 'inspections.missing' | 'inspections.figures' | 'assets.history' | 'projects.tickets'> = {
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
  'assets.history': (ws, { id }) => assetHistory(ws.db, id),
  'projects.tickets': (ws, { id }) => ticketsOf(ws.db, 'project_id', id),
};
