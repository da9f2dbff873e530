/**
 * Assets (設備) for any screen, archived included so old records still show their names:
 *
 *   const { assets, byId } = useAssets();
 *   const options = useAssetOptions(spaceId);  // for a Select: that place's assets first
 *
 * The ticket form offers "which equipment" with useAssetOptions(the ticket's space).
 */
import { useMemo } from 'react';
import type { Asset } from '../../../domain/maintenance/assets';
import { useT } from '../../app/i18n';
import { usePlaceLabel, useReferenceRecords } from '../../settings/store';

export function useAssets(): { assets: Asset[]; byId: ReadonlyMap<string, Asset> } {
  const assets = useReferenceRecords('asset');
  return useMemo(() => ({ assets, byId: new Map(assets.map((a) => [a.id, a])) }), [assets]);
}

export interface AssetOption {
  value: string;
  label: string;
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
      .sort((a, b) => here(a) - here(b) || a.code.localeCompare(b.code, 'en', { numeric: true }) || a.name.localeCompare(b.name, 'zh-TW'))
      .map((a) => ({ value: a.id, label: `${assetLabel(a)}（${placeLabel(a.spaceId)}）${a.archived ? t('inspections.archivedMark') : ''}` }));
  }, [assets, spaceId, keep, placeLabel, t]);
}
