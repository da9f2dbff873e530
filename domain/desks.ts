/**
 * The desks, registered once. Everything that serves every desk (the API, the mutations,
 * the span table, the report) reads them from here; a new desk is one more line in each
 * list below (docs/adding-a-desk.md).
 */
import type { DeskModule } from './desk';
import { maintenanceDesk } from './maintenance/desk';
import type { MaintenanceResults } from './maintenance/calls';
import { parkingDesk } from './parking/desk';
import type { ParkingResults } from './parking/calls';
import { vehiclesDesk } from './vehicles/desk';
import type { VehicleResults } from './vehicles/calls';
import type { SpanDeclaration } from './spans';
import { venueDesk } from './venues/desk';
import type { VenueResults } from './venues/calls';

export const DESK_MODULES: readonly DeskModule[] = [maintenanceDesk, venueDesk, parkingDesk, vehiclesDesk];

/** Every desk's read calls, spread so their names and schemas keep their types. */
export const deskCalls = { ...maintenanceDesk.calls, ...venueDesk.calls, ...parkingDesk.calls, ...vehiclesDesk.calls };

/** What each desk call answers. */
export interface DeskResults extends MaintenanceResults, VenueResults, ParkingResults, VehicleResults {}

/** Every desk's mutations, in a list whose element type keeps each name and schema. */
export const deskMutations = [...maintenanceDesk.mutations, ...venueDesk.mutations, ...parkingDesk.mutations, ...vehiclesDesk.mutations];

/** Every desk's spreadsheet imports (the shared reference data's are in domain/imports). */
export const deskImports = DESK_MODULES.flatMap((d) => d.imports ?? []);

/** Every declared span (the sync server keeps them in its span table). */
export const SPANS: readonly SpanDeclaration[] = DESK_MODULES.flatMap((d) => d.spans);

export const spanKinds: ReadonlySet<string> = new Set(SPANS.map((s) => s.kind));

export function spansOfKind(kind: string): SpanDeclaration[] {
  return SPANS.filter((s) => s.kind === kind);
}

/** The declaration whose resource, start and end fields are these (the one an overlap query can use). */
export function spanDeclaration(kind: string, resourceField: string, startField: string, endField: string): SpanDeclaration | undefined {
  return SPANS.find((s) => s.kind === kind && s.resourceField === resourceField && s.startField === startField && s.endField === endField);
}
