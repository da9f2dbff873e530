/**
 * Assets (設備): equipment at a location that is maintained and repaired, such as
 * elevators, AC units, pumps and fire alarm panels. Its history is the tickets about it
 * (the ticket's assetId) and the rounds of the plans that look after it.
 */
import type { BusinessDate } from '../dates';
import type { TicketCategory } from './tickets';

/** 電梯 / 空調機 / 冰水主機 / 泵浦 / 火警受信總機 / 發電機 / 其他 */
export const ASSET_KINDS = ['elevator', 'ac_unit', 'chiller', 'pump', 'fire_panel', 'generator', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** The trade that repairs each kind: a ticket about the asset gets it by default. */
export const ASSET_CATEGORY: Readonly<Record<AssetKind, TicketCategory>> = {
  elevator: 'elevator',
  ac_unit: 'hvac',
  chiller: 'hvac',
  pump: 'plumbing',
  fire_panel: 'fire',
  generator: 'plumbing',
  other: 'other',
};

export interface Asset {
  id: string;
  /** 財產編號 or the desk's own tag. */
  code: string;
  name: string;
  kind: AssetKind;
  spaceId: string;
  /** 廠牌 / 型號 / 序號 */
  make: string;
  model: string;
  serialNo: string;
  installedOn: BusinessDate | null;
  /** Who maintains it: a contractor's person or a technician. */
  maintainerId: string | null;
  note: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
