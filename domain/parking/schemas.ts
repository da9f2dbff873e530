/** Argument schemas of the parking desk's mutations (the desk's forms check against the same). */
import { z } from 'zod';
import { businessDate } from '../mutations/calendar';
import { recordId, requiredText, text } from '../mutations/reference';
import { isPlate, normalizePlate } from '../plates';
import { MAX_PLATES, PARKING_VEHICLE_TYPES, PERMIT_TYPES } from './types';

/** A plate as typed, stored normalised; refused when it cannot be a plate. */
export const plate = z.string().max(20).transform(normalizePlate).refine(isPlate, { message: 'plate' });

export const parkingAreaFields = z.object({
  spaceId: recordId,
  capacityCar: z.number().int().min(0).max(100_000),
  capacityMotorcycle: z.number().int().min(0).max(100_000),
  permitTypes: z.array(z.enum(PERMIT_TYPES)).min(1).max(PERMIT_TYPES.length),
  notes: text(500),
});

export const permitIssueArgs = z
  .object({
    id: recordId,
    /** Filled in by the workstation from its number block. */
    number: z.string().max(40).optional(),
    type: z.enum(PERMIT_TYPES),
    areaId: recordId,
    holderPersonId: recordId.nullable().optional(),
    holderAgencyId: recordId.nullable().optional(),
    holderName: requiredText(100),
    holderTitle: text(100).optional(),
    plates: z.array(plate).min(1).max(MAX_PLATES),
    vehicleType: z.enum(PARKING_VEHICLE_TYPES),
    /** An annual permit's year. */
    year: z.number().int().min(1990).max(2200).optional(),
    /** A temporary permit's days. */
    validFrom: businessDate.optional(),
    validTo: businessDate.optional(),
    fee: z.number().int().min(0).max(1_000_000).optional(),
    /** Defaults to the day of the write (Taipei). */
    issuedOn: businessDate.optional(),
    notes: text(500).optional(),
  })
  .strict();
export type PermitIssueArgs = z.input<typeof permitIssueArgs>;

export const permitRevokeArgs = z.object({ id: recordId, reason: requiredText(300) }).strict();

export const permitReplaceArgs = z
  .object({
    id: recordId,
    /** The new permit's id. */
    newId: recordId,
    number: z.string().max(40).optional(),
    reason: requiredText(300),
  })
  .strict();

export const applicationFileArgs = z
  .object({
    id: recordId,
    agencyId: recordId,
    areaId: recordId,
    type: z.enum(PERMIT_TYPES),
    countAsked: z.number().int().min(1).max(5000),
    purpose: requiredText(200),
    year: z.number().int().min(1990).max(2200).optional(),
    validFrom: businessDate.optional(),
    validTo: businessDate.optional(),
    venueBookingId: recordId.nullable().optional(),
    plates: z.array(plate).max(5000).optional(),
    vehicleType: z.enum(PARKING_VEHICLE_TYPES).optional(),
    contactName: text(100).optional(),
  })
  .strict();
export type ApplicationFileArgs = z.input<typeof applicationFileArgs>;

/** Approves the application for the permits issued in the same batch (all asked, or part). */
export const applicationApproveArgs = z.object({ id: recordId, permitIds: z.array(recordId).min(1).max(5000) }).strict();
export const applicationRejectArgs = z.object({ id: recordId, reason: requiredText(300) }).strict();

export const quotaSetArgs = z
  .object({
    id: recordId,
    agencyId: recordId,
    siteId: recordId,
    type: z.enum(PERMIT_TYPES),
    year: z.number().int().min(1990).max(2200),
    quota: z.number().int().min(0).max(100_000),
  })
  .strict();
