/**
 * Moving a place under another parent: a room to another floor, a floor to another
 * building, a building to another site. Everything below the place moves with it, and
 * records that keep a copy of where their space hangs (a repair ticket keeps its site and
 * building, which the list filters and the period report's counting by site read) get the
 * new copy inside the same mutation. So the server re-runs it like any other write and
 * the workstations receive the changed records with it.
 *
 * Every move is allowed, a building's to another site too: buildings do not travel, so
 * such a move corrects a slip made when the building was entered, and refusing it would
 * only send the administrator the long way round (a new building, each floor moved to
 * it), with the same effect on the records below.
 */
import type { Entities, Kind } from './entities';
import type { Tx } from './mutations/tx';

/** Where a space hangs, as the records below it keep it. */
export interface PlaceCopy {
  siteId: string;
  buildingId: string;
}

type KeepsPlaceCopy = { [K in Kind]: Entities[K] extends { spaceId: string } & PlaceCopy ? K : never }[Kind];

/** The kinds that keep a copy of their space's site and building (parking areas, later, belong here too). */
export const KEEP_PLACE_COPY: readonly KeepsPlaceCopy[] = ['ticket'];

/** The site and building a space hangs under now (undefined when a link in the tree is missing). */
export async function whereSpaceHangs(tx: Tx, spaceId: string): Promise<PlaceCopy | undefined> {
  const space = await tx.get('space', spaceId);
  const floor = space && (await tx.get('floor', space.floorId));
  const building = floor && (await tx.get('building', floor.buildingId));
  return building ? { siteId: building.siteId, buildingId: building.id } : undefined;
}

export type MovablePlace = 'building' | 'floor' | 'space';

/** The spaces under a place (archived ones too: their records still count somewhere), and where they now hang. */
async function spacesUnder(tx: Tx, kind: MovablePlace, id: string): Promise<{ spaceIds: string[]; place: PlaceCopy } | null> {
  if (kind === 'space') {
    const place = await whereSpaceHangs(tx, id);
    return place ? { spaceIds: [id], place } : null;
  }
  const floors = kind === 'floor' ? [await tx.get('floor', id)].filter((f) => f !== undefined) : await tx.find('floor', { buildingId: id });
  const building = floors[0] && (await tx.get('building', floors[0].buildingId));
  if (!building) return null;
  const spaceIds: string[] = [];
  for (const floor of floors) for (const space of await tx.find('space', { floorId: floor.id })) spaceIds.push(space.id);
  return { spaceIds, place: { siteId: building.siteId, buildingId: building.id } };
}

/**
 * After a place has moved: gives every record below it that keeps a copy of its place the
 * new site and building. Records whose copy is already right are left alone.
 */
export async function followPlaceMove(tx: Tx, kind: MovablePlace, id: string, at: string): Promise<void> {
  const under = await spacesUnder(tx, kind, id);
  if (!under) return;
  const { siteId, buildingId } = under.place;
  for (const spaceId of under.spaceIds) {
    for (const holder of KEEP_PLACE_COPY) {
      for (const row of await tx.find(holder, { spaceId })) {
        if (row.siteId !== siteId || row.buildingId !== buildingId) await tx.update(holder, row.id, { siteId, buildingId, updatedAt: at });
      }
    }
  }
}
