/**
 * A maintenance work item opened from elsewhere (a failed inspection item, a vehicle's
 * service falling due). The maintenance desk's own ticket.create makes it, with its checks,
 * numbering and first status, reported by the person signed in. Other desks reach the
 * maintenance desk through here, never through its insides.
 */
import { DomainError } from '../errors';
import { ticketMutationDefs } from '../maintenance/tickets-mutations';
import type { MutationContext } from '../mutations/define';
import type { Tx } from '../mutations/tx';
import { problemFromZod } from '../mutations/validate';

const create = ticketMutationDefs.find((m) => m.name === 'ticket.create')!;

/** `fields`: ticket.create's arguments but the reporter's; checked by its own schema. */
export async function openWorkItem(tx: Tx, fields: Record<string, unknown>, ctx: MutationContext): Promise<void> {
  const user = await tx.get('user', ctx.userId);
  const reporter = user?.personId ? await tx.get('person', user.personId) : undefined;
  const args = create.args.safeParse({ ...fields, reporterName: reporter?.name ?? user?.displayName ?? '', reporterPhoneExt: reporter?.phoneExt ?? '' });
  if (!args.success) {
    const problem = problemFromZod(args.error);
    throw new DomainError(problem.code, problem.params, problem.field);
  }
  await create.apply(tx, args.data, ctx);
}
