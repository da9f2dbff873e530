/** What the screens get back from the inspection, project and asset reads (see domain/api.ts). */
import type { TicketCategory, TicketStatus } from './tickets';
import type { InspectionPlan, InspectionResult, InspectionRound } from './inspections';

/** A round as the work-order list shows it: with its plan's name and its progress. */
export interface RoundRow extends InspectionRound {
  planName: string;
  category: InspectionPlan['category'];
  graceDays: number;
  total: number;
  recorded: number;
  failed: number;
}

/** A ticket as a history, a project or a round lists it. */
export interface TicketLine {
  id: string;
  number: string;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  reportedAt: string;
  completedAt: string | null;
  spaceId: string;
}

export interface RoundDetail {
  round: RoundRow;
  plan: InspectionPlan;
  results: InspectionResult[];
  /** Tickets opened from this round. */
  tickets: TicketLine[];
}

export interface AssetHistory {
  tickets: TicketLine[];
  rounds: RoundRow[];
}

export interface InspectionFigures {
  roundsDone: number;
  roundsDoneByPlan: Record<string, number>;
  projectsCompleted: number;
  projectIds: string[];
}
