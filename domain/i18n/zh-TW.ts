/** zh-TW, the language the desks work in. Each area keeps its messages in parts/. */
import { baseZh } from './parts/base';
import { inspectionsZh } from './parts/inspections';
import { shellZh } from './parts/shell';
import { settingsZh } from './parts/settings';
import { backendZh } from './parts/backend';
import { electronZh } from './parts/electron';
import { venuesZh } from './parts/venues';
import { maintenanceZh } from './parts/maintenance';
import { syncServerZh } from './parts/sync-server';

export const zhTW = { ...baseZh, ...shellZh, ...settingsZh, ...backendZh, ...electronZh, ...venuesZh, ...maintenanceZh, ...inspectionsZh, ...syncServerZh } as const;
