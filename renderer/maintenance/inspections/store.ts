/**
 * The inspections tab's own state: which list shows (work orders or plans), the work
 * orders' filter, the round open for recording and the plan being edited.
 */
import { create } from 'zustand';

export type InspectionsView = 'rounds' | 'plans';
/** 待辦 (open and due soon, overdue included) / 已完成 (done or skipped) / 全部 */
export type RoundsFilter = 'due' | 'done' | 'all';

interface InspectionsState {
  view: InspectionsView;
  filter: RoundsFilter;
  planId: string | null;
  /** Only rounds assigned to this person. */
  assigneeId: string | null;
  openRoundId: string | null;
  /** The plan in the editor: an id, 'new', or null when the editor is closed. */
  editingPlan: string | null;
  setView(view: InspectionsView): void;
  setFilter(filter: RoundsFilter): void;
  setPlanId(planId: string | null): void;
  setAssigneeId(assigneeId: string | null): void;
  openRound(id: string | null): void;
  editPlan(id: string | null): void;
}

export const useInspections = create<InspectionsState>((set) => ({
  view: 'rounds',
  filter: 'due',
  planId: null,
  assigneeId: null,
  openRoundId: null,
  editingPlan: null,
  setView: (view) => set({ view }),
  setFilter: (filter) => set({ filter }),
  setPlanId: (planId) => set({ planId }),
  setAssigneeId: (assigneeId) => set({ assigneeId }),
  openRound: (openRoundId) => set({ openRoundId }),
  editPlan: (editingPlan) => set({ editingPlan }),
}));
