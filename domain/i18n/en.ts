/** English, the second language. Every zh-TW key must be here (the type check says so). */
import type { zhTW } from './zh-TW';
import { baseEn } from './parts/base';
import { inspectionsEn } from './parts/inspections';
import { shellEn } from './parts/shell';
import { settingsEn } from './parts/settings';
import { backendEn } from './parts/backend';
import { electronEn } from './parts/electron';
import { venuesEn } from './parts/venues';
import { parkingEn } from './parts/parking';
import { vehiclesEn } from './parts/vehicles';
import { vehiclesOnlineEn } from './parts/vehicles-online';
import { maintenanceEn } from './parts/maintenance';
import { syncServerEn } from './parts/sync-server';
import { securityEn } from './parts/security';
import { reportEn } from './parts/report';
import { importsEn } from './parts/imports';

/** The parts by name, as in zh-TW.ts; a key may live in one part only. */
export const enParts = {
  base: baseEn,
  shell: shellEn,
  settings: settingsEn,
  backend: backendEn,
  electron: electronEn,
  venues: venuesEn,
  parking: parkingEn,
  vehicles: vehiclesEn,
  vehiclesOnline: vehiclesOnlineEn,
  maintenance: maintenanceEn,
  inspections: inspectionsEn,
  syncServer: syncServerEn,
  security: securityEn,
  report: reportEn,
  imports: importsEn,
};

export const en: Record<keyof typeof zhTW, string> = {
  ...baseEn,
  ...shellEn,
  ...settingsEn,
  ...backendEn,
  ...electronEn,
  ...venuesEn,
  ...parkingEn,
  ...vehiclesEn,
  ...vehiclesOnlineEn,
  ...maintenanceEn,
  ...inspectionsEn,
  ...syncServerEn,
  ...securityEn,
  ...reportEn,
  ...importsEn,
};
