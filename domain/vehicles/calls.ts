/** The dispatch desk's read calls: each one's argument schema and who may make it, and what each answers. */

import { defineCall, DESK_READERS, periodArgs } from '../call';
import type { VehicleFigures } from './figures';

export const vehicleCalls = {
  /** Trip counts for the period report (DOMAIN.md, "Vehicle trips"). */
  'vehicles.figures': defineCall(periodArgs, DESK_READERS),
} as const;

export interface VehicleResults {
  'vehicles.figures': VehicleFigures;
}
