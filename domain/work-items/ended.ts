/**
 * The end of a maintenance work item (closed or cancelled), told to the parts of the app
 * that open them: the maintenance desk's ticket.transition calls this and knows no other desk.
 */
import type { Tx } from '../mutations/tx';
import { serviceTicketEnded } from '../vehicles/service-ticket';

export async function workItemEnded(tx: Tx, ticketId: string, outcome: 'closed' | 'cancelled', at: string, updatedAt: string): Promise<void> {
  await serviceTicketEnded(tx, ticketId, outcome, at, updatedAt);
}
