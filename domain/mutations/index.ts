/** Every named mutation, by name. The workstation and the server run the same ones. */
import type { MutationDef } from './define';
import { calendarMutationDefs } from './calendar';
import { referenceMutationDefs } from './reference';
import { assetMutationDefs } from '../maintenance/assets-mutations';
import { inspectionMutationDefs } from '../maintenance/inspections-mutations';
import { projectMutationDefs } from '../maintenance/projects-mutations';
import { ticketMutationDefs } from '../maintenance/tickets-mutations';
import { venueMutationDefs } from '../venues/mutations';

export const mutationList: MutationDef[] = [
  ...referenceMutationDefs,
  ...calendarMutationDefs,
  ...venueMutationDefs,
  ...ticketMutationDefs,
  ...inspectionMutationDefs,
  ...projectMutationDefs,
  ...assetMutationDefs,
];

export const mutations: ReadonlyMap<string, MutationDef> = new Map(mutationList.map((m) => [m.name, m]));

export type { MutationContext, MutationDef } from './define';
export type { Tx } from './tx';
export { problemFromZod } from './validate';
