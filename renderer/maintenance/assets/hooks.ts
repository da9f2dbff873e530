/**
 * Assets (設備) for any screen, archived included so old records still show their names:
 *
 *   const { assets, byId } = useAssets();
 *   const options = useAssetOptions(spaceId);  // for a Select: that place's assets first
 *   const options = useTicketAssetOptions(spaceId, keepIds);  // the ticket form: that place's building only
 */
import { useMemo } from 'react';
import type { Asset } from '../../../domain/maintenance/assets';
import { useT } from '../../app/i18n';
import { usePlaceLabel, usePlaces, useReferenceRecords } from '../../app/reference';
import { usePlaceShort } from '../labels';
import { byCode, ticketAssetOptions, type AssetGroup, type AssetOption } from './asset-options';

export type { AssetGroup, AssetOption };

export function useAssets(): { assets: Asset[]; byId: ReadonlyMap<string, Asset> } {
  const assets = useReferenceRecords('asset');
  return useMemo(() => ({ assets, byId: new Map(assets.map((a) => [a.id, a])) }), [assets]);
}

/** `code name (place)`; an asset's code is left out when it has none. */
export function assetLabel(asset: Pick<Asset, 'code' | 'name'>): string {
  return asset.code ? `${asset.code} ${asset.name}` : asset.name;
}

/**
 * Assets in use as options: at `spaceId` first (when given), then the rest; `keepIds`
 * stay even if archived (a record that already points at one).
 */
export function useAssetOptions(spaceId?: string | null, keepIds: readonly string[] = []): AssetOption[] {
  const { assets } = useAssets();
  const placeLabel = usePlaceLabel();
  const t = useT();
  const keep = keepIds.join('|');
  return useMemo(() => {
    const kept = new Set(keep ? keep.split('|') : []);
    const shown = assets.filter((a) => !a.archived || kept.has(a.id));
    const here = (a: Asset) => (spaceId && a.spaceId === spaceId ? 0 : 1);
    return [...shown]
      .sort((a, b) => here(a) - here(b) || byCode(a, b))
      .map((a) => ({ value: a.id, label: `${assetLabel(a)}（${placeLabel(a.spaceId)}）${a.archived ? t('inspections.archivedMark') : ''}` }));
  }, [assets, spaceId, keep, placeLabel, t]);
}

/** The ticket form's equipment: once a location is chosen, its building's, that location's first. */
export function useTicketAssetOptions(spaceId: string | null | undefined, keepIds: readonly string[]): (AssetOption | AssetGroup)[] {
  const { assets } = useAssets();
  const places = usePlaces();
  const placeShort = usePlaceShort();
  const t = useT();
  const keep = keepIds.join('|');
  return useMemo(() => {
    const buildingOf = (id: string) => {
      const space = places.space.get(id);
      return space ? places.floor.get(space.floorId)?.buildingId : undefined;
    };
    return ticketAssetOptions({
      assets,
      spaceId,
      buildingOf,
      label: (a) => `${assetLabel(a)}（${placeShort(a.spaceId).short}）${a.archived ? t('inspections.archivedMark') : ''}`,
      keep: keep ? keep.split('|') : [],
      groupLabels: { here: t('maint.form.assetsHere'), building: t('maint.form.assetsInBuilding') },
    });
  }, [assets, spaceId, places, placeShort, keep, t]);
}
