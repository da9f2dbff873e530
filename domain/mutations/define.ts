import { z } from 'zod';
import type { NumberKind } from '../numbering';
import type { Role } from '../roles';
import type { Tx } from './tx';

/** Who made a mutation, where and when: the same on the workstation and on the server. */
export interface MutationContext {
  userId: string;
  roles: readonly Role[];
  clientId: string;
  /** When the user made the change (UTC ISO), carried with the mutation. */
  at: string;
}

export interface MutationDef<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** `kind.verb`, e.g. ticket.create: the same in the UI, the outbox, the audit and on the server. */
  name: N;
  args: S;
  /** Roles that may run it. */
  roles: readonly Role[];
  /**
   * The mutation gives out a printed number (維-111-00042): the workstation fills
   * `args[field]` from its leased block before running it, so the number travels with
   * the mutation and the server re-runs it with the same one (or replaces a provisional one).
   */
  numbered?: {
    kind: NumberKind;
    field: string;
    /** The (Gregorian) year the number carries when it is not the year of the write: an annual permit carries the year it is valid for. */
    yearOf?(args: Record<string, unknown>): number | undefined;
  };
  apply(tx: Tx, args: z.output<S>, ctx: MutationContext): Promise<void>;
}

export function defineMutation<N extends string, S extends z.ZodType>(def: MutationDef<S, N>): MutationDef<S, N> {
  return def;
}
