import { z } from 'zod';
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

export interface MutationDef<S extends z.ZodType = z.ZodType> {
  name: string;
  args: S;
  /** Roles that may run it. */
  roles: readonly Role[];
  apply(tx: Tx, args: z.output<S>, ctx: MutationContext): Promise<void>;
}

export function defineMutation<S extends z.ZodType>(def: MutationDef<S>): MutationDef<S> {
  return def;
}
