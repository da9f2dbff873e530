/**
 * From a plan to the editor's values and back: the end is one choice (none, a date or a
 * number of rounds), checklist lines are trimmed and empty ones dropped, and an update
 * carries only what changed.
 */
import type { BusinessDate } from '../../../domain/dates';
import type { ChecklistItem, InspectionPlan } from '../../../domain/maintenance/inspections';
import type { HolidayRule, Recurrence } from '../../../domain/maintenance/recurrence';
import type { TicketCategory } from '../../../domain/maintenance/tickets';
import { changedFields } from '../../../domain/mutations/reference';

export type EndKind = 'none' | 'date' | 'count';

export interface PlanFormValues {
  name: string;
  category: TicketCategory;
  recurrence: Recurrence;
  startOn: BusinessDate | null;
  endKind: EndKind;
  endOn: BusinessDate | null;
  endAfter: number | null;
  onHoliday: HolidayRule;
  graceDays: number | null;
  spaceIds: string[];
  assetIds: string[];
  checklist: ChecklistItem[];
  assigneeId: string | null;
  note: string;
}

export function newPlanValues(today: BusinessDate): PlanFormValues {
  return {
    name: '',
    category: 'other',
    recurrence: { freq: 'weekly', interval: 1, weekdays: [1] },
    startOn: today,
    endKind: 'none',
    endOn: null,
    endAfter: null,
    onHoliday: 'next',
    graceDays: 0,
    spaceIds: [],
    assetIds: [],
    checklist: [{ id: 'c1', text: '' }],
    assigneeId: null,
    note: '',
  };
}

export function planValues(plan: InspectionPlan): PlanFormValues {
  return {
    name: plan.name,
    category: plan.category,
    recurrence: plan.recurrence,
    startOn: plan.startOn,
    endKind: plan.endOn ? 'date' : plan.endAfter ? 'count' : 'none',
    endOn: plan.endOn,
    endAfter: plan.endAfter,
    onHoliday: plan.onHoliday,
    graceDays: plan.graceDays,
    spaceIds: plan.spaceIds,
    assetIds: plan.assetIds,
    checklist: plan.checklist,
    assigneeId: plan.assigneeId ?? null,
    note: plan.note,
  };
}

/** The mutation's arguments (all of them: create takes them as they are). */
export function planArgs(v: PlanFormValues): Omit<InspectionPlan, 'id' | 'archived' | 'createdAt' | 'updatedAt'> {
  return {
    name: v.name.trim(),
    category: v.category,
    recurrence: v.recurrence,
    startOn: v.startOn ?? '',
    endOn: v.endKind === 'date' ? v.endOn : null,
    endAfter: v.endKind === 'count' ? v.endAfter : null,
    onHoliday: v.onHoliday,
    graceDays: v.graceDays ?? 0,
    spaceIds: v.spaceIds,
    assetIds: v.assetIds,
    checklist: v.checklist.map((i) => ({ id: i.id, text: i.text.trim() })).filter((i) => i.text !== ''),
    assigneeId: v.assigneeId ?? null,
    note: v.note.trim(),
  };
}

/** What an update sends: the fields that differ from the plan as loaded (empty: nothing changed). */
export function planPatch(plan: InspectionPlan, v: PlanFormValues): Partial<InspectionPlan> {
  return changedFields(planArgs(planValues(plan)), planArgs(v));
}
