/**
 * The end of a vehicle's service work item, run by the maintenance desk's ticket.transition:
 * closed (結案) clears the vehicle's 保養到期 and sets the next due from its intervals;
 * cancelled only unlinks it, so the vehicle, still due, can have a new one opened.
 */
import { taipeiDateOf } from '../dates';
import type { Tx } from '../mutations/tx';
import { nextServiceAfter } from './service';

export async function serviceTicketEnded(tx: Tx, ticketId: string, outcome: 'closed' | 'cancelled', at: string, updatedAt: string): Promise<void> {
  for (const v of await tx.find('vehicle', { serviceTicketId: ticketId })) {
    const next = outcome === 'closed' ? nextServiceAfter(v, taipeiDateOf(at), v.odometer) : {};
    await tx.update('vehicle', v.id, { serviceTicketId: null, ...next, updatedAt });
  }
}
