/** Argument schemas of the venue desk's mutations (the UI's forms check against the same). */
import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { instant } from '../instants';
import { businessDate } from '../mutations/calendar';
import { recordId, requiredText, text } from '../mutations/reference';
import { ACTIVITY_TYPES, BOOKABLE_BY, EQUIPMENT, VENUE_TYPES, type ApprovalLevels } from './types';

export { businessDate };

/** Taipei wall-clock time 'HH:MM'; '24:00' means the end of the day. */
export const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const money = z.number().int().min(0).max(10_000_000);
const equipmentList = z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length);
const reason = requiredText(300);
/** Scanned letters and their enclosures of one application. */
export const MAX_BOOKING_ATTACHMENTS = 20;

export const closureSchema = z
  .object({ from: businessDate, to: businessDate, reason: requiredText(100) })
  .strict()
  .refine((c) => c.from <= c.to, { message: 'closure', path: ['to'] });

export const venueFields = z.object({
  spaceId: recordId,
  type: z.enum(VENUE_TYPES),
  capacity: z.number().int().min(1).max(100_000),
  equipment: equipmentList,
  opensAt: clockTime,
  closesAt: clockTime,
  bufferBefore: minutes,
  bufferAfter: minutes,
  approvalLevels: z
    .number()
    .int()
    .min(0)
    .max(2)
    .transform((n) => n as ApprovalLevels),
  bookableBy: z.enum(BOOKABLE_BY),
  fee: money,
  deposit: money,
  closures: z.array(closureSchema).max(200),
  notes: text(500),
});

export const venueCreateArgs = venueFields.extend({ id: recordId }).strict();
export const venueUpdateArgs = venueFields.omit({ spaceId: true }).partial().extend({ id: recordId }).strict();

/** A supervisor's override of the opening hours, a closure, a holiday or an approved booking in the way. */
export const overrideSchema = z.object({ reason }).strict();

const particulars = {
  venueId: recordId,
  applicantAgencyId: recordId.nullable(),
  applicantOrg: text(100),
  contactName: requiredText(50),
  contactPhone: requiredText(30),
  eventName: requiredText(100),
  activityType: z.enum(ACTIVITY_TYPES),
  attendees: z.number().int().min(1).max(100_000),
  equipment: equipmentList,
  letterNo: text(60),
  attachments: z.array(attachmentSchema).max(MAX_BOOKING_ATTACHMENTS),
  fee: money,
  feeWaived: z.boolean(),
  notes: text(1000),
};

const bufferAsk = { bufferBefore: minutes.optional(), bufferAfter: minutes.optional() };

export const bookingCreateArgs = z
  .object({
    id: recordId,
    /** Filled in by the workstation from its leased block (場-111-00001). */
    number: text(30).optional(),
    ...particulars,
    start: instant,
    end: instant,
    ...bufferAsk,
    override: overrideSchema.optional(),
  })
  .strict();

/** Particulars other than the venue and the time (those change with booking.move). */
export const bookingUpdateArgs = z
  .object({ id: recordId, ...particulars })
  .omit({ venueId: true })
  .partial()
  .extend({ id: recordId })
  .strict();

export const bookingMoveArgs = z.object({ id: recordId, venueId: recordId.optional(), start: instant, end: instant, ...bufferAsk, override: overrideSchema.optional() }).strict();

export const bookingApproveArgs = z.object({ id: recordId, override: overrideSchema.optional() }).strict();
export const bookingReasonArgs = z.object({ id: recordId, reason }).strict();

export const recurrenceSchema = z.discriminatedUnion('freq', [
  z.object({ freq: z.literal('weekly'), interval: z.number().int().min(1).max(52), weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7) }).strict(),
  z.object({ freq: z.literal('daily'), interval: z.number().int().min(1).max(365) }).strict(),
]);

export const seriesCreateArgs = z
  .object({
    id: recordId,
    number: text(30).optional(),
    ...particulars,
    rule: recurrenceSchema,
    startDate: businessDate,
    startTime: clockTime,
    endTime: clockTime,
    until: businessDate.nullable(),
    count: z.number().int().min(1).max(400).nullable(),
    ...bufferAsk,
    override: overrideSchema.optional(),
  })
  .strict();

export const seriesUpdateArgs = z
  .object({ id: recordId, ...particulars })
  .omit({ venueId: true })
  .partial()
  .extend({ id: recordId })
  .strict();

export const seriesApproveArgs = z.object({ id: recordId, override: overrideSchema.optional() }).strict();
/** Cancels the whole series, or its occurrences from `fromDate` on. */
export const seriesCancelArgs = z.object({ id: recordId, reason, fromDate: businessDate.optional() }).strict();
export const seriesRejectArgs = z.object({ id: recordId, reason }).strict();

export type BookingCreateArgs = z.input<typeof bookingCreateArgs>;
export type BookingMoveArgs = z.input<typeof bookingMoveArgs>;
export type SeriesCreateArgs = z.input<typeof seriesCreateArgs>;
export type VenueCreateArgs = z.input<typeof venueCreateArgs>;
