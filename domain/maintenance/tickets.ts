/**
 * Repair tickets (報修單): what a ticket is, its categories, priorities and sources, and
 * its life cycle 報修 → 派工 → 處理中 → 待料 → 完工 → 結案, plus 退件 (returned) and
 * 取消 (cancelled). Only the transitions in TRANSITIONS are allowed; each one is kept as a
 * status change record (who, when, from, to), the history the period report counts from.
 */
import type { Attachment } from '../attachments';
import type { Role } from '../roles';

/** 水電 / 土木 / 通訊 / 消防 / 空調 / 電梯 / 其他 */
export const TICKET_CATEGORIES = ['plumbing', 'civil', 'telecom', 'fire', 'hvac', 'elevator', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** 緊急 / 高 / 普通 / 低 */
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** How the report came in: 電話 / 臨櫃 / 巡檢 / 紙本 */
export const TICKET_SOURCES = ['phone', 'counter', 'inspection', 'paper'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** 報修 / 派工 / 處理中 / 待料 / 完工 / 結案 / 退件 / 取消 */
export const TICKET_STATUSES = ['reported', 'assigned', 'in_progress', 'waiting_parts', 'completed', 'closed', 'returned', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Work still to do: these count as open for duplicates, "my work" and overdue. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['reported', 'assigned', 'in_progress', 'waiting_parts'];

export function isOpen(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * The allowed moves. Reopening after completion is 完工 → 處理中; a returned ticket may be
 * taken in again (退件 → 報修); 結案 and 取消 are final.
 */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  reported: ['assigned', 'returned', 'cancelled'],
  assigned: ['in_progress', 'returned', 'cancelled'],
  in_progress: ['waiting_parts', 'completed', 'cancelled'],
  waiting_parts: ['in_progress', 'completed', 'cancelled'],
  completed: ['closed', 'in_progress'],
  closed: [],
  returned: ['reported'],
  cancelled: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A technician works the ticket; taking in, assigning, returning, cancelling and closing are the desk's. */
export const TECHNICIAN_TARGETS: readonly TicketStatus[] = ['in_progress', 'waiting_parts', 'completed'];

/** Who may file, edit, assign and move tickets. */
export const TICKET_DESK_ROLES: readonly Role[] = ['maintenance_clerk', 'supervisor'];
/** Who works on tickets: the desk and the technicians (comments, costs, their own progress). */
export const TICKET_WORK_ROLES: readonly Role[] = ['maintenance_clerk', 'supervisor', 'technician'];
/** Who sets the SLA table. */
export const SLA_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** Whether a user holding `roles` may move a ticket to `to` (technicians only their own, see TECHNICIAN_TARGETS). */
export function mayMoveTo(roles: readonly Role[], to: TicketStatus, isAssignee: boolean): boolean {
  if (roles.some((r) => TICKET_DESK_ROLES.includes(r))) return true;
  return roles.includes('technician') && isAssignee && TECHNICIAN_TARGETS.includes(to);
}

export const MAX_ATTACHMENTS = 20;

/** 報修單 */
export interface Ticket {
  id: string;
  /** 維-111-00042, given by the workstation from its leased block. */
  number: string;
  spaceId: string;
  /** Copied from the space's place in the tree, so lists filter without joins. */
  siteId: string;
  buildingId: string;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  subject: string;
  description: string;
  reporterName: string;
  reporterAgencyId: string | null;
  reporterPhoneExt: string;
  source: TicketSource;
  /** When the report came in (UTC); the SLA clock starts here. */
  reportedAt: string;
  /** reportedAt + the SLA's working hours (UTC). */
  dueAt: string;
  /** A technician or contractor (person of kind technician/contractor). */
  assigneeId: string | null;
  /** The latest completion (完工), cleared when the ticket is reopened. */
  completedAt: string | null;
  closedAt: string | null;
  /** A ticket this one was linked to (a likely duplicate, a follow-up). */
  relatedTicketId: string | null;
  /** Equipment it is about, an inspection round that found it, a project it belongs to. */
  assetId: string | null;
  roundId: string | null;
  projectId: string | null;
  attachments: Attachment[];
  createdAt: string;
  updatedAt: string;
}

/** One move in a ticket's life: who, when, from what to what. The first one has from = null. */
export interface TicketStatusChange {
  id: string;
  ticketId: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  /** When it happened (UTC); for work reported later, the time the technician gives. */
  at: string;
  userId: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** 留言: the ticket's comments thread. */
export interface TicketComment {
  id: string;
  ticketId: string;
  body: string;
  userId: string;
  at: string;
  createdAt: string;
  updatedAt: string;
}

/** 工時 (labour hours), 材料 (parts) or 其他費用: one line of a ticket's cost. */
export const COST_TYPES = ['labour', 'part', 'other'] as const;
export type CostType = (typeof COST_TYPES)[number];

export interface TicketCost {
  id: string;
  ticketId: string;
  type: CostType;
  description: string;
  /** Hours for labour, pieces or metres for parts. */
  quantity: number;
  unit: string;
  /** NT$ per unit; labour done in-house may cost 0. */
  unitPrice: number;
  /** Who did the work (labour lines). */
  personId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Working hours allowed for a category and priority. id = `${category}:${priority}`. */
export interface SlaRule {
  id: string;
  category: TicketCategory;
  priority: TicketPriority;
  hours: number;
  createdAt: string;
  updatedAt: string;
}

export const slaRuleId = (category: TicketCategory, priority: TicketPriority) => `${category}:${priority}`;

/** The status change a ticket starts its life with. */
export const firstChangeId = (ticketId: string) => `${ticketId}:0`;

export function costTotal(lines: readonly Pick<TicketCost, 'quantity' | 'unitPrice'>[]): number {
  return Math.round(lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0));
}

export function labourHours(lines: readonly Pick<TicketCost, 'type' | 'quantity'>[]): number {
  return lines.filter((l) => l.type === 'labour').reduce((sum, l) => sum + l.quantity, 0);
}

/** Whether `ticket` is overdue at `now` (open and past its due time). */
export function isOverdue(ticket: Pick<Ticket, 'status' | 'dueAt'>, now: string): boolean {
  return isOpen(ticket.status) && ticket.dueAt < now;
}

/**
 * A new report at the same place and of the same category as a ticket still open is
 * likely the same fault: the desk is warned and may add it to that ticket instead.
 */
export function likelyDuplicates<T extends Pick<Ticket, 'id' | 'spaceId' | 'category' | 'status'>>(candidate: Pick<Ticket, 'spaceId' | 'category'> & { id?: string }, tickets: readonly T[]): T[] {
  return tickets.filter((t) => t.id !== candidate.id && t.spaceId === candidate.spaceId && t.category === candidate.category && isOpen(t.status));
}

/**
 * "My work": a technician's open tickets, overdue first, then by due time; ties by number.
 */
export function myWorkOrder<T extends Pick<Ticket, 'status' | 'dueAt' | 'number'>>(tickets: readonly T[], now: string): T[] {
  return tickets.filter((t) => isOpen(t.status)).sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.dueAt.localeCompare(b.dueAt) || a.number.localeCompare(b.number));
}
