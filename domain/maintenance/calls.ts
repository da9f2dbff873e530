/**
 * The maintenance desk's read calls (tickets, rounds, projects, assets): each one's
 * argument schema and who may make it, and what each answers. domain/api.ts combines
 * them with the other desks'.
 */
import { z } from 'zod';
import { defineCall, DESK_READERS, exportFormat, figureRecordsArgs, periodArgs, type ExportedList } from '../call';
import type { Outcome } from '../errors';
import type { FigureRecords } from '../report/section';
import { businessDate as inspectionDate } from '../mutations/calendar';
import { ROUND_STATUSES } from './inspections';
import type { AssetHistory, InspectionFigures, RoundDetail, RoundRow, TicketLine } from './inspections-views';
import type { MyWorkItem } from './my-work';
import type { CasesHandled } from './report';
import { TICKET_CATEGORIES } from './tickets';
import { savedFilterSchema, ticketFilterSchema, ticketSortSchema, MAX_SAVED_FILTERS, type TicketDetail, type TicketPage, type TicketPrefs, type TicketRow } from './tickets-query';

const short = z.string().max(200);

/** The report's figures each drill-down call lists the records of (report-section.ts). */
export const TICKET_FIGURES = ['repair_cases'] as const;
export const INSPECTION_FIGURES = ['inspection_rounds', 'projects'] as const;

export const maintenanceCalls = {
  // repair tickets
  'tickets.page': defineCall(
    z.object({ filter: ticketFilterSchema, sort: ticketSortSchema, offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) }).strict(),
    DESK_READERS,
  ),
  'tickets.get': defineCall(z.object({ id: short }).strict(), DESK_READERS),
  'tickets.byNumber': defineCall(z.object({ text: z.string().max(40) }).strict(), DESK_READERS),
  'tickets.openAt': defineCall(z.object({ spaceId: short, category: z.enum(TICKET_CATEGORIES) }).strict(), DESK_READERS),
  'tickets.myWork': defineCall(z.object({}).strict(), DESK_READERS),
  'tickets.export': defineCall(z.object({ filter: ticketFilterSchema, sort: ticketSortSchema, format: exportFormat }).strict(), DESK_READERS),
  'tickets.figures': defineCall(periodArgs, DESK_READERS),
  /** The tickets behind 處理 N 件, chosen by the figure's own rule. */
  'tickets.figureRecords': defineCall(figureRecordsArgs(TICKET_FIGURES), DESK_READERS),
  'tickets.prefs': defineCall(z.object({}).strict(), DESK_READERS),
  'tickets.savePrefs': defineCall(z.object({ lastSpaceId: short.nullable().optional(), savedFilters: z.array(savedFilterSchema).max(MAX_SAVED_FILTERS).optional() }).strict(), DESK_READERS),
  // inspections, projects and assets
  'inspections.rounds': defineCall(
    z
      .object({
        from: inspectionDate.optional(),
        to: inspectionDate.optional(),
        statuses: z.array(z.enum(ROUND_STATUSES)).max(ROUND_STATUSES.length).optional(),
        planId: short.optional(),
        assigneeId: short.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    DESK_READERS,
  ),
  'inspections.round': defineCall(z.object({ id: short }).strict(), DESK_READERS),
  'inspections.missing': defineCall(z.object({ from: inspectionDate, to: inspectionDate }).strict(), DESK_READERS),
  'inspections.figures': defineCall(periodArgs, DESK_READERS),
  /** The rounds done or the projects completed behind their figures, chosen by the figures' own rules. */
  'inspections.figureRecords': defineCall(figureRecordsArgs(INSPECTION_FIGURES), DESK_READERS),
  'assets.history': defineCall(z.object({ id: short }).strict(), DESK_READERS),
  'projects.tickets': defineCall(z.object({ id: short }).strict(), DESK_READERS),
} as const;

export interface MaintenanceResults {
  // repair tickets
  'tickets.page': TicketPage;
  'tickets.get': TicketDetail | null;
  'tickets.byNumber': { number: string | null; id: string | null };
  'tickets.openAt': TicketRow[];
  /** The signed-in technician's open tickets and rounds, overdue first. */
  'tickets.myWork': MyWorkItem[];
  'tickets.export': ExportedList;
  'tickets.figures': CasesHandled;
  'tickets.figureRecords': FigureRecords;
  'tickets.prefs': TicketPrefs;
  'tickets.savePrefs': Outcome<{ prefs: TicketPrefs }>;
  // inspections, projects and assets
  'inspections.rounds': RoundRow[];
  'inspections.round': RoundDetail | null;
  /** How many rounds due in the window are not made yet (generate makes them). */
  'inspections.missing': { count: number };
  'inspections.figures': InspectionFigures;
  'inspections.figureRecords': FigureRecords;
  'assets.history': AssetHistory;
  'projects.tickets': TicketLine[];
}
