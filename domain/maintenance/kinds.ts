/**
 * The records of the maintenance desk: repair tickets with their history, comments and
 * costs, the response-time rules, inspection rounds, projects and assets. Read by
 * domain/entities.ts, which combines every desk's kinds.
 */
import type { Asset } from './assets';
import type { InspectionPlan, InspectionResult, InspectionRound } from './inspections';
import type { Project, ProjectPhase } from './projects';
import type { SlaRule, Ticket, TicketComment, TicketCost, TicketStatusChange } from './tickets';

export interface MaintenanceEntities {
  ticket: Ticket;
  ticketStatusChange: TicketStatusChange;
  ticketComment: TicketComment;
  ticketCost: TicketCost;
  slaRule: SlaRule;
  inspectionPlan: InspectionPlan;
  inspectionRound: InspectionRound;
  inspectionResult: InspectionResult;
  project: Project;
  projectPhase: ProjectPhase;
  asset: Asset;
}

export const MAINTENANCE_KINDS = [
  'ticket',
  'ticketStatusChange',
  'ticketComment',
  'ticketCost',
  'slaRule',
  'inspectionPlan',
  'inspectionRound',
  'inspectionResult',
  'project',
  'projectPhase',
  'asset',
] as const satisfies readonly (keyof MaintenanceEntities)[];

/** [kind, field, the kind it names]: a record named by another is archived, never deleted. */
export const MAINTENANCE_REFERENCES = [
  ['ticket', 'spaceId', 'space'],
  ['ticket', 'reporterAgencyId', 'agency'],
  ['ticket', 'assigneeId', 'person'],
  ['ticket', 'projectId', 'project'],
  ['ticket', 'assetId', 'asset'],
  ['asset', 'spaceId', 'space'],
  ['asset', 'maintainerId', 'person'],
  ['inspectionResult', 'spaceId', 'space'],
  ['inspectionResult', 'roundId', 'inspectionRound'],
  ['inspectionPlan', 'assigneeId', 'person'],
  ['inspectionRound', 'assigneeId', 'person'],
  ['inspectionRound', 'planId', 'inspectionPlan'],
  ['project', 'contractorId', 'person'],
  ['projectPhase', 'projectId', 'project'],
] as const;
