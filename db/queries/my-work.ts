/**
 * 我的工作 of one technician: their open repair tickets and their open rounds (巡檢單) due
 * within the work list's horizon or overdue, in the order domain/maintenance/my-work.ts gives.
 */
import { taipeiDateOf } from '../../domain/dates';
import { myWorkList, roundsDueBy, type MyWorkItem } from '../../domain/maintenance/my-work';
import type { Db } from '../open';
import { listRounds } from './inspections';
import { workOf } from './tickets';

export function myWork(db: Db, personId: string, now = new Date().toISOString()): MyWorkItem[] {
  const rounds = listRounds(db, { assigneeId: personId, statuses: ['open'], to: roundsDueBy(taipeiDateOf(now)) });
  return myWorkList(workOf(db, personId, now), rounds, now);
}
