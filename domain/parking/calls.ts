/**
 * The parking desk's read calls: each one's argument schema and who may make it, and what
 * each answers. The gate lookup is the guard's one call; it shows no personal data.
 */
import { z } from 'zod';
import { defineCall, DESK_READERS, exportFormat, figureRecordsArgs, periodArgs, type ExportedList } from '../call';
import type { FigureRecords } from '../report/section';
import { PARKING_FIGURES } from './figures';
import type { ParkingFigures } from './figures';
import type { Outcome } from '../errors';
import type { ApprovalLetter, PermitCard } from './print';
import { RENEWAL_RUN, type RenewalLine } from './renewal';
import { plate } from './schemas';
import { APPLICATION_STATES, MAX_PLATES, PERMIT_STATUSES, PERMIT_TYPES, type Permit, type ParkingArea, type PermitApplication } from './types';

const short = z.string().max(200);
const year = z.number().int().min(1990).max(2200);

/** Who renews the annual permits: the clerks who issue them (the list names the holders). */
const RENEWERS = ['parking_clerk', 'supervisor'] as const;

/** Who works the gate lookup: the guards and everyone who reads the desks. */
const GATE: readonly ('guard' | (typeof DESK_READERS)[number])[] = ['guard', ...DESK_READERS];

/** Which permits a list (and its export) shows. */
const permitFilter = z.object({
  siteId: short.optional(),
  areaId: short.optional(),
  agencyId: short.optional(),
  types: z.array(z.enum(PERMIT_TYPES)).max(PERMIT_TYPES.length).optional(),
  statuses: z.array(z.enum(PERMIT_STATUSES)).max(PERMIT_STATUSES.length).optional(),
  /** Matches number, holder name or a plate (as typed). */
  text: short.optional(),
  /** The reminder: valid permits in force today whose last day is within this many days (expiresWithin). */
  expiringWithin: z.number().int().min(0).max(366).optional(),
  limit: z.number().int().min(1).max(50_000).optional(),
});

export const parkingCalls = {
  'parking.areas': defineCall(z.object({ includeArchived: z.boolean().optional() }).strict(), DESK_READERS),
  'parking.permits': defineCall(permitFilter.strict(), DESK_READERS),
  /** The list as a workbook: number, type, plates, holder and agency, area, validity, status (no phone numbers). */
  'parking.export': defineCall(permitFilter.extend({ format: exportFormat }).strict(), DESK_READERS),
  /** As the guard types or pastes a plate, whole or in part, any case and spacing. */
  'parking.gateLookup': defineCall(z.object({ plate: z.string().max(20), siteId: short.optional() }).strict(), GATE),
  'parking.figures': defineCall(periodArgs, DESK_READERS),
  /** The renewal list for `year`: the annual permits of the year before, still valid, each with its renewal if issued. */
  'parking.renewalList': defineCall(z.object({ year, siteId: short.optional() }).strict(), RENEWERS),
  /** Issues one run of renewals, with the clerk's changes; lines renewed already are skipped, so a run can be sent again. */
  'parking.renew': defineCall(
    z
      .object({
        year,
        lines: z
          .array(z.object({ oldId: short, plates: z.array(plate).min(1).max(MAX_PLATES).optional(), areaId: short.optional() }).strict())
          .min(1)
          .max(RENEWAL_RUN * 4),
      })
      .strict(),
    RENEWERS,
  ),
  /** The desk's first screen for a clerk: how many permits expire within `days` days, how many applications wait. */
  'parking.reminders': defineCall(z.object({ days: z.number().int().min(0).max(366) }).strict(), DESK_READERS),
  /** The permits behind one figure of the desk's report section (the report's drill-down). */
  'parking.figureRecords': defineCall(figureRecordsArgs(PARKING_FIGURES), DESK_READERS),
  /** Agencies' applications, waiting ones first; by state or by the venue booking they came with (the booking's drawer asks). */
  'parking.applications': defineCall(z.object({ states: z.array(z.enum(APPLICATION_STATES)).max(APPLICATION_STATES.length).optional(), venueBookingId: short.optional() }).strict(), DESK_READERS),
  /** Approves `count` of an application's permits: issued numbered in one batch with the approval. */
  'parking.approveApplication': defineCall(z.object({ id: short, count: z.number().int().min(1).max(5000) }).strict(), ['parking_clerk', 'supervisor']),
  /** The permits as windshield cards, in the order asked (an approval's permits, a selection in the list). */
  'parking.cards': defineCall(z.object({ ids: z.array(short).min(1).max(5000) }).strict(), DESK_READERS),
  /** An application's approval letter: what was asked, what was issued, by number. */
  'parking.letter': defineCall(z.object({ id: short }).strict(), DESK_READERS),
} as const;

/** What the gate shows of a permit: whether it lets the car in today, where, and the holder's agency; nothing personal. */
export interface GateMatch {
  plate: string;
  number: string;
  type: Permit['type'];
  siteId: string;
  areaId: string;
  validFrom: string;
  validTo: string;
  status: Permit['status'];
  /** Valid today (Taipei) at the site asked about (or at its own site when none was asked). */
  validToday: boolean;
  agencyId: string | null;
  /** Names in the reader's language: a guard reads no reference data of their own. */
  siteName: string;
  areaName: string;
  agencyName: string;
}

export interface ParkingResults {
  'parking.areas': ParkingArea[];
  'parking.permits': Permit[];
  'parking.export': ExportedList;
  'parking.gateLookup': GateMatch[];
  'parking.figures': ParkingFigures;
  'parking.renewalList': RenewalLine[];
  'parking.renew': Outcome<RenewalRun>;
  'parking.figureRecords': FigureRecords;
  'parking.reminders': { days: number; expiring: number; waiting: number };
  'parking.applications': PermitApplication[];
  'parking.cards': PermitCard[];
  'parking.letter': ApprovalLetter | null;
  'parking.approveApplication': Outcome<{ permitIds: string[]; numbers: string[] }>;
}

/** What one renewal run did: the permits issued, the lines found renewed already, and those refused with the reason. */
export interface RenewalRun {
  issued: { oldId: string; id: string; number: string }[];
  skipped: string[];
  refused: { oldId: string; oldNumber: string; message: string }[];
}
