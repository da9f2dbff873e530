/**
 * The repair-ticket tables of the maintenance desk. No foreign keys: records arrive from
 * sync in the order of their last change (a ticket edited later than its first status
 * change comes after it), and the mutators check references themselves.
 *
 * The ticket keeps its site and building beside its space, and the indexes follow the
 * list's filters and sorts, so a page of 100,000 tickets is read from one table. The
 * full-text index (FTS5 tables and their triggers) is in the migration: see db/search.ts.
 */
import { isNotNull } from 'drizzle-orm';
import { index, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from './columns';
import type { Attachment } from '../domain/attachments';
import type { CostType, TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../domain/maintenance/tickets';

export const ticket = sqliteTable(
  'ticket',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    spaceId: text('space_id').notNull(),
    siteId: text('site_id').notNull(),
    buildingId: text('building_id').notNull(),
    category: text('category').$type<TicketCategory>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    reporterName: text('reporter_name').notNull().default(''),
    reporterAgencyId: text('reporter_agency_id'),
    reporterPhoneExt: text('reporter_phone_ext').notNull().default(''),
    source: text('source').$type<TicketSource>().notNull(),
    reportedAt: text('reported_at').notNull(),
    dueAt: text('due_at').notNull(),
    assigneeId: text('assignee_id'),
    completedAt: text('completed_at'),
    closedAt: text('closed_at'),
    relatedTicketId: text('related_ticket_id'),
    assetId: text('asset_id'),
    roundId: text('round_id'),
    projectId: text('project_id'),
    attachments: text('attachments', { mode: 'json' }).$type<Attachment[]>().notNull(),
    ...stamps,
  },
  (t) => {
    // The list's indexes each hold every filtered column, so a count or a page is read from
    // the index alone and only the rows shown are fetched (db/queries/tickets.ts picks one):
    // by_<sort> are walked in the order of a sort; by_status/site/category find a filter's
    // tickets by equality when they are few enough to sort.
    const filtered = [t.status, t.siteId, t.buildingId, t.category, t.priority, t.assigneeId] as const;
    return [
      uniqueIndex('ticket_number').on(t.number),
      index('ticket_by_reported').on(t.reportedAt, ...filtered),
      index('ticket_by_due').on(t.dueAt, ...filtered, t.reportedAt),
      index('ticket_by_number').on(t.number, ...filtered, t.reportedAt, t.dueAt),
      index('ticket_by_status').on(t.status, t.siteId, t.buildingId, t.category, t.priority, t.assigneeId, t.dueAt, t.reportedAt),
      index('ticket_by_site').on(t.siteId, t.buildingId, t.category, t.priority, t.status, t.assigneeId, t.reportedAt, t.dueAt),
      index('ticket_by_category').on(t.category, t.priority, t.status, t.siteId, t.buildingId, t.assigneeId, t.reportedAt, t.dueAt),
      index('ticket_assignee_due').on(t.assigneeId, t.dueAt),
      index('ticket_space_category').on(t.spaceId, t.category),
      index('ticket_reporter_agency').on(t.reporterAgencyId),
      // An asset's history, a project's tickets, a round's tickets: newest first. Most
      // tickets have none of them, and a ticket filed without one costs these indexes nothing.
      index('ticket_asset_reported').on(t.assetId, t.reportedAt).where(isNotNull(t.assetId)),
      index('ticket_project_reported').on(t.projectId, t.reportedAt).where(isNotNull(t.projectId)),
      index('ticket_round_reported').on(t.roundId, t.reportedAt).where(isNotNull(t.roundId)),
    ];
  },
);

export const ticketStatusChange = sqliteTable(
  'ticket_status_change',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull(),
    fromStatus: text('from_status').$type<TicketStatus>(),
    toStatus: text('to_status').$type<TicketStatus>().notNull(),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    note: text('note').notNull().default(''),
    ...stamps,
  },
  (t) => [
    // A ticket's history; and its completions (the period figures) from the index alone.
    index('ticket_status_change_ticket').on(t.ticketId, t.toStatus, t.at),
    // The completions of a period, with their tickets, from the index alone (the period figures).
    index('ticket_status_change_to').on(t.toStatus, t.at, t.ticketId),
  ],
);

export const ticketComment = sqliteTable(
  'ticket_comment',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull(),
    body: text('body').notNull(),
    userId: text('user_id').notNull(),
    at: text('at').notNull(),
    ...stamps,
  },
  (t) => [index('ticket_comment_ticket').on(t.ticketId, t.at)],
);

export const ticketCost = sqliteTable(
  'ticket_cost',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id').notNull(),
    type: text('type').$type<CostType>().notNull(),
    description: text('description').notNull(),
    quantity: real('quantity').notNull(),
    unit: text('unit').notNull().default(''),
    unitPrice: real('unit_price').notNull().default(0),
    personId: text('person_id'),
    ...stamps,
  },
  (t) => [index('ticket_cost_ticket').on(t.ticketId)],
);

export const slaRule = sqliteTable('sla_rule', {
  id: text('id').primaryKey(),
  category: text('category').$type<TicketCategory>().notNull(),
  priority: text('priority').$type<TicketPriority>().notNull(),
  hours: real('hours').notNull(),
  ...stamps,
});
