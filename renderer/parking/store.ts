/** The parking desk's slice: which tab is open, and what is being printed. */
import { create } from 'zustand';

export type ParkingTab = 'gate' | 'permits' | 'applications' | 'renewal';

interface ParkingDeskState {
  tab: ParkingTab;
  setTab(tab: ParkingTab): void;
  /** Bumped by the gate shortcut: the lookup takes the focus and selects what is typed, ready for the next plate. */
  gateCalls: number;
  openGate(): void;
  /** The permit list's reminder: permits expiring within this many days, or the whole list (null). */
  expiringDays: number | null;
  showExpiring(days: number | null): void;
  /** The permits whose cards are in the print frame. */
  cardIds: string[] | null;
  printCards(ids: string[] | null): void;
  /** The application whose approval letter is in the print frame. */
  letterId: string | null;
  printLetter(id: string | null): void;
}

export const useParkingDesk = create<ParkingDeskState>((set) => ({
  tab: 'gate',
  setTab: (tab) => set({ tab }),
  gateCalls: 0,
  openGate: () => set((s) => ({ tab: 'gate', gateCalls: s.gateCalls + 1 })),
  expiringDays: null,
  showExpiring: (expiringDays) => set({ expiringDays }),
  cardIds: null,
  printCards: (cardIds) => set({ cardIds }),
  letterId: null,
  printLetter: (letterId) => set({ letterId }),
}));
