/**
 * The desks, registered once for the screens: the navigation, Alt+1…Alt+6, the command
 * palette and the 待處理 drawer read this list. A new desk adds its id to DESKS
 * (app/desks.ts) and its declaration here (docs/adding-a-desk.md).
 */
import type { Role } from '../domain/roles';
import { DESKS, type Desk, type DeskEntry } from './app/desks';
import { maintenanceDesk } from './maintenance/desk';
import { parkingDesk } from './parking/desk';
import { reportDesk } from './reports/desk';
import { settingsDesk } from './settings/desk';
import { vehiclesDesk } from './vehicles/desk';
import { venueDesk } from './venues/desk';

export const DESK_ENTRIES: Readonly<Record<Desk, DeskEntry>> = {
  maintenance: maintenanceDesk,
  venues: venueDesk,
  parking: parkingDesk,
  vehicles: vehiclesDesk,
  reports: reportDesk,
  settings: settingsDesk,
};

/** The desks a user with these roles sees, in the navigation's order. */
export function desksFor(roles: readonly Role[]): DeskEntry[] {
  return DESKS.map((d) => DESK_ENTRIES[d]).filter((d) => !d.roles || d.roles.some((r) => roles.includes(r)));
}
