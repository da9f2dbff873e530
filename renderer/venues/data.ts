/**
 * What the venue desk reads from the backend: the venues (with their places' names) and
 * bookings of a time range, reloaded whenever venues or bookings change (here or by sync).
 * Most reads go through the shared useApiRead; the bookings of the range shown use useAsked,
 * which asks during the render so that a step of the calendar does not wait for a redraw.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ApiArgs } from '../../domain/api';
import type { BookingView, VenueView } from '../../domain/venues/views';
import { api } from '../app/api';
import { useApiRead, useChangeVersion } from '../app/hooks';
import { errorMessage } from '../app/store';

export type BookingQuery = ApiArgs<'venues.bookings'>;

interface Answer<T> {
  question: string;
  value: T;
  error: string | null;
}

/**
 * One backend read that is asked again when `question` changes; an older answer never
 * overwrites a newer one. The question goes out during the render that first has it, not
 * from an effect after the commit, so the backend reads while the screen is still being
 * drawn (a click on 週 no longer waits for the toolbar to redraw before asking for the week).
 */
export function useAsked<T>(question: string | null, ask: () => Promise<T>, empty: T): { value: T; loading: boolean; error: string | null } {
  const [answer, setAnswer] = useState<Answer<T>>({ question: '', value: empty, error: null });
  const asking = useMemo(() => {
    if (question === null) return null;
    const promise = ask();
    // Failures are shown by the effect below; until it listens, the promise is not left unhandled.
    promise.catch(() => undefined);
    return promise;
    // `ask` is described by `question`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [question]);
  useEffect(() => {
    if (question === null || asking === null) return;
    let current = true;
    asking.then(
      (value) => current && setAnswer({ question, value, error: null }),
      (err: unknown) => current && setAnswer((a) => ({ question, value: a.value, error: errorMessage(err) })),
    );
    return () => {
      current = false;
    };
  }, [question, asking]);
  return { value: answer.value, loading: question !== null && answer.question !== question, error: answer.error };
}

const NO_VENUES: VenueView[] = [];
const NO_BOOKINGS: BookingView[] = [];

const TYPE_ORDER: Record<VenueView['type'], number> = { auditorium: 0, atrium: 1, meeting_room: 2 };

/**
 * Sites with more venues first (the main complex leads), and within a site the
 * auditorium, the atrium, then meeting rooms by their codes: the order of the calendar's columns.
 */
export function sortVenues(list: readonly VenueView[]): VenueView[] {
  const perSite = new Map<string, number>();
  for (const v of list) if (!v.archived) perSite.set(v.siteId, (perSite.get(v.siteId) ?? 0) + 1);
  return [...list].sort(
    (a, b) =>
      (perSite.get(b.siteId) ?? 0) - (perSite.get(a.siteId) ?? 0) ||
      a.siteId.localeCompare(b.siteId) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
}

/** All venues (archived too, so old bookings keep their names), in site and code order. */
export function useVenues(): { venues: VenueView[]; byId: ReadonlyMap<string, VenueView>; loading: boolean; error: string | null } {
  const { data, loading, error } = useApiRead('venues.list', { includeArchived: true }, { reloadOn: ['venue', 'space', 'floor', 'building', 'site'], keepPrevious: true });
  const venues = useMemo(() => sortVenues(data ?? NO_VENUES), [data]);
  const byId = useMemo(() => new Map(venues.map((v) => [v.id, v])), [venues]);
  return { venues, byId, loading, error };
}

/** Bookings whose time overlaps the query's range; null asks nothing. */
export function useBookings(query: BookingQuery | null): { bookings: BookingView[]; loading: boolean; error: string | null } {
  const version = useChangeVersion('booking', 'bookingSeries', 'venue');
  const key = query ? `${JSON.stringify(query)}|${version}` : null;
  const { value, loading, error } = useAsked(key, () => api.call('venues.bookings', query!), NO_BOOKINGS);
  return { bookings: value, loading, error };
}

/** Approved bookings that no longer fit their venue (hours, buffers or closures changed). */
export function useFlagged(): ReadonlySet<string> {
  const { data } = useApiRead('venues.flagged', {}, { reloadOn: ['booking', 'venue', 'calendarDay'], keepPrevious: true });
  return useMemo(() => new Set((data ?? []).map((f) => f.booking.id)), [data]);
}
