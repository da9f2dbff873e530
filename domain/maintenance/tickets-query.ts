/**
 * How the ticket list asks for a page: filters, sort and the window of rows. Shared by the
 * API's argument check, the backend's query and the screen's saved filters.
 */
import { z } from 'zod';
import { isBusinessDate, ROC_OFFSET, type BusinessDate } from '../dates';
import { formatPrintedNumber, parsePrintedNumber } from '../numbering';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, type TicketComment, type TicketCost, type TicketStatusChange } from './tickets';

const id = z.string().min(1).max(64);
const date = z.string().refine(isBusinessDate, { message: 'date' });

export const ticketFilterSchema = z
  .object({
    siteId: id.optional(),
    buildingId: id.optional(),
    spaceId: id.optional(),
    categories: z.array(z.enum(TICKET_CATEGORIES)).max(TICKET_CATEGORIES.length).optional(),
    statuses: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
    priorities: z.array(z.enum(TICKET_PRIORITIES)).max(TICKET_PRIORITIES.length).optional(),
    assigneeId: id.optional(),
    /** Reported on or after this Taipei date. */
    from: date.optional(),
    /** Reported on or before this Taipei date. */
    to: date.optional(),
    overdue: z.boolean().optional(),
    /** Full-text search: number, subject, description, location, comments. */
    text: z.string().max(100).optional(),
  })
  .strict();

export type TicketFilter = z.infer<typeof ticketFilterSchema>;

/** Sorts the list can keep fast at 100,000 tickets: each has its index. */
export const TICKET_SORT_KEYS = ['reportedAt', 'dueAt', 'number'] as const;
export type TicketSortKey = (typeof TICKET_SORT_KEYS)[number];

export const ticketSortSchema = z.object({ key: z.enum(TICKET_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict();
export type TicketSort = z.infer<typeof ticketSortSchema>;

export const DEFAULT_SORT: TicketSort = { key: 'reportedAt', dir: 'desc' };

/** A search shows at most this many tickets, newest first, with the total found. */
export const SEARCH_CAP = 200;
/** The most rows one page call returns. */
export const MAX_PAGE = 500;

/** One line of the list: what the table shows, names resolved on screen from the reference data. */
export type TicketRow = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'status'
  | 'category'
  | 'priority'
  | 'subject'
  | 'spaceId'
  | 'siteId'
  | 'buildingId'
  | 'assigneeId'
  | 'reportedAt'
  | 'dueAt'
  | 'completedAt'
  | 'reporterName'
  | 'reporterAgencyId'
  | 'source'
>;

export interface TicketPage {
  rows: TicketRow[];
  /** How many tickets match (for a search: found, though at most SEARCH_CAP are listed). */
  total: number;
  /** A search found more than it lists. */
  capped: boolean;
}

/** A filter the user saved under a name (kept per user on this workstation). */
export interface SavedTicketFilter {
  name: string;
  filter: TicketFilter;
  sort: TicketSort;
}

export const savedFilterSchema = z.object({ name: z.string().trim().min(1).max(40), filter: ticketFilterSchema, sort: ticketSortSchema }).strict();

/**
 * What a clerk types to open a ticket by number: the whole 維-111-00042, 111-42, or just 42
 * (this year's). Returns the printed number, or null when the text is not one.
 */
export function ticketNumberFromInput(text: string, today: BusinessDate): string | null {
  const s = text.trim();
  const full = parsePrintedNumber(s);
  if (full) return full.kind === 'ticket' ? s : null;
  const yearAndN = /^(\d{2,3})-(\d{1,7})$/.exec(s);
  if (yearAndN) return formatPrintedNumber('ticket', Number(yearAndN[1]) + ROC_OFFSET, Number(yearAndN[2]));
  const n = /^\d{1,7}$/.exec(s);
  if (n && Number(s) > 0) return formatPrintedNumber('ticket', Number(today.slice(0, 4)), Number(s));
  return null;
}

/** One ticket with its life: status changes, comments and cost lines, oldest first. */
export interface TicketDetail {
  ticket: Ticket;
  changes: TicketStatusChange[];
  comments: TicketComment[];
  costs: TicketCost[];
}

/** What the desk remembers per user on this workstation. */
export interface TicketPrefs {
  /** The location of the user's last ticket, offered first on the next one. */
  lastSpaceId: string | null;
  savedFilters: SavedTicketFilter[];
}

export const MAX_SAVED_FILTERS = 20;
