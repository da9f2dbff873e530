/** The dispatch desk's slice: which tab is open, the board's day or week and its date, and the drawers open. */
import { create } from 'zustand';
import { todayInTaipei, type BusinessDate } from '../../domain/dates';

export type VehiclesTab = 'board' | 'fleet' | 'drivers' | 'documents';

interface VehiclesDeskState {
  tab: VehiclesTab;
  view: 'day' | 'week';
  date: BusinessDate;
  paperOpen: boolean;
  setTab(tab: VehiclesTab): void;
  setView(view: 'day' | 'week'): void;
  setDate(date: BusinessDate): void;
  setPaperOpen(open: boolean): void;
}

export const useVehiclesDesk = create<VehiclesDeskState>((set) => ({
  tab: 'board',
  view: 'day',
  date: todayInTaipei(),
  paperOpen: false,
  setTab: (tab) => set({ tab }),
  setView: (view) => set({ view }),
  setDate: (date) => set({ date }),
  setPaperOpen: (paperOpen) => set({ paperOpen }),
}));
