/** zh-TW, the language the desks work in. Each area keeps its messages in parts/. */
import { baseZh } from './parts/base';
import { inspectionsZh } from './parts/inspections';
import { shellZh } from './parts/shell';
import { settingsZh } from './parts/settings';
import { backendZh } from './parts/backend';
import { electronZh } from './parts/electron';
import { venuesZh } from './parts/venues';
import { parkingZh } from './parts/parking';
import { vehiclesZh } from './parts/vehicles';
import { vehiclesOnlineZh } from './parts/vehicles-online';
import { maintenanceZh } from './parts/maintenance';
import { syncServerZh } from './parts/sync-server';
import { securityZh } from './parts/security';
import { reportZh } from './parts/report';
import { importsZh } from './parts/imports';

/** The parts by name; a key may live in one part only (i18n.test.ts holds it: a spread would hide a second one). */
export const zhParts = {
  base: baseZh,
  shell: shellZh,
  settings: settingsZh,
  backend: backendZh,
  electron: electronZh,
  venues: venuesZh,
  parking: parkingZh,
  vehicles: vehiclesZh,
  vehiclesOnline: vehiclesOnlineZh,
  maintenance: maintenanceZh,
  inspections: inspectionsZh,
  syncServer: syncServerZh,
  security: securityZh,
  report: reportZh,
  imports: importsZh,
};

export const zhTW = {
  ...baseZh,
  ...shellZh,
  ...settingsZh,
  ...backendZh,
  ...electronZh,
  ...venuesZh,
  ...parkingZh,
  ...vehiclesZh,
  ...vehiclesOnlineZh,
  ...maintenanceZh,
  ...inspectionsZh,
  ...syncServerZh,
  ...securityZh,
  ...reportZh,
  ...importsZh,
} as const;
