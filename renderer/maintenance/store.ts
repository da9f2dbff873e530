/**
 * The maintenance desk's slice: which tab, the ticket list's filter and sort, the ticket
 * open in the drawer, the new-ticket form, the work order being printed, and what the desk
 * remembers per user (last location, saved filters). Writes go through `mutate`.
 */
import { create } from 'zustand';

import { newId } from '../../domain/ids';
import type { TicketStatus } from '../../domain/maintenance/tickets';
import { DEFAULT_SORT, type SavedTicketFilter, type TicketFilter, type TicketPrefs, type TicketSort } from '../../domain/maintenance/tickets-query';
import { api } from '../app/api';
import { attempt, outcomeToDone, type Done } from '../app/store';
import { mutate } from '../app/mutate';

export type MaintenanceTab = 'tickets' | 'myWork' | 'inspections' | 'projects' | 'assets';

interface MaintenanceState {
  tab: MaintenanceTab;
  filter: TicketFilter;
  sort: TicketSort;
  /** The ticket shown in the drawer. */
  openId: string | null;
  /** The new-ticket form (Ctrl+N). */
  newOpen: boolean;
  /** The ticket whose work order (派工單) is on screen for printing. */
  printId: string | null;
  prefs: TicketPrefs;
  setTab(tab: MaintenanceTab): void;
  setFilter(filter: TicketFilter): void;
  setSort(sort: TicketSort): void;
  open(id: string | null): void;
  setNewOpen(open: boolean): void;
  setPrintId(id: string | null): void;
  loadPrefs(): Promise<void>;
  savePrefs(changes: Partial<TicketPrefs>): Promise<Done>;
  saveFilter(name: string): Promise<Done>;
  deleteFilter(name: string): Promise<Done>;
}

export const useMaintenance = create<MaintenanceState>((set, get) => ({
  tab: 'tickets',
  filter: {},
  sort: DEFAULT_SORT,
  openId: null,
  newOpen: false,
  printId: null,
  prefs: { lastSpaceId: null, savedFilters: [] },
  setTab: (tab) => set({ tab }),
  setFilter: (filter) => set({ filter }),
  setSort: (sort) => set({ sort }),
  open: (openId) => set({ openId }),
  setNewOpen: (newOpen) => set({ newOpen }),
  setPrintId: (printId) => set({ printId }),
  async loadPrefs() {
    try {
      set({ prefs: await api.call('tickets.prefs', {}) });
    } catch {
      // Nothing remembered is not worth an error: the form starts empty.
    }
  },
  savePrefs: (changes) =>
    attempt(async () => {
      const r = await api.call('tickets.savePrefs', changes);
      if (r.ok) set({ prefs: r.prefs });
      return outcomeToDone(r);
    }),
  saveFilter: (name) => {
    const { filter, sort, prefs } = get();
    const saved: SavedTicketFilter = { name, filter: { ...filter, text: undefined }, sort };
    return get().savePrefs({ savedFilters: [saved, ...prefs.savedFilters.filter((f) => f.name !== name)] });
  },
  deleteFilter: (name) => get().savePrefs({ savedFilters: get().prefs.savedFilters.filter((f) => f.name !== name) }),
}));

/** Moves a ticket along its life cycle (a new status change record each time). */
export function moveTicket(id: string, status: TicketStatus, extra: { note?: string; assigneeId?: string } = {}): Promise<Done> {
  return attempt(async () => outcomeToDone(await mutate('ticket.transition', { id, changeId: newId(), status, ...extra })));
}
