/**
 * The maintenance desk's tables for preventive maintenance and inspections (plans,
 * rounds, checklist results), projects with their phases, and assets. References to
 * other records are checked by the mutators, not by foreign keys: sync may bring a round
 * before its plan within a page.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { stamps, archived } from './columns';
import type { AssetKind } from '../domain/maintenance/assets';
import type { ChecklistItem, Outcome, RoundStatus } from '../domain/maintenance/inspections';
import type { ProjectStatus } from '../domain/maintenance/projects';
import type { HolidayRule, Recurrence } from '../domain/maintenance/recurrence';
import type { Attachment } from '../domain/attachments';
import type { TicketCategory } from '../domain/maintenance/tickets';

export const inspectionPlan = sqliteTable('inspection_plan', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  category: text('category').$type<TicketCategory>().notNull(),
  recurrence: text('recurrence', { mode: 'json' }).$type<Recurrence>().notNull(),
  startOn: text('start_on').notNull(),
  endOn: text('end_on'),
  endAfter: integer('end_after'),
  onHoliday: text('on_holiday').$type<HolidayRule>().notNull(),
  graceDays: integer('grace_days').notNull().default(0),
  spaceIds: text('space_ids', { mode: 'json' }).$type<string[]>().notNull(),
  assetIds: text('asset_ids', { mode: 'json' }).$type<string[]>().notNull(),
  checklist: text('checklist', { mode: 'json' }).$type<ChecklistItem[]>().notNull(),
  assigneeId: text('assignee_id'),
  note: text('note').notNull().default(''),
  ...archived,
  ...stamps,
});

export const inspectionRound = sqliteTable(
  'inspection_round',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull(),
    scheduledOn: text('scheduled_on').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status').$type<RoundStatus>().notNull(),
    assigneeId: text('assignee_id'),
    spaceIds: text('space_ids', { mode: 'json' }).$type<string[]>().notNull(),
    checklist: text('checklist', { mode: 'json' }).$type<ChecklistItem[]>().notNull(),
    completedAt: text('completed_at'),
    completedBy: text('completed_by'),
    note: text('note').notNull().default(''),
    ...stamps,
  },
  (t) => [index('inspection_round_plan').on(t.planId, t.dueOn), index('inspection_round_due').on(t.status, t.dueOn), index('inspection_round_completed').on(t.completedAt)],
);

export const inspectionResult = sqliteTable(
  'inspection_result',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id').notNull(),
    spaceId: text('space_id').notNull(),
    itemId: text('item_id').notNull(),
    outcome: text('outcome').$type<Outcome>().notNull(),
    note: text('note').notNull().default(''),
    photos: text('photos', { mode: 'json' }).$type<Attachment[]>().notNull(),
    ticketId: text('ticket_id'),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    ...stamps,
  },
  (t) => [index('inspection_result_round').on(t.roundId), index('inspection_result_space').on(t.spaceId)],
);

export const project = sqliteTable('project', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope').notNull().default(''),
  contractorId: text('contractor_id'),
  budget: integer('budget'),
  status: text('status').$type<ProjectStatus>().notNull(),
  plannedStart: text('planned_start'),
  plannedEnd: text('planned_end'),
  actualStart: text('actual_start'),
  actualEnd: text('actual_end'),
  note: text('note').notNull().default(''),
  ...archived,
  ...stamps,
});

export const projectPhase = sqliteTable(
  'project_phase',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    scope: text('scope').notNull().default(''),
    plannedStart: text('planned_start'),
    plannedEnd: text('planned_end'),
    actualStart: text('actual_start'),
    actualEnd: text('actual_end'),
    ...archived,
    ...stamps,
  },
  (t) => [index('project_phase_project').on(t.projectId, t.seq)],
);

export const asset = sqliteTable(
  'asset',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().default(''),
    name: text('name').notNull(),
    kind: text('kind').$type<AssetKind>().notNull(),
    spaceId: text('space_id').notNull(),
    make: text('make').notNull().default(''),
    model: text('model').notNull().default(''),
    serialNo: text('serial_no').notNull().default(''),
    installedOn: text('installed_on'),
    maintainerId: text('maintainer_id'),
    note: text('note').notNull().default(''),
    ...archived,
    ...stamps,
  },
  (t) => [index('asset_space').on(t.spaceId)],
);
