/**
 * What a desk brings to the workstation backend, beside its domain module
 * (domain/<desk>/desk.ts): the handlers of its calls and the demo records that show it
 * working. electron/backend/desks.ts lists the desks; the workstation's handler map and
 * the demo loader read that list.
 */
import type { ApiArgs, ApiName, ApiResults } from '../../domain/api';
import type { Workstation } from './workstation';

/**
 * What a desk's call handler is given: the records, the write path, who is signed in, the
 * language, the server's address and the attachment store. Not sign-in, sync or backups:
 * only the app's own handlers (auth, sync, backup) reach those.
 */
export type DeskContext = Pick<Workstation, 'db' | 'runner' | 'actor' | 'session' | 'locale' | 'serverUrl' | 'attachments'>;

/** A desk's handlers for its calls N, each given the desk context. */
export type DeskHandlers<N extends ApiName> = {
  [K in N]: (ctx: DeskContext, args: ApiArgs<K>) => Promise<ApiResults[K]> | ApiResults[K];
};

/** One demo record as the named mutation that makes it. */
export interface NamedMutation {
  name: string;
  args: Record<string, unknown>;
  /**
   * When it was made, if not when the demo is loaded: the history's records that get a
   * printed number are filed in their own year, so the runner numbers them in it.
   */
  at?: string;
}

/** Handlers typed by the desk context: a desk cannot reach sign-in, sync or backups. */
type AnyDeskHandlers = Partial<DeskHandlers<ApiName>>;

export interface BackendDesk<H extends AnyDeskHandlers = AnyDeskHandlers> {
  id: string;
  handlers: H;
  /**
   * The desk's demo records, after the shared ones (places, agencies, people, users,
   * the calendar): its history for the report period and activity around `now`.
   */
  demo?(now: Date): NamedMutation[];
}

export const defineBackendDesk = <H extends AnyDeskHandlers>(desk: BackendDesk<H>): BackendDesk<H> => desk;
