/**
 * The period report's figure for inspections: rounds done (巡檢完成 N 次). A round counts
 * when it was completed on a Taipei calendar date inside the period, both ends included;
 * rounds skipped or still open do not count, whenever they were due.
 */
import { taipeiDateOf, type BusinessDate } from '../dates';
import type { InspectionRound } from './inspections';
import type { Period } from './report';

export type { Period };

export function inPeriod(date: BusinessDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

export interface RoundsDone {
  total: number;
  /** Rounds done per plan id. */
  byPlan: Record<string, number>;
}

export function countRoundsDone(rounds: readonly Pick<InspectionRound, 'planId' | 'status' | 'completedAt'>[], period: Period): RoundsDone {
  const byPlan: Record<string, number> = {};
  let total = 0;
  for (const r of rounds) {
    if (r.status !== 'done' || !r.completedAt || !inPeriod(taipeiDateOf(r.completedAt), period)) continue;
    total++;
    byPlan[r.planId] = (byPlan[r.planId] ?? 0) + 1;
  }
  return { total, byPlan };
}
