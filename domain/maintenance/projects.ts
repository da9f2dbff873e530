/**
 * Projects (工程): larger works let to a contractor, such as 電梯整修 第五期 or the central
 * HVAC replacement, with a budget, planned and actual dates and phases (分期 / 階段).
 * Tickets belong to a project through the ticket's own projectId.
 */
import type { BusinessDate } from '../dates';

/** 規劃中 / 施工中 / 已完工 / 已取消 */
export const PROJECT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** 工程 */
export interface Project {
  id: string;
  name: string;
  /** 工程範圍: what is done, where. */
  scope: string;
  /** The contractor's person (their company shows beside the name). */
  contractorId: string | null;
  /** NT$ */
  budget: number | null;
  status: ProjectStatus;
  plannedStart: BusinessDate | null;
  plannedEnd: BusinessDate | null;
  actualStart: BusinessDate | null;
  /** 完工日: the period report counts a project completed on it. */
  actualEnd: BusinessDate | null;
  note: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** 階段: a part of a project with its own dates. */
export interface ProjectPhase {
  id: string;
  projectId: string;
  /** Order within the project. */
  seq: number;
  name: string;
  scope: string;
  plannedStart: BusinessDate | null;
  plannedEnd: BusinessDate | null;
  actualStart: BusinessDate | null;
  actualEnd: BusinessDate | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

type Dated = Pick<Project, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;

/**
 * What is wrong with a project's or phase's dates and status, as [field, problem] (the
 * first one found), or null: an end before its start, a completed project without its
 * completion date, a completion date on a project not completed.
 */
export function datesProblem(p: Dated & { status?: ProjectStatus }): { field: string; code: 'endBeforeStart' | 'completedNeedsEnd' | 'endNeedsCompleted' | 'endNeedsStart' } | null {
  if (p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart) return { field: 'plannedEnd', code: 'endBeforeStart' };
  if (p.actualEnd && !p.actualStart) return { field: 'actualStart', code: 'endNeedsStart' };
  if (p.actualStart && p.actualEnd && p.actualEnd < p.actualStart) return { field: 'actualEnd', code: 'endBeforeStart' };
  if (p.status === 'completed' && !p.actualEnd) return { field: 'actualEnd', code: 'completedNeedsEnd' };
  if (p.status !== undefined && p.status !== 'completed' && p.actualEnd) return { field: 'status', code: 'endNeedsCompleted' };
  return null;
}

/** Where a phase stands, from its dates: 未開始 / 進行中 / 已完成. */
export type PhaseState = 'not_started' | 'in_progress' | 'done';

export function phaseState(phase: Pick<ProjectPhase, 'actualStart' | 'actualEnd'>): PhaseState {
  if (phase.actualEnd) return 'done';
  return phase.actualStart ? 'in_progress' : 'not_started';
}

/** A bar of the timeline: from the first to the last date known (planned or actual). */
export function timelineSpan(items: readonly Dated[]): { from: BusinessDate; to: BusinessDate } | null {
  const dates = items
    .flatMap((p) => [p.plannedStart, p.plannedEnd, p.actualStart, p.actualEnd])
    .filter((d): d is BusinessDate => !!d)
    .sort();
  return dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null;
}
