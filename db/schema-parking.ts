/**
 * The parking desk's tables: parking areas, permits, and one row per plate of a permit.
 * The gate looks plates up by site and plate (and by any part of a plate, from the
 * plate index); the overlap rule by hold key and days.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stamps } from './columns';
import type { ApplicationState, ParkingVehicleType, PermitStatus, PermitType } from '../domain/parking/types';

export const parkingArea = sqliteTable(
  'parking_area',
  {
    id: text('id').primaryKey(),
    spaceId: text('space_id').notNull(),
    capacityCar: integer('capacity_car').notNull(),
    capacityMotorcycle: integer('capacity_motorcycle').notNull(),
    permitTypes: text('permit_types', { mode: 'json' }).$type<PermitType[]>().notNull(),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [uniqueIndex('parking_area_space').on(t.spaceId)],
);

export const permit = sqliteTable(
  'permit',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    type: text('type').$type<PermitType>().notNull(),
    siteId: text('site_id').notNull(),
    areaId: text('area_id').notNull(),
    holderPersonId: text('holder_person_id'),
    holderAgencyId: text('holder_agency_id'),
    holderName: text('holder_name').notNull(),
    holderTitle: text('holder_title').notNull().default(''),
    plates: text('plates', { mode: 'json' }).$type<string[]>().notNull(),
    vehicleType: text('vehicle_type').$type<ParkingVehicleType>().notNull(),
    year: integer('year'),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    fee: integer('fee').notNull().default(0),
    issuedOn: text('issued_on').notNull(),
    status: text('status').$type<PermitStatus>().notNull(),
    revokedReason: text('revoked_reason').notNull().default(''),
    replacesId: text('replaces_id'),
    replacedById: text('replaced_by_id'),
    notes: text('notes').notNull().default(''),
    ...stamps,
  },
  (t) => [
    uniqueIndex('permit_number').on(t.number),
    // The figures: annual ones by year, temporary ones by the day they were issued (each from the index alone).
    index('permit_type_year').on(t.type, t.year, t.status, t.siteId, t.issuedOn),
    index('permit_type_issued').on(t.type, t.issuedOn, t.status, t.siteId, t.year),
    index('permit_valid_to').on(t.status, t.validTo),
    index('permit_agency').on(t.holderAgencyId),
  ],
);

export const permitPlate = sqliteTable(
  'permit_plate',
  {
    id: text('id').primaryKey(),
    permitId: text('permit_id').notNull(),
    permitNumber: text('permit_number').notNull(),
    siteId: text('site_id').notNull(),
    plate: text('plate').notNull(),
    holdKey: text('hold_key').notNull(),
    heldFrom: text('held_from').notNull(),
    heldTo: text('held_to').notNull(),
    valid: integer('valid', { mode: 'boolean' }).notNull(),
    ...stamps,
  },
  (t) => [index('permit_plate_hold').on(t.holdKey, t.heldFrom), index('permit_plate_of').on(t.permitId), index('permit_plate_plate').on(t.plate)],
);

export const permitApplication = sqliteTable(
  'permit_application',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    siteId: text('site_id').notNull(),
    areaId: text('area_id').notNull(),
    type: text('type').$type<PermitType>().notNull(),
    countAsked: integer('count_asked').notNull(),
    purpose: text('purpose').notNull(),
    year: integer('year'),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    venueBookingId: text('venue_booking_id'),
    plates: text('plates', { mode: 'json' }).$type<string[]>().notNull(),
    vehicleType: text('vehicle_type').$type<ParkingVehicleType>().notNull(),
    contactName: text('contact_name').notNull().default(''),
    state: text('state').$type<ApplicationState>().notNull(),
    approvedCount: integer('approved_count').notNull().default(0),
    permitIds: text('permit_ids', { mode: 'json' }).$type<string[]>().notNull(),
    rejectedReason: text('rejected_reason').notNull().default(''),
    filedOn: text('filed_on').notNull(),
    ...stamps,
  },
  (t) => [index('permit_application_state').on(t.state), index('permit_application_booking').on(t.venueBookingId)],
);

export const parkingQuota = sqliteTable(
  'parking_quota',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull(),
    siteId: text('site_id').notNull(),
    type: text('type').$type<PermitType>().notNull(),
    year: integer('year').notNull(),
    quota: integer('quota').notNull(),
    ...stamps,
  },
  (t) => [uniqueIndex('parking_quota_of').on(t.agencyId, t.siteId, t.type, t.year)],
);
