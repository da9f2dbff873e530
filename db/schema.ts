/**
 * The workstation's SQLite schema. Synced records (one table per kind in
 * domain/entities.ts) and the workstation's own bookkeeping: the outbox of mutations
 * waiting to sync, the audit trail, cached password verifiers and settings.
 * Change it, then `npm run db:generate`; migrations are append-only.
 */

import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps, archived } from './columns';
import type { DayKind, PersonKind, SpaceKind } from '../domain/entities';
import type { Role } from '../domain/roles';
import { asset, inspectionPlan, inspectionResult, inspectionRound, project, projectPhase } from './schema-inspections';

export * from './schema-inspections';
import { slaRule, ticket, ticketComment, ticketCost, ticketStatusChange } from './schema-maintenance';

export * from './schema-maintenance';
import { booking, bookingSeries, venue } from './schema-venues';
import { parkingArea, parkingQuota, permit, permitApplication, permitPlate } from './schema-parking';
import { driverLeave, driverProfile, trip, tripRequest, vehicle, vehicleUnavailable } from './schema-vehicles';

export * from './schema-venues';
export * from './schema-parking';
export * from './schema-vehicles';

export const site = sqliteTable('site', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull().default(''),
  address: text('address').notNull().default(''),
  ...archived,
  ...stamps,
});

export const building = sqliteTable(
  'building',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => site.id),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    ...archived,
    ...stamps,
  },
  (t) => [index('building_site').on(t.siteId)],
);

export const floor = sqliteTable(
  'floor',
  {
    id: text('id').primaryKey(),
    buildingId: text('building_id')
      .notNull()
      .references(() => building.id),
    name: text('name').notNull(),
    /** Sort order from the sign's name (B1 = -1); added in migration 0001 from existing names. */
    level: integer('level').notNull().default(0),
    ...archived,
    ...stamps,
  },
  (t) => [index('floor_building').on(t.buildingId)],
);

export const space = sqliteTable(
  'space',
  {
    id: text('id').primaryKey(),
    floorId: text('floor_id')
      .notNull()
      .references(() => floor.id),
    code: text('code').notNull().default(''),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind').$type<SpaceKind>().notNull(),
    capacity: integer('capacity'),
    ...archived,
    ...stamps,
  },
  (t) => [index('space_floor').on(t.floorId)],
);

export const agency = sqliteTable('agency', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull().default(''),
  shortName: text('short_name').notNull().default(''),
  phone: text('phone').notNull().default(''),
  ...archived,
  ...stamps,
});

export const agencyOffice = sqliteTable(
  'agency_office',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agency.id),
    spaceId: text('space_id')
      .notNull()
      .references(() => space.id),
    ...stamps,
  },
  (t) => [index('agency_office_agency').on(t.agencyId), index('agency_office_space').on(t.spaceId)],
);

export const person = sqliteTable(
  'person',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<PersonKind>().notNull(),
    agencyId: text('agency_id').references(() => agency.id),
    company: text('company').notNull().default(''),
    title: text('title').notNull().default(''),
    phoneExt: text('phone_ext').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    ...archived,
    ...stamps,
  },
  (t) => [index('person_agency').on(t.agencyId)],
);

export const user = sqliteTable(
  'app_user',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    personId: text('person_id').references(() => person.id),
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    ...archived,
    ...stamps,
  },
  (t) => [uniqueIndex('app_user_username').on(t.username)],
);

export const calendarDay = sqliteTable('calendar_day', {
  id: text('id').primaryKey(),
  date: text('date').notNull(),
  kind: text('kind').$type<DayKind>().notNull(),
  name: text('name').notNull().default(''),
  ...stamps,
});

/** Mutations applied here and not yet confirmed by the server, in the order they were made. */
export const outbox = sqliteTable(
  'outbox',
  {
    /** Local order of the writes; (clientId, mutationId) is what the server sees. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** A restored workstation keeps its old pending writes under the old client id. */
    clientId: text('client_id').notNull(),
    mutationId: integer('mutation_id').notNull(),
    name: text('name').notNull(),
    args: text('args', { mode: 'json' }).notNull(),
    userId: text('user_id').notNull(),
    at: text('at').notNull(),
    /** Before-images of the rows the mutation touched, to roll back its optimistic effect. */
    undo: text('undo', { mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('outbox_client_mutation').on(t.clientId, t.mutationId)],
);

/**
 * Writes the server has processed, kept a while after they left the outbox: should the
 * server be restored from a backup older than them, they are pushed again
 * (electron/backend/sync/sync-client.ts), so no write is lost.
 */
export const sentMutation = sqliteTable(
  'sent_mutation',
  {
    clientId: text('client_id').notNull(),
    mutationId: integer('mutation_id').notNull(),
    name: text('name').notNull(),
    args: text('args', { mode: 'json' }).notNull(),
    userId: text('user_id').notNull(),
    at: text('at').notNull(),
    /** When a pull said the server had processed it. */
    sentAt: text('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] }), index('sent_mutation_sent_at').on(t.sentAt)],
);

/** Who changed what, when: old → new per field. Synced data: the record's history. */
export const audit = sqliteTable(
  'audit',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    clientId: text('client_id').notNull(),
    mutationId: integer('mutation_id').notNull(),
    mutation: text('mutation').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    op: text('op').$type<'create' | 'update' | 'delete'>().notNull(),
    changes: text('changes', { mode: 'json' }).$type<Record<string, [unknown, unknown]>>().notNull(),
  },
  (t) => [index('audit_record').on(t.kind, t.recordId, t.at)],
);

/** Password verifiers (scrypt) of users who signed in here. Never synced, never logged. */
export const credential = sqliteTable('credential', {
  userId: text('user_id').primaryKey(),
  verifier: text('verifier').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The workstation's own settings: client id, mutation counter, language… */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const kindTables = {
  site,
  building,
  floor,
  space,
  agency,
  agencyOffice,
  person,
  user,
  calendarDay,
  venue,
  bookingSeries,
  booking,
  ticket,
  ticketStatusChange,
  ticketComment,
  ticketCost,
  slaRule,
  inspectionPlan,
  inspectionRound,
  inspectionResult,
  project,
  projectPhase,
  asset,
  parkingArea,
  permit,
  permitPlate,
  permitApplication,
  parkingQuota,
  vehicle,
  vehicleUnavailable,
  driverProfile,
  driverLeave,
  tripRequest,
  trip,
} as const;

/**
 * Writes the server refused. What the user typed stays here, with the server's reason,
 * until the user edits and resubmits it or discards it: nothing is dropped silently.
 */
export const needsAttention = sqliteTable('needs_attention', {
  id: text('id').primaryKey(),
  clientId: text('client_id').notNull(),
  mutationId: integer('mutation_id').notNull(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).notNull(),
  userId: text('user_id').notNull(),
  /** When the user made the change. */
  at: text('at').notNull(),
  /** { code, params, field? } as the server sent it; rendered in the reader's language. */
  problem: text('problem', { mode: 'json' }).notNull(),
  /** The record the write collided with, when the server named one. */
  conflict: text('conflict', { mode: 'json' }),
  refusedAt: text('refused_at').notNull(),
});

/**
 * Blocks of printed numbers this workstation may give out, per kind and year. A
 * workstation working alone leases blocks from itself; one joined to a server gets them
 * from the server's sequence.
 */
export const numberLease = sqliteTable(
  'number_lease',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    fromN: integer('from_n').notNull(),
    toN: integer('to_n').notNull(),
    nextN: integer('next_n').notNull(),
    source: text('source').$type<'local' | 'server'>().notNull(),
  },
  (t) => [index('number_lease_kind_year').on(t.kind, t.year)],
);
