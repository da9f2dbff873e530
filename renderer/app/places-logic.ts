/**
 * The place tree (site → building → floor → space) as the screens show it: names in the
 * user's language, floors in the order of their level, and the one-line label
 * "site / building / floor / space" every picker uses.
 */
import type { Locale } from '../../domain/dates';
import type { Building, Floor, Site, Space } from '../../domain/entities';
import { nameOf } from '../../domain/i18n';

export type PlaceKind = 'site' | 'building' | 'floor' | 'space';

export interface PlaceLists {
  sites: readonly Site[];
  buildings: readonly Building[];
  floors: readonly Floor[];
  spaces: readonly Space[];
}

export interface PlaceIndex extends PlaceLists {
  site: ReadonlyMap<string, Site>;
  building: ReadonlyMap<string, Building>;
  floor: ReadonlyMap<string, Floor>;
  space: ReadonlyMap<string, Space>;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

export function indexPlaces(lists: PlaceLists): PlaceIndex {
  return { ...lists, site: byId(lists.sites), building: byId(lists.buildings), floor: byId(lists.floors), space: byId(lists.spaces) };
}

/** "四維行政中心 / 行政大樓 / 3F / 第一會議室"; an unknown id comes back as itself. */
export function placePath(index: PlaceIndex, spaceId: string, locale: Locale): string {
  const space = index.space.get(spaceId);
  if (!space) return spaceId;
  return [...floorPath(index, space.floorId, locale), nameOf(space, locale)].join(' / ');
}

function floorPath(index: PlaceIndex, floorId: string, locale: Locale): string[] {
  const floor = index.floor.get(floorId);
  if (!floor) return [floorId];
  return [...buildingPath(index, floor.buildingId, locale), floor.name];
}

function buildingPath(index: PlaceIndex, buildingId: string, locale: Locale): string[] {
  const building = index.building.get(buildingId);
  if (!building) return [buildingId];
  const site = index.site.get(building.siteId);
  return [site ? nameOf(site, locale) : building.siteId, nameOf(building, locale)];
}

/** The label of any place, by kind: a building reads "site / building", and so on. */
export function placeKindPath(index: PlaceIndex, kind: PlaceKind, id: string, locale: Locale): string {
  switch (kind) {
    case 'site': {
      const site = index.site.get(id);
      return site ? nameOf(site, locale) : id;
    }
    case 'building':
      return buildingPath(index, id, locale).join(' / ');
    case 'floor':
      return floorPath(index, id, locale).join(' / ');
    case 'space':
      return placePath(index, id, locale);
  }
}

const byCodeThenName = (a: { code: string; nameZh: string }, b: { code: string; nameZh: string }) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.nameZh.localeCompare(b.nameZh, 'zh-TW');

/** Floors from the lowest basement to the roof. */
export const byLevel = (a: Floor, b: Floor) => a.level - b.level || a.name.localeCompare(b.name, 'en', { numeric: true });

export interface PlaceNode {
  key: string;
  kind: PlaceKind;
  id: string;
  title: string;
  archived: boolean;
  children: PlaceNode[];
}

export const nodeKey = (kind: PlaceKind, id: string) => `${kind}:${id}`;

export function parseNodeKey(key: string): { kind: PlaceKind; id: string } | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  if (at < 0 || !['site', 'building', 'floor', 'space'].includes(kind)) return null;
  return { kind: kind as PlaceKind, id: key.slice(at + 1) };
}

/**
 * The tree the place screen shows. Without `showArchived`, an archived place is left
 * out together with everything under it.
 */
export function placeTree(lists: PlaceLists, locale: Locale, showArchived: boolean): PlaceNode[] {
  const keep = <T extends { archived: boolean }>(rows: readonly T[]) => (showArchived ? [...rows] : rows.filter((r) => !r.archived));
  const group = <T, K extends keyof T>(rows: T[], field: K) => {
    const map = new Map<T[K], T[]>();
    for (const r of rows) map.set(r[field], [...(map.get(r[field]) ?? []), r]);
    return map;
  };
  const buildingsOf = group(keep(lists.buildings).sort(byCodeThenName), 'siteId');
  const floorsOf = group(keep(lists.floors).sort(byLevel), 'buildingId');
  const spacesOf = group(keep(lists.spaces).sort(byCodeThenName), 'floorId');
  const spaceTitle = (s: Space) => (s.code ? `${s.code} ${nameOf(s, locale)}` : nameOf(s, locale));

  return keep(lists.sites)
    .sort(byCodeThenName)
    .map((site) => ({
      key: nodeKey('site', site.id),
      kind: 'site' as const,
      id: site.id,
      title: nameOf(site, locale),
      archived: site.archived,
      children: (buildingsOf.get(site.id) ?? []).map((b) => ({
        key: nodeKey('building', b.id),
        kind: 'building' as const,
        id: b.id,
        title: nameOf(b, locale),
        archived: b.archived,
        children: (floorsOf.get(b.id) ?? []).map((f) => ({
          key: nodeKey('floor', f.id),
          kind: 'floor' as const,
          id: f.id,
          title: f.name,
          archived: f.archived,
          children: (spacesOf.get(f.id) ?? []).map((s) => ({ key: nodeKey('space', s.id), kind: 'space' as const, id: s.id, title: spaceTitle(s), archived: s.archived, children: [] })),
        })),
      })),
    }));
}

/**
 * Spaces in use, as picker options labelled with their full path, in tree order. Ids in
 * `keepIds` (what a record already holds) stay listed even when archived.
 */
export function spaceOptions(index: PlaceIndex, locale: Locale, keepIds: readonly string[] = []): { value: string; label: string }[] {
  const ids = placeTree(index, locale, false).flatMap((site) => site.children.flatMap((b) => b.children.flatMap((f) => f.children.map((s) => s.id))));
  const listed = new Set(ids);
  return [...ids, ...keepIds.filter((id) => !listed.has(id))].map((id) => ({ value: id, label: placePath(index, id, locale) }));
}

/** The branches whose title holds the text (case-insensitive), with the path down to them. */
export function filterTree(nodes: readonly PlaceNode[], text: string): PlaceNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...nodes];
  return nodes.flatMap((n) => {
    if (n.title.toLowerCase().includes(needle)) return [n];
    const children = filterTree(n.children, needle);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

/** Every key in a tree, to open all its branches. */
export function allKeys(nodes: readonly PlaceNode[]): string[] {
  return nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);
}
