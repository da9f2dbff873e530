/**
 * The one way a screen writes: a named mutation, typed by its name, so a misspelt name or
 * a wrong argument fails the type check. The answer is always an Outcome: a failed call
 * (a backend crash, the screen locked meanwhile) comes back as a refusal too, so what
 * the user typed stays in the form.
 */
import type { Outcome } from '../../domain/api';
import { KINDS, type Kind } from '../../domain/entities';
import type { MutationArgs, MutationName } from '../../domain/mutations';
import { api } from './api';
import { refreshReference } from './reference';
import { errorMessage } from './store';

export type MutateOutcome = Outcome<{ mutationId: number }>;

export async function mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<MutateOutcome> {
  let result: MutateOutcome;
  try {
    result = await api.call('mutate', { name, args });
  } catch (e) {
    return { ok: false, problem: { code: 'common.unknownError', params: { message: String(e) } }, message: errorMessage(e) };
  }
  // The shared reference lists are fresh before the form that wrote closes.
  if (result.ok) await refreshReference(kindsTouchedBy(name));
  return result;
}

/** The kinds of record a mutation changes, to refresh them once it is done. */
export function kindsTouchedBy(mutation: string): Kind[] {
  const prefix = mutation.split('.')[0];
  if (prefix === 'calendar') return ['calendarDay'];
  if (prefix === 'agency') return ['agency', 'agencyOffice'];
  return (KINDS as readonly string[]).includes(prefix) ? [prefix as Kind] : [];
}

/**
 * The mutation of a kind chosen at run time (the shared record editor, archive, restore,
 * delete): the backend refuses a name that does not exist, by name.
 */
export const recordMutation = (kind: Kind, verb: 'create' | 'update' | 'archive' | 'restore' | 'delete') => `${kind}.${verb}` as MutationName;
