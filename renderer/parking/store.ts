/** The parking desk's slice: which tab is open. */
import { create } from 'zustand';

export type ParkingTab = 'gate' | 'permits' | 'applications';

export const useParkingDesk = create<{ tab: ParkingTab; setTab(tab: ParkingTab): void }>((set) => ({
  tab: 'gate',
  setTab: (tab) => set({ tab }),
}));
