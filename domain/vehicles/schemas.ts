/** Argument schemas of the dispatch desk's mutations (the desk's forms check against the same). */
import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { instant } from '../instants';
import { businessDate } from '../mutations/calendar';
import { printedNumber, recordId, requiredText, text } from '../mutations/reference';
import { isPlate, normalizePlate } from '../plates';
import { LICENCE_CLASSES, REQUEST_SOURCES, VEHICLE_STATUSES, VEHICLE_TYPES } from './types';

const plate = z.string().max(20).transform(normalizePlate).refine(isPlate, { message: 'plate' });

export const vehicleFields = z.object({
  plate,
  make: text(60),
  model: text(60),
  type: z.enum(VEHICLE_TYPES),
  seats: z.number().int().min(1).max(80),
  garageId: recordId.nullable(),
  status: z.enum(VEHICLE_STATUSES),
  odometer: z.number().int().min(0).max(5_000_000),
  insuranceDue: businessDate.nullable(),
  inspectionDue: businessDate.nullable(),
  licenceDue: businessDate.nullable(),
  fuelCard: text(40),
  notes: text(500),
  serviceIntervalMonths: z.number().int().min(1).max(120).nullable(),
  serviceIntervalKm: z.number().int().min(100).max(500_000).nullable(),
  nextServiceDate: businessDate.nullable(),
  nextServiceKm: z.number().int().min(0).max(5_000_000).nullable(),
});

export const driverFields = z.object({
  personId: recordId,
  licenceClass: z.enum(LICENCE_CLASSES),
  licenceExpiry: businessDate.nullable(),
  phone: text(40),
  allowedTypes: z.array(z.enum(VEHICLE_TYPES)).max(VEHICLE_TYPES.length),
});

export const vehicleUnavailableArgs = z.object({ id: recordId, vehicleId: recordId, from: instant, to: instant, reason: text(300).optional() }).strict();
export const driverLeaveArgs = z.object({ id: recordId, driverId: recordId, from: instant, to: instant, reason: text(300).optional() }).strict();

export const requestFileArgs = z
  .object({
    id: recordId,
    source: z.enum(REQUEST_SOURCES),
    paperNumber: text(40).optional(),
    /** The paper form's scan. */
    attachments: z.array(attachmentSchema).max(10).optional(),
    agencyId: recordId,
    personId: recordId.nullable().optional(),
    requesterName: requiredText(100),
    passengers: z.number().int().min(0).max(80),
    purpose: requiredText(300),
    stops: z.array(requiredText(100)).min(1).max(12),
    departAt: instant,
    returnAt: instant,
    distanceKm: z.number().min(0).max(5_000),
    isLoan: z.boolean().optional(),
    withDriver: z.boolean().optional(),
  })
  .strict();

export const requestCancelArgs = z.object({ id: recordId, reason: requiredText(300) }).strict();
export const tripAssignArgs = z.object({ id: recordId, requestId: recordId, vehicleId: recordId, driverId: recordId.nullable().optional() }).strict();
export const tripIdArgs = z.object({ id: recordId }).strict();
export const tripCancelArgs = z.object({ id: recordId, reason: requiredText(300) }).strict();
/** Opens the vehicle's service work item on the maintenance desk; the ticket's number comes from the workstation's leased block. */
export const vehicleOpenServiceArgs = z.object({ id: recordId, number: printedNumber.optional() }).strict();

export const tripLogArgs = z
  .object({
    id: recordId,
    actualDepartAt: instant.nullable().optional(),
    actualReturnAt: instant.nullable().optional(),
    odometerOut: z.number().int().min(0).max(5_000_000).nullable().optional(),
    odometerIn: z.number().int().min(0).max(5_000_000).nullable().optional(),
    fuelLitres: z.number().min(0).max(2_000).nullable().optional(),
    tolls: z.number().int().min(0).max(100_000).nullable().optional(),
    incidents: text(1000).optional(),
    handover: text(500).optional(),
    conditionOnReturn: text(500).optional(),
  })
  .strict();
