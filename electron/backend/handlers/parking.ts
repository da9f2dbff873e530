/** The parking desk's read calls. */
import { gateLookup, listPermits, parkingFiguresOf } from '../../../db/queries/parking';
import type { parkingCalls } from '../../../domain/parking/calls';
import type { HandlerMap } from '../workstation';

export const parkingHandlers: Pick<HandlerMap, keyof typeof parkingCalls> = {
  'parking.areas': (ws, { includeArchived }) => {
    const areas = ws.runner.records.findSync('parkingArea', {});
    return includeArchived ? areas : areas.filter((a) => !a.archived);
  },
  'parking.permits': (ws, filter) => listPermits(ws.db, filter),
  'parking.gateLookup': (ws, { plate, siteId }) => gateLookup(ws.db, plate, siteId, ws.locale),
  'parking.figures': (ws, period) => parkingFiguresOf(ws.db, period),
};
