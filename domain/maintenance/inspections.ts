/**
 * Preventive maintenance and inspections (定期保養 / 巡檢). A plan (計畫) says what is
 * checked (a checklist), where (one or more spaces), by whom and how often; each time it
 * falls due makes a round (巡檢單, a work order) in which every checklist item is recorded
 * at every location as pass or fail, with a note and photos. A failed item opens a repair
 * ticket linked to it.
 *
 * Rounds are made by every workstation on its own, also offline: a round's id derives from
 * its plan and its scheduled date, and a result's id from its round, location and item, so
 * workstations that make the same one agree.
 */
import { addDays, type BusinessDate } from '../dates';
import { occurrencesDue, type HolidayRule, type Occurrence, type Recurrence, type Schedule } from './recurrence';
import type { Attachment } from '../attachments';
import type { TicketCategory } from './tickets';

/** One line of a checklist: a short id, stable while the plan is edited, and its text. */
export interface ChecklistItem {
  id: string;
  text: string;
}

/** 保養 / 巡檢計畫 */
export interface InspectionPlan {
  id: string;
  name: string;
  /** The trade it belongs to; a ticket opened from a failed item takes it. */
  category: TicketCategory;
  recurrence: Recurrence;
  startOn: BusinessDate;
  endOn: BusinessDate | null;
  endAfter: number | null;
  onHoliday: HolidayRule;
  /** Days after the due day before an undone round counts as overdue (0: the next day). */
  graceDays: number;
  /** Where the checklist is gone through, in order. */
  spaceIds: string[];
  /** Equipment the plan looks after (its history shows the rounds). */
  assetIds: string[];
  checklist: ChecklistItem[];
  /** A technician or a contractor's person. */
  assigneeId: string | null;
  note: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** 待辦 / 完成 / 略過 (e.g. a typhoon closed the site). */
export const ROUND_STATUSES = ['open', 'done', 'skipped'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** 巡檢單: one occurrence of a plan, a work order. */
export interface InspectionRound {
  /** roundId(planId, scheduledOn) */
  id: string;
  planId: string;
  /** The date the plan's rule gives: the round's identity. */
  scheduledOn: BusinessDate;
  /** The working day it is due on. */
  dueOn: BusinessDate;
  status: RoundStatus;
  assigneeId: string | null;
  /** The plan's locations and checklist when the round was made (a later edit of the plan leaves done rounds as they were). */
  spaceIds: string[];
  checklist: ChecklistItem[];
  /** When the round was done (UTC); the period report counts by its Taipei date. */
  completedAt: string | null;
  completedBy: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export const OUTCOMES = ['pass', 'fail'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One checklist item at one location of one round. */
export interface InspectionResult {
  /** resultId(roundId, spaceId, itemId) */
  id: string;
  roundId: string;
  spaceId: string;
  itemId: string;
  outcome: Outcome;
  note: string;
  /** Photos, kept in the attachment store under their SHA-256 as a ticket's are. */
  photos: Attachment[];
  /** The repair ticket a failed item opened. */
  ticketId: string | null;
  recordedAt: string;
  recordedBy: string;
  createdAt: string;
  updatedAt: string;
}

export const roundId = (planId: string, scheduledOn: BusinessDate) => `round:${planId}:${scheduledOn}`;
export const resultId = (round: string, spaceId: string, itemId: string) => `${round}/${spaceId}/${itemId}`;

export function scheduleOf(plan: Pick<InspectionPlan, 'recurrence' | 'startOn' | 'endOn' | 'endAfter' | 'onHoliday'>): Schedule {
  return { rule: plan.recurrence, startOn: plan.startOn, endOn: plan.endOn, endAfter: plan.endAfter, onHoliday: plan.onHoliday };
}

/** A round the plan calls for in a window, with the id it gets. */
export interface DueRound extends Occurrence {
  id: string;
  planId: string;
}

/**
 * The rounds due in [from, to] of the plans in use that do not exist yet (`existing`
 * holds ids of rounds made before): what `inspectionRound.generate` creates.
 */
export function missingRounds(
  plans: readonly Pick<InspectionPlan, 'id' | 'archived' | 'recurrence' | 'startOn' | 'endOn' | 'endAfter' | 'onHoliday'>[],
  existing: ReadonlySet<string>,
  from: BusinessDate,
  to: BusinessDate,
  isWorkingDay: (d: BusinessDate) => boolean,
): DueRound[] {
  const out: DueRound[] = [];
  for (const plan of plans) {
    if (plan.archived) continue;
    for (const o of occurrencesDue(scheduleOf(plan), from, to, isWorkingDay)) {
      const id = roundId(plan.id, o.scheduledOn);
      if (!existing.has(id)) out.push({ id, planId: plan.id, ...o });
    }
  }
  return out;
}

/** The last day a round may be done before it counts as overdue. */
export function lastDayOf(round: Pick<InspectionRound, 'dueOn'>, graceDays: number): BusinessDate {
  return addDays(round.dueOn, graceDays);
}

/** Overdue: still open after its due day and the plan's grace days. */
export function isRoundOverdue(round: Pick<InspectionRound, 'status' | 'dueOn'>, graceDays: number, today: BusinessDate): boolean {
  return round.status === 'open' && today > lastDayOf(round, graceDays);
}

/** How far a round got: items recorded of all it has, and how many failed. */
export interface RoundProgress {
  total: number;
  recorded: number;
  failed: number;
}

export function roundProgress(round: Pick<InspectionRound, 'spaceIds' | 'checklist'>, results: readonly Pick<InspectionResult, 'spaceId' | 'itemId' | 'outcome'>[]): RoundProgress {
  const spaces = new Set(round.spaceIds);
  const items = new Set(round.checklist.map((i) => i.id));
  const counted = results.filter((r) => spaces.has(r.spaceId) && items.has(r.itemId));
  return { total: spaces.size * items.size, recorded: counted.length, failed: counted.filter((r) => r.outcome === 'fail').length };
}

/** Work orders in the order a technician takes them: overdue first, then by due day. */
export function workOrderSort<T extends Pick<InspectionRound, 'status' | 'dueOn' | 'id'> & { graceDays: number }>(rounds: readonly T[], today: BusinessDate): T[] {
  return [...rounds].sort((a, b) => Number(isRoundOverdue(b, b.graceDays, today)) - Number(isRoundOverdue(a, a.graceDays, today)) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}

/** The next round of a plan due on or after `from` (within about two years), or null. */
export function nextDue(plan: Pick<InspectionPlan, 'recurrence' | 'startOn' | 'endOn' | 'endAfter' | 'onHoliday'>, from: BusinessDate, isWorkingDay: (d: BusinessDate) => boolean): Occurrence | null {
  // Yearly rules every 2 years need the longest look ahead.
  return occurrencesDue(scheduleOf(plan), from, addDays(from, 800), isWorkingDay)[0] ?? null;
}
