/**
 * Reads of preventive maintenance, projects and assets: the rounds list (work orders) with
 * each round's plan and progress, one round with its results, an asset's history, a
 * project's tickets, and the period figures. Parameterised SQL over the workstation file.
 */
import type { BusinessDate } from '../../domain/dates';
import { addDays, startOfTaipeiDay } from '../../domain/dates';
import type { InspectionRound, RoundStatus } from '../../domain/maintenance/inspections';
import type { Project } from '../../domain/maintenance/projects';
import type { AssetHistory, InspectionFigures, RoundDetail, RoundRow, TicketLine } from '../../domain/maintenance/inspections-views';
import { roundsDoneIn, tallyRounds, type Period } from '../../domain/maintenance/inspections-report';
import { projectsCompleted } from '../../domain/maintenance/projects-report';
import type { Db } from '../open';
import { rowToRecord } from '../records';
import { prepared } from '../statements';

export interface RoundFilter {
  /** Due on or after / on or before (Taipei dates). */
  from?: BusinessDate;
  to?: BusinessDate;
  statuses?: RoundStatus[];
  planId?: string;
  assigneeId?: string;
  /** At most this many, soonest due first (overdue before due). */
  limit?: number;
}

const ROUND_COLUMNS = `r.*, p.name AS plan_name, p.category AS plan_category, p.grace_days AS plan_grace_days,
  json_array_length(r.space_ids) * json_array_length(r.checklist) AS total,
  (SELECT count(*) FROM inspection_result x WHERE x.round_id = r.id) AS recorded,
  (SELECT count(*) FROM inspection_result x WHERE x.round_id = r.id AND x.outcome = 'fail') AS failed`;

function toRoundRow(row: Record<string, unknown>): RoundRow {
  return Object.assign(rowToRecord('inspectionRound', row), {
    planName: String(row.plan_name),
    category: row.plan_category as RoundRow['category'],
    graceDays: Number(row.plan_grace_days),
    total: Number(row.total),
    recorded: Number(row.recorded),
    failed: Number(row.failed),
  });
}

export function listRounds(db: Db, filter: RoundFilter = {}): RoundRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const cond = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.from) cond('r.due_on >= ?', filter.from);
  if (filter.to) cond('r.due_on <= ?', filter.to);
  if (filter.statuses?.length) cond(`r.status IN (${filter.statuses.map(() => '?').join(', ')})`, ...filter.statuses);
  if (filter.planId) cond('r.plan_id = ?', filter.planId);
  if (filter.assigneeId) cond('r.assignee_id = ?', filter.assigneeId);
  const sql = `SELECT ${ROUND_COLUMNS} FROM inspection_round r JOIN inspection_plan p ON p.id = r.plan_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.due_on, p.name, r.id LIMIT ?`;
  return (prepared(db, sql).all(...params, filter.limit ?? 2000) as Record<string, unknown>[]).map(toRoundRow);
}

export function roundDetail(db: Db, id: string): RoundDetail | null {
  const row = prepared(db, `SELECT ${ROUND_COLUMNS} FROM inspection_round r JOIN inspection_plan p ON p.id = r.plan_id WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const round = toRoundRow(row);
  const plan = rowToRecord('inspectionPlan', prepared(db, 'SELECT * FROM inspection_plan WHERE id = ?').get(round.planId) as Record<string, unknown>);
  const results = (prepared(db, 'SELECT * FROM inspection_result WHERE round_id = ?').all(id) as Record<string, unknown>[]).map((r) => rowToRecord('inspectionResult', r));
  return { round, plan, results, tickets: ticketsOf(db, 'round_id', id) };
}

const TICKET_LINE = 'id, number, subject, category, status, reported_at AS reportedAt, completed_at AS completedAt, space_id AS spaceId';

/** The newest tickets about an asset, or belonging to a project. */
export function ticketsOf(db: Db, field: 'asset_id' | 'project_id' | 'round_id', id: string, limit = 200): TicketLine[] {
  return prepared(db, `SELECT ${TICKET_LINE} FROM ticket WHERE ${field} = ? ORDER BY reported_at DESC LIMIT ?`).all(id, limit) as TicketLine[];
}

/** An asset's tickets and the rounds of the plans that look after it, newest first. */
export function assetHistory(db: Db, assetId: string, limit = 200): AssetHistory {
  const rounds = (
    prepared(
      db,
      `SELECT ${ROUND_COLUMNS} FROM inspection_round r JOIN inspection_plan p ON p.id = r.plan_id
         WHERE EXISTS (SELECT 1 FROM json_each(p.asset_ids) WHERE value = ?) ORDER BY r.due_on DESC LIMIT ?`,
    ).all(assetId, limit) as Record<string, unknown>[]
  ).map(toRoundRow);
  return { tickets: ticketsOf(db, 'asset_id', assetId, limit), rounds };
}

/** A round the report lists: its plan, dates, who was assigned, and the site of its first place. */
export interface DoneRoundLine extends Pick<InspectionRound, 'id' | 'planId' | 'status' | 'dueOn' | 'completedAt'> {
  planName: string;
  assigneeName: string | null;
  siteId: string | null;
  siteNameZh: string | null;
  siteNameEn: string | null;
}

/** The rounds done in a period (domain/maintenance/inspections-report.ts decides which), soonest completed first. */
export function roundsDone(db: Db, period: Period): DoneRoundLine[] {
  // A day either side: the domain function decides by Taipei date.
  const from = startOfTaipeiDay(addDays(period.from, -1));
  const to = startOfTaipeiDay(addDays(period.to, 2));
  const rounds = prepared(
    db,
    `SELECT r.id, r.plan_id AS planId, r.status, r.due_on AS dueOn, r.completed_at AS completedAt, p.name AS planName, pe.name AS assigneeName,
       si.id AS siteId, si.name_zh AS siteNameZh, si.name_en AS siteNameEn
     FROM inspection_round r JOIN inspection_plan p ON p.id = r.plan_id LEFT JOIN person pe ON pe.id = r.assignee_id
       LEFT JOIN site si ON si.id = (SELECT b.site_id FROM json_each(r.space_ids) j JOIN space s ON s.id = j.value JOIN floor f ON f.id = s.floor_id
         JOIN building b ON b.id = f.building_id ORDER BY j.key LIMIT 1)
     WHERE r.status = 'done' AND r.completed_at >= ? AND r.completed_at < ? ORDER BY r.completed_at, r.id`,
  ).all(from, to) as DoneRoundLine[];
  return roundsDoneIn(rounds, period);
}

/** A project the report lists. */
export type CompletedProjectLine = Pick<Project, 'id' | 'name' | 'status' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;

/** The projects completed in a period (domain/maintenance/projects-report.ts decides which), by completion date. */
export function completedProjects(db: Db, period: Period): CompletedProjectLine[] {
  const projects = prepared(
    db,
    `SELECT id, name, status, planned_start AS plannedStart, planned_end AS plannedEnd, actual_start AS actualStart, actual_end AS actualEnd
     FROM project WHERE status = 'completed' AND actual_end BETWEEN ? AND ? ORDER BY actual_end, name, id`,
  ).all(period.from, period.to) as CompletedProjectLine[];
  return projectsCompleted(projects, period);
}

/** The period report's inspection and project figures: the rounds done and projects completed, counted. */
export function inspectionFigures(db: Db, period: Period): InspectionFigures {
  const done = tallyRounds(roundsDone(db, period));
  const completed = completedProjects(db, period);
  return { roundsDone: done.total, roundsDoneByPlan: done.byPlan, projectsCompleted: completed.length, projectIds: completed.map((p) => p.id) };
}
