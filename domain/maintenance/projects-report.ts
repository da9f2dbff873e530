/**
 * The period report's figure for projects: projects completed (工程完工 N 件), those whose
 * actual completion date (a Taipei calendar date) falls inside the period, both ends
 * included. Cancelled projects never count.
 */
import type { Period } from './inspections-report';
import { inPeriod } from './inspections-report';
import type { Project } from './projects';

export function projectsCompleted<P extends Pick<Project, 'status' | 'actualEnd'>>(projects: readonly P[], period: Period): P[] {
  return projects.filter((p) => p.status === 'completed' && !!p.actualEnd && inPeriod(p.actualEnd, period));
}

export function countProjectsCompleted(projects: readonly Pick<Project, 'status' | 'actualEnd'>[], period: Period): number {
  return projectsCompleted(projects, period).length;
}
