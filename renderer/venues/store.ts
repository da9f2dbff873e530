/**
 * The venue desk's slice: which tab, what the calendar shows, the list's filters, and
 * which booking is open (detail, form, letter). Data itself is read through data.ts.
 */
import { create } from 'zustand';
import { todayInTaipei, type BusinessDate } from '../../domain/dates';
import type { ActivityType, BookingStatus } from '../../domain/venues/types';
import type { BookingFormValues } from './form-logic';

export type VenueTab = 'calendar' | 'bookings' | 'free' | 'settings';
export type CalendarView = 'day' | 'week' | 'month';
/** One venue, or all venues of a site side by side. */
export type CalendarScope = 'site' | 'venue';

export interface CalendarState {
  view: CalendarView;
  scope: CalendarScope;
  siteId: string | null;
  venueId: string | null;
  date: BusinessDate;
}

export interface ListFilters {
  siteId: string | null;
  venueId: string | null;
  statuses: BookingStatus[];
  activityType: ActivityType | null;
  agencyId: string | null;
  text: string;
  from: BusinessDate;
  to: BusinessDate;
}

/** What the application form was opened for. */
export type EditorState =
  | { mode: 'new'; prefill?: Partial<BookingFormValues> }
  | { mode: 'edit'; bookingId: string }
  /** A refused write from 待處理: edit what was typed and send it again. */
  | { mode: 'resubmit'; attentionId: string; name: string; args: Record<string, unknown>; prefill?: Partial<BookingFormValues> };

interface VenueDeskState {
  tab: VenueTab;
  calendar: CalendarState;
  filters: ListFilters;
  editor: EditorState | null;
  detailId: string | null;
  letterId: string | null;
  setTab(tab: VenueTab): void;
  setCalendar(patch: Partial<CalendarState>): void;
  setFilters(patch: Partial<ListFilters>): void;
  openEditor(editor: EditorState): void;
  closeEditor(): void;
  openDetail(id: string | null): void;
  openLetter(id: string | null): void;
}

function monthRange(today: BusinessDate): [BusinessDate, BusinessDate] {
  const [y, m] = today.split('-').map(Number);
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return [first, last];
}

const [from, to] = monthRange(todayInTaipei());

export const useVenueDesk = create<VenueDeskState>((set) => ({
  tab: 'calendar',
  calendar: { view: 'week', scope: 'site', siteId: null, venueId: null, date: todayInTaipei() },
  filters: { siteId: null, venueId: null, statuses: [], activityType: null, agencyId: null, text: '', from, to },
  editor: null,
  detailId: null,
  letterId: null,
  setTab: (tab) => set({ tab }),
  setCalendar: (patch) => set((s) => ({ calendar: { ...s.calendar, ...patch } })),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  openEditor: (editor) => set({ editor }),
  closeEditor: () => set({ editor: null }),
  openDetail: (detailId) => set({ detailId }),
  openLetter: (letterId) => set({ letterId }),
}));
