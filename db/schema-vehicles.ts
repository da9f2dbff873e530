/**
 * The vehicle dispatch desk's tables: the fleet and its unavailable periods, the drivers'
 * profiles and leave, trip requests and trips. The board reads trips by departure; the
 * overlap rules by vehicle and by driver.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { archived, stamps } from './columns';
import type { Attachment } from '../domain/attachments';
import type { LicenceClass, RequestSource, RequestState, TripState, VehicleStatus, VehicleType } from '../domain/vehicles/types';

export const vehicle = sqliteTable(
  'vehicle',
  {
    id: text('id').primaryKey(),
    plate: text('plate').notNull(),
    make: text('make').notNull().default(''),
    model: text('model').notNull().default(''),
    type: text('type').$type<VehicleType>().notNull(),
    seats: integer('seats').notNull(),
    garageId: text('garage_id'),
    status: text('status').$type<VehicleStatus>().notNull(),
    odometer: integer('odometer').notNull().default(0),
    insuranceDue: text('insurance_due'),
    inspectionDue: text('inspection_due'),
    licenceDue: text('licence_due'),
    fuelCard: text('fuel_card').notNull().default(''),
    notes: text('notes').notNull().default(''),
    serviceIntervalMonths: integer('service_interval_months'),
    serviceIntervalKm: integer('service_interval_km'),
    nextServiceDate: text('next_service_date'),
    nextServiceKm: integer('next_service_km'),
    serviceTicketId: text('service_ticket_id'),
    serviceCount: integer('service_count').notNull().default(0),
    ...archived,
    ...stamps,
  },
  (t) => [uniqueIndex('vehicle_plate').on(t.plate)],
);

export const vehicleUnavailable = sqliteTable(
  'vehicle_unavailable',
  {
    id: text('id').primaryKey(),
    vehicleId: text('vehicle_id').notNull(),
    from: text('from_at').notNull(),
    to: text('to_at').notNull(),
    reason: text('reason').notNull().default(''),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [index('vehicle_unavailable_vehicle').on(t.vehicleId, t.from)],
);

export const driverProfile = sqliteTable(
  'driver_profile',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    licenceClass: text('licence_class').$type<LicenceClass>().notNull(),
    licenceExpiry: text('licence_expiry'),
    phone: text('phone').notNull().default(''),
    allowedTypes: text('allowed_types', { mode: 'json' }).$type<VehicleType[]>().notNull(),
    ...archived,
    ...stamps,
  },
  (t) => [uniqueIndex('driver_profile_person').on(t.personId)],
);

export const driverLeave = sqliteTable(
  'driver_leave',
  {
    id: text('id').primaryKey(),
    driverId: text('driver_id').notNull(),
    from: text('from_at').notNull(),
    to: text('to_at').notNull(),
    reason: text('reason').notNull().default(''),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [index('driver_leave_driver').on(t.driverId, t.from)],
);

export const tripRequest = sqliteTable(
  'trip_request',
  {
    id: text('id').primaryKey(),
    source: text('source').$type<RequestSource>().notNull(),
    paperNumber: text('paper_number').notNull().default(''),
    attachments: text('attachments', { mode: 'json' }).$type<Attachment[]>().notNull().default([]),
    agencyId: text('agency_id').notNull(),
    personId: text('person_id'),
    requesterName: text('requester_name').notNull().default(''),
    passengers: integer('passengers').notNull(),
    purpose: text('purpose').notNull().default(''),
    stops: text('stops', { mode: 'json' }).$type<string[]>().notNull(),
    departAt: text('depart_at').notNull(),
    returnAt: text('return_at').notNull(),
    distanceKm: real('distance_km').notNull().default(0),
    isLoan: integer('is_loan', { mode: 'boolean' }).notNull().default(false),
    withDriver: integer('with_driver', { mode: 'boolean' }).notNull().default(true),
    state: text('state').$type<RequestState>().notNull(),
    cancelReason: text('cancel_reason').notNull().default(''),
    ...stamps,
  },
  (t) => [index('trip_request_state').on(t.state, t.departAt)],
);

export const trip = sqliteTable(
  'trip',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    vehicleId: text('vehicle_id').notNull(),
    driverId: text('driver_id'),
    agencyId: text('agency_id').notNull(),
    isLoan: integer('is_loan', { mode: 'boolean' }).notNull().default(false),
    departAt: text('depart_at').notNull(),
    returnAt: text('return_at').notNull(),
    vehicleKey: text('vehicle_key').notNull(),
    driverKey: text('driver_key').notNull().default(''),
    state: text('state').$type<TripState>().notNull(),
    actualDepartAt: text('actual_depart_at'),
    actualReturnAt: text('actual_return_at'),
    odometerOut: integer('odometer_out'),
    odometerIn: integer('odometer_in'),
    fuelLitres: real('fuel_litres'),
    tolls: integer('tolls'),
    incidents: text('incidents').notNull().default(''),
    handover: text('handover').notNull().default(''),
    conditionOnReturn: text('condition_on_return').notNull().default(''),
    ...stamps,
  },
  (t) => [index('trip_depart').on(t.departAt), index('trip_vehicle').on(t.vehicleKey, t.departAt), index('trip_driver').on(t.driverKey, t.departAt), index('trip_by_request').on(t.requestId)],
);
