/** A refusal or warning from the venue rules (a message key with parameters) in the reader's language. */
import type { Problem } from '../../domain/errors';
import { hasMessage } from '../../domain/i18n';
import type { T } from '../app/i18n';

export function problemText(problem: Problem, t: T): string {
  return hasMessage(problem.code) ? t(problem.code, problem.params) : problem.code;
}

/** The booking a conflict names (venues.conflict and venues.seriesConflict carry it in their parameters). */
export function conflictOf(problem: Problem | null | undefined): { id: string; number: string; name: string; start: string; end: string } | null {
  const p = problem?.params;
  if (!p || typeof p.conflictId !== 'string') return null;
  return { id: p.conflictId, number: String(p.number ?? ''), name: String(p.name ?? ''), start: String(p.start ?? ''), end: String(p.end ?? '') };
}
