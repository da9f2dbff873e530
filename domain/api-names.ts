/**
 * The names of the workstation API's calls, apart from their schemas so that the
 * sandboxed Electron preload can check a name without bundling zod.
 */
export const API_NAMES = [
  'app.info',
  'app.setLocale',
  'app.setAutoLock',
  'auth.status',
  'auth.login',
  'auth.lock',
  'auth.logout',
  'auth.createFirstAdmin',
  'auth.setPassword',
  'mutate',
  'records.list',
  'records.get',
  'records.history',
  'status.get',
  'sync.join',
  'sync.now',
  'attention.list',
  'attention.discard',
  'attention.resubmit',
  'demo.load',
  'demo.dismiss',
  'backup.list',
  'backup.create',
  'backup.restore',
  'import.preview',
  'import.commit',
  'import.template',
  'calendar.importCsv',
  // venues
  'venues.list',
  'venues.bookings',
  'venues.booking',
  'venues.check',
  'venues.freeSlots',
  'venues.competing',
  'venues.flagged',
  'venues.displaced',
  'venues.figures',
  'venues.ical',
  'venues.export',
] as const;

export type ApiName = (typeof API_NAMES)[number];
