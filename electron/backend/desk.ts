/**
 * What a desk brings to the workstation backend, beside its domain module
 * (domain/<desk>/desk.ts): the handlers of its calls and the demo records that show it
 * working. electron/backend/desks.ts lists the desks; the workstation's handler map and
 * the demo loader read that list.
 */

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

export interface BackendDesk<H extends object = object> {
  id: string;
  handlers: H;
  /**
   * The desk's demo records, after the shared ones (places, agencies, people, users,
   * the calendar): its history for the report period and activity around `now`.
   */
  demo?(now: Date): NamedMutation[];
}

export const defineBackendDesk = <H extends object>(desk: BackendDesk<H>): BackendDesk<H> => desk;
