/** A refusal or warning from the venue rules (a message key with parameters) in the reader's language. */
import type { Problem } from '../../domain/errors';
import { hasMessage } from '../../domain/i18n';
import type { T } from '../app/i18n';

export function problemText(problem: Problem, t: T): string {
  return hasMessage(problem.code) ? t(problem.code, problem.params) : problem.code;
}

export interface Conflict {
  id: string;
  number: string;
  name: string;
  start: string;
  end: string;
  /** Empty in refusals from a server older than the one that names them. */
  venueId: string;
  applicantAgencyId: string;
  applicantOrg: string;
  contactName: string;
  contactPhone: string;
}

/** The booking a conflict names (venues.conflict and venues.seriesConflict carry it in their parameters). */
export function conflictOf(problem: Problem | null | undefined): Conflict | null {
  const p = problem?.params;
  if (!p || typeof p.conflictId !== 'string') return null;
  const text = (key: string) => String(p[key] ?? '');
  return {
    id: p.conflictId,
    number: text('number'),
    name: text('name'),
    start: text('start'),
    end: text('end'),
    venueId: text('venueId'),
    applicantAgencyId: text('applicantAgencyId'),
    applicantOrg: text('applicantOrg'),
    contactName: text('contactName'),
    contactPhone: text('contactPhone'),
  };
}
