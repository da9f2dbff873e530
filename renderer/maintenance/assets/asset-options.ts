/**
 * The equipment a ticket can be about, as Select options. Once the ticket has a location,
 * only its building's equipment is offered: what stands at that location first, then the
 * rest of the building (an elevator is kept in its machine room, the fault is reported
 * from the lobby). Without a location, every asset in use.
 */
import type { Asset } from '../../../domain/maintenance/assets';

export interface AssetOption {
  value: string;
  label: string;
}

export interface AssetGroup {
  label: string;
  title: string;
  options: AssetOption[];
}

/** By code the way a clerk reads tags (EL-2 before EL-10), then by name. */
export function byCode(a: Pick<Asset, 'code' | 'name'>, b: Pick<Asset, 'code' | 'name'>): number {
  return a.code.localeCompare(b.code, 'en', { numeric: true }) || a.name.localeCompare(b.name, 'zh-TW');
}

export interface TicketAssetInput {
  assets: readonly Asset[];
  spaceId: string | null | undefined;
  /** The building a space is in (undefined for an unknown space). */
  buildingOf(spaceId: string): string | undefined;
  label(asset: Asset): string;
  /** Assets the ticket already points at: offered even if archived or elsewhere. */
  keep: readonly string[];
  groupLabels: { here: string; building: string };
}

export function ticketAssetOptions({ assets, spaceId, buildingOf, label, keep, groupLabels }: TicketAssetInput): (AssetOption | AssetGroup)[] {
  const kept = new Set(keep);
  const shown = assets.filter((a) => !a.archived || kept.has(a.id)).sort(byCode);
  const option = (a: Asset): AssetOption => ({ value: a.id, label: label(a) });
  if (!spaceId) return shown.map(option);
  const building = buildingOf(spaceId);
  const here = shown.filter((a) => a.spaceId === spaceId);
  const near = shown.filter((a) => a.spaceId !== spaceId && ((building !== undefined && buildingOf(a.spaceId) === building) || kept.has(a.id)));
  return [
    { label: groupLabels.here, title: groupLabels.here, options: here.map(option) },
    { label: groupLabels.building, title: groupLabels.building, options: near.map(option) },
  ].filter((g) => g.options.length > 0);
}

/** Whether an option list offers an asset (options may be grouped). */
export function offers(options: readonly (AssetOption | AssetGroup)[], assetId: string): boolean {
  return options.some((o) => ('options' in o ? o.options.some((x) => x.value === assetId) : o.value === assetId));
}
