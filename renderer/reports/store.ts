/** The report desk's slice: the period shown (kept while the supervisor visits other desks), the year counted, the drill-down and the printout open. */
import { create } from 'zustand';
import type { ReportPeriod } from '../../domain/report/period';

interface ReportDeskState {
  /** The period shown; null until the desk has chosen the one it opens on. */
  period: ReportPeriod | null;
  /** The Gregorian year the annual permits count for; null: the year of the period's last day. */
  year: number | null;
  /** The figure whose records are listed. */
  drill: string | null;
  printing: boolean;
  setPeriod(period: ReportPeriod): void;
  setYear(year: number | null): void;
  openDrill(figure: string | null): void;
  setPrinting(printing: boolean): void;
}

export const useReportDesk = create<ReportDeskState>((set) => ({
  period: null,
  year: null,
  drill: null,
  printing: false,
  // A new period counts the annual permits for its own year again.
  setPeriod: (period) => set({ period, year: null }),
  setYear: (year) => set({ year }),
  openDrill: (drill) => set({ drill }),
  setPrinting: (printing) => set({ printing }),
}));
