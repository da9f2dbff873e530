/**
 * The reference data every desk shares (places, agencies, people, users, the calendar),
 * archived records included so old tickets still show their names. A kind is loaded the
 * first time a screen asks for it and reloaded whenever the backend says it changed.
 *
 *   const places = usePlaces();            // { sites, buildings, floors, spaces, … }
 *   const label = usePlaceLabel();         // label(spaceId) → "site / building / floor / space"
 *   const { agencies } = useAgencies();    // archived included; filter with `active()`
 */
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { Entities, Kind } from '../../domain/entities';
import { calendarExceptionsOf, type CalendarExceptions } from '../../domain/working-days';
import { api } from './api';
import { useLocale } from './i18n';
import { useShell } from './store';
import { indexPlaces, placePath, spaceOptions, type PlaceIndex } from './places-logic';

type Lists = { [K in Kind]?: Entities[K][] };

interface ReferenceState {
  lists: Lists;
  /** Why the last load of a kind failed, if it did. */
  errors: Partial<Record<Kind, string>>;
}

export const useReference = create<ReferenceState>(() => ({ lists: {}, errors: {} }));

const requested = new Set<Kind>();
const generation = new Map<Kind, number>();
let listening = false;

async function load(kind: Kind): Promise<void> {
  // A slower, older answer must not overwrite a newer one.
  const mine = (generation.get(kind) ?? 0) + 1;
  generation.set(kind, mine);
  try {
    const rows = await api.call('records.list', { kind, includeArchived: true });
    if (generation.get(kind) !== mine) return;
    useReference.setState((s) => ({ lists: { ...s.lists, [kind]: rows }, errors: { ...s.errors, [kind]: undefined } }));
  } catch (e) {
    if (generation.get(kind) !== mine) return;
    useReference.setState((s) => ({ errors: { ...s.errors, [kind]: e instanceof Error ? e.message : String(e) } }));
  }
}

// The shell turns the backend's 'changed' events into per-kind versions; follow those.
function listen() {
  if (listening) return;
  listening = true;
  useShell.subscribe((now, before) => {
    if (now.versions === before.versions) return;
    for (const kind of requested) if (now.versions[kind] !== before.versions[kind]) void load(kind);
  });
}

/** Loads the kinds not loaded yet; safe to call on every render. */
export function ensureLoaded(kinds: readonly Kind[]): void {
  listen();
  for (const kind of kinds) {
    if (requested.has(kind)) continue;
    requested.add(kind);
    void load(kind);
  }
}

/** Reloads kinds already in use: after a write (so the screen never waits on the event) or a restore. */
export async function refreshReference(kinds: readonly Kind[] = [...requested]): Promise<void> {
  await Promise.all(kinds.filter((k) => requested.has(k)).map(load));
}

const EMPTY: never[] = [];

/** All records of a kind, archived included; [] until loaded. */
export function useReferenceRecords<K extends Kind>(kind: K): Entities[K][] {
  useEffect(() => ensureLoaded([kind]), [kind]);
  return useReference((s) => (s.lists[kind] as Entities[K][] | undefined) ?? EMPTY);
}

/** Whether a kind has arrived yet (for a loading state instead of an empty one). */
export function useLoaded(...kinds: Kind[]): boolean {
  return useReference((s) => kinds.every((k) => s.lists[k] !== undefined));
}

export const active = <T extends { archived: boolean }>(rows: readonly T[]): T[] => rows.filter((r) => !r.archived);

export function usePlaces(): PlaceIndex {
  const sites = useReferenceRecords('site');
  const buildings = useReferenceRecords('building');
  const floors = useReferenceRecords('floor');
  const spaces = useReferenceRecords('space');
  return useMemo(() => indexPlaces({ sites, buildings, floors, spaces }), [sites, buildings, floors, spaces]);
}

/** `label(spaceId)` → "四維行政中心 / 行政大樓 / 3F / 第一會議室" in the user's language. */
export function usePlaceLabel(): (spaceId: string) => string {
  const places = usePlaces();
  const locale = useLocale((s) => s.locale);
  return useMemo(() => (spaceId: string) => placePath(places, spaceId, locale), [places, locale]);
}

/** Spaces in use as Select options labelled with their full path; `keepIds` stay even if archived. */
export function useSpaceOptions(keepIds: readonly string[] = EMPTY): { value: string; label: string }[] {
  const places = usePlaces();
  const locale = useLocale((s) => s.locale);
  return useMemo(() => spaceOptions(places, locale, keepIds), [places, locale, keepIds]);
}

/** The label of a space from what is loaded now, for code outside components. */
export function placeLabel(spaceId: string): string {
  const { lists } = useReference.getState();
  const index = indexPlaces({ sites: lists.site ?? [], buildings: lists.building ?? [], floors: lists.floor ?? [], spaces: lists.space ?? [] });
  return placePath(index, spaceId, useLocale.getState().locale);
}

export function useAgencies(): { agencies: Entities['agency'][]; offices: Entities['agencyOffice'][]; byId: ReadonlyMap<string, Entities['agency']> } {
  const agencies = useReferenceRecords('agency');
  const offices = useReferenceRecords('agencyOffice');
  return useMemo(() => ({ agencies, offices, byId: new Map(agencies.map((a) => [a.id, a])) }), [agencies, offices]);
}

export function usePeople(): { people: Entities['person'][]; byId: ReadonlyMap<string, Entities['person']> } {
  const people = useReferenceRecords('person');
  return useMemo(() => ({ people, byId: new Map(people.map((p) => [p.id, p])) }), [people]);
}

export function useUsers(): Entities['user'][] {
  return useReferenceRecords('user');
}

export function useCalendarDays(): Entities['calendarDay'][] {
  return useReferenceRecords('calendarDay');
}

/** The working-day exceptions, as every desk's rules take them. */
export function useCalendarExceptions(): CalendarExceptions {
  const days = useCalendarDays();
  return useMemo(() => calendarExceptionsOf(days), [days]);
}
