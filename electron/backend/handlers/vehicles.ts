/** The dispatch desk's call handlers. */
import { vehicleFiguresOf } from '../../../db/queries/vehicles';
import type { vehicleCalls } from '../../../domain/vehicles/calls';
import type { HandlerMap } from '../workstation';

export const vehicleHandlers: Pick<HandlerMap, keyof typeof vehicleCalls> = {
  'vehicles.figures': (ws, period) => vehicleFiguresOf(ws.db, period),
};
