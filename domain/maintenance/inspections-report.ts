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

type DoneRound = Pick<InspectionRound, 'planId' | 'status' | 'completedAt'>;

/** The rounds the period counts: done, completed on a Taipei date inside it. */
export function roundsDoneIn<R extends DoneRound>(rounds: readonly R[], period: Period): R[] {
  return rounds.filter((r) => r.status === 'done' && !!r.completedAt && inPeriod(taipeiDateOf(r.completedAt), period));
}

/** 巡檢完成 N 次, per plan: the rounds done, tallied. */
export function tallyRounds(done: readonly DoneRound[]): RoundsDone {
  const byPlan: Record<string, number> = {};
  for (const r of done) byPlan[r.planId] = (byPlan[r.planId] ?? 0) + 1;
  return { total: done.length, byPlan };
}

export function countRoundsDone(rounds: readonly DoneRound[], period: Period): RoundsDone {
  return tallyRounds(roundsDoneIn(rounds, period));
}
