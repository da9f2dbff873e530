/** Every named mutation, by name. The workstation and the server run the same ones. */
import type { z } from 'zod';
import { deskMutations } from '../desks';
import type { MutationDef } from './define';
import { calendarMutationDefs } from './calendar';
import { referenceMutationDefs } from './reference';

export const mutationList = [...referenceMutationDefs, ...calendarMutationDefs, ...deskMutations];

type AnyMutation = (typeof mutationList)[number];
/** The name of every mutation (ticket.create, booking.approve…). */
export type MutationName = AnyMutation['name'];
type ArgsOf<D, N> = D extends MutationDef<infer S, infer M> ? (N extends M ? z.input<S> : never) : never;
/** What a mutation takes, as the caller writes it (before defaults and transforms). */
export type MutationArgs<N extends MutationName> = ArgsOf<AnyMutation, N>;

export const mutations: ReadonlyMap<string, MutationDef> = new Map(mutationList.map((m) => [m.name, m]));

export type { MutationContext, MutationDef } from './define';
export type { Tx } from './tx';
export { problemFromZod } from './validate';
