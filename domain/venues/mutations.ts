/**
 * The venue desk's mutations. The rule that spans records — no two approved bookings of
 * one venue overlap, buffers included — is checked here, so the workstation refuses at
 * once and the server refuses again when it re-runs the mutation in its own order.
 */
import type { z } from 'zod';
import { calendarExceptionsOf, type CalendarExceptions } from '../working-days';
import { DomainError, type Problem } from '../errors';
import { defineMutation, type MutationContext } from '../mutations/define';
import { changedFields, mustGet } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import { holdsAny, type Role } from '../roles';
import { applicantProblems, effectiveBuffers, occupiedOf, scheduleProblems, timeProblems } from './rules';
import { occurrenceDates, occurrenceId } from './recurrence';
import {
  bookingApproveArgs,
  bookingCreateArgs,
  bookingMoveArgs,
  bookingReasonArgs,
  bookingUpdateArgs,
  seriesApproveArgs,
  seriesCancelArgs,
  seriesCreateArgs,
  seriesRejectArgs,
  seriesUpdateArgs,
  venueCreateArgs,
  venueUpdateArgs,
} from './schemas';
import type { Booking, BookingSeries, BookingStatus, BookingStep, Venue } from './types';
import { addDays, daysOf, describeTime, taipeiInstant } from '../dates';

const VENUE_ADMIN: readonly Role[] = ['admin', 'supervisor', 'venue_clerk'];
const BOOKING_ROLES: readonly Role[] = ['venue_clerk', 'supervisor'];
const MAX_OCCURRENCES = 400;

type Override = { reason: string } | undefined;

function refuse(problems: Problem[]): void {
  if (problems.length > 0) throw new DomainError(problems[0].code, problems[0].params, problems[0].field);
}

function checkOverride(override: Override, ctx: MutationContext): void {
  if (override && !ctx.roles.includes('supervisor')) throw new DomainError('venues.overrideNeedsSupervisor', {}, 'override');
}

async function liveVenue(tx: Tx, id: string): Promise<Venue> {
  const venue = await tx.get('venue', id);
  if (!venue) throw new DomainError('error.notFound', { kind: 'venue', id }, 'venueId');
  if (venue.archived) {
    const space = await tx.get('space', venue.spaceId);
    throw new DomainError('venues.archivedVenue', { name: space?.nameZh ?? venue.id }, 'venueId');
  }
  return venue;
}

async function checkAgency(tx: Tx, agencyId: string | null | undefined): Promise<void> {
  if (!agencyId) return;
  const agency = await tx.get('agency', agencyId);
  if (!agency) throw new DomainError('error.notFound', { kind: 'agency', id: agencyId }, 'applicantAgencyId');
  if (agency.archived) throw new DomainError('error.archivedParent', { kind: 'agency', name: agency.nameZh }, 'applicantAgencyId');
}

/** The working-day exceptions of the days in [first, last] (the calendar is small: a few dozen days a year). */
async function calendarFor(tx: Tx, first: string, last: string): Promise<CalendarExceptions> {
  if (first === last || addDays(first, 1) === last) {
    const days = [];
    for (const d of first === last ? [first] : [first, last]) {
      const day = await tx.get('calendarDay', d);
      if (day) days.push(day);
    }
    return calendarExceptionsOf(days);
  }
  return calendarExceptionsOf((await tx.find('calendarDay', {})).filter((day) => day.date >= first && day.date <= last));
}

/** Opening hours, closures, working days: refused unless a supervisor overrides. */
async function checkSchedule(tx: Tx, venue: Venue, start: string, end: string, override: Override): Promise<void> {
  refuse(timeProblems(start, end));
  if (override) return;
  const { first, last } = daysOf(start, end);
  refuse(scheduleProblems(venue, start, end, await calendarFor(tx, first, last)));
}

/** Approved bookings of the venue whose occupied time overlaps this one's (itself left out). */
export async function approvedInTheWay(tx: Tx, b: Pick<Booking, 'id' | 'venueId' | 'occupiedFrom' | 'occupiedTo'>): Promise<Booking[]> {
  const found = await tx.findOverlapping('booking', {
    resourceField: 'venueId',
    resourceId: b.venueId,
    startField: 'occupiedFrom',
    endField: 'occupiedTo',
    from: b.occupiedFrom,
    to: b.occupiedTo,
    where: { status: 'approved' },
  });
  return found.filter((o) => o.id !== b.id).sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
}

/** The refusal naming the approved booking in the way, with what a clerk needs to call its applicant. */
export function conflictProblem(other: Booking): Problem {
  return {
    code: 'venues.conflict',
    params: {
      conflictId: other.id,
      number: other.number,
      name: other.eventName,
      when: describeTime(other.start, other.end),
      start: other.start,
      end: other.end,
      venueId: other.venueId,
      applicantAgencyId: other.applicantAgencyId ?? '',
      applicantOrg: other.applicantOrg,
      contactName: other.contactName,
      contactPhone: other.contactPhone,
    },
    field: 'start',
  };
}

/**
 * The double-booking rule for a booking about to be (or stay) approved. Without an
 * override a conflict refuses, naming the booking in the way; a supervisor's override
 * sends the bookings in the way back to pending, flagged as displaced (their clerk finds
 * them under 待處理 and moves them or calls the applicant). Only a booking that takes the
 * time displaces: see approveOne for an override at level 1 of two.
 */
async function claimTime(tx: Tx, b: Booking, override: Override, ctx: MutationContext): Promise<void> {
  const inTheWay = await approvedInTheWay(tx, b);
  if (inTheWay.length === 0) return;
  if (!override) throw new DomainError(conflictProblem(inTheWay[0]).code, conflictProblem(inTheWay[0]).params, 'start');
  for (const other of inTheWay) {
    await tx.update('booking', other.id, {
      status: 'pending',
      approvedLevel: 0,
      displaced: true,
      displacedBy: b.id,
      steps: [...other.steps, step('displaced', ctx, override.reason)],
      updatedAt: ctx.at,
    });
  }
}

function step(action: BookingStep['action'], ctx: MutationContext, reason?: string, level?: number): BookingStep {
  return { action, userId: ctx.userId, at: ctx.at, ...(reason ? { reason } : {}), ...(level !== undefined ? { level } : {}) };
}

/** Approve and reject need a pending booking; any change needs one not yet cancelled or rejected. */
function wrongStatus(status: BookingStatus): DomainError {
  return new DomainError(status === 'cancelled' || status === 'rejected' ? 'venues.finished' : 'venues.notPending', { status });
}

/**
 * The next approval level of a pending booking and whether it completes the approval.
 * Level 1 is the venue clerk's (a supervisor may sign it too); level 2 is the supervisor's.
 */
function nextApproval(venue: Venue, b: Pick<Booking, 'approvedLevel'>, ctx: MutationContext): { level: number; done: boolean } {
  const level = Math.min(b.approvedLevel + 1, Math.max(venue.approvalLevels, 1));
  if (level === 2 && !ctx.roles.includes('supervisor')) throw new DomainError('venues.needsSupervisor', {});
  if (level === 1 && !holdsAny(ctx.roles, ['venue_clerk', 'supervisor'])) throw new DomainError('venues.needsClerk', {});
  return { level, done: level >= venue.approvalLevels };
}

/** The reason of a supervisor's override given at an earlier approval level, if any (approval steps carry a reason only when they override). */
export function standingOverride(b: Pick<Booking, 'steps'>): Override {
  const overridden = b.steps.find((s) => s.action === 'approved' && s.reason);
  return overridden?.reason ? { reason: overridden.reason } : undefined;
}

/**
 * One approval step on one pending booking (or occurrence).
 *
 * A clash is checked at every level, so a clerk learns of it before the chief signs. A
 * supervisor's override at level 1 of a two-level venue lets that level past the clash
 * but displaces nobody yet: the approved booking in the way keeps its status and its
 * time (it is not sent back to pending while the overriding booking does not hold the
 * time, which would leave the slot to neither). The override stands on the booking, and
 * the last level's approval takes the time, displacing the bookings then in the way
 * exactly as a one-level override does.
 */
async function approveOne(tx: Tx, venue: Venue, b: Booking, override: Override, ctx: MutationContext): Promise<void> {
  if (b.status !== 'pending') throw wrongStatus(b.status);
  if (!b.overrideReason) await checkSchedule(tx, venue, b.start, b.end, override);
  const { level, done } = nextApproval(venue, b, ctx);
  const standing = override ?? standingOverride(b);
  if (done || !standing) await claimTime(tx, b, standing, ctx);
  await tx.update('booking', b.id, {
    approvedLevel: level,
    ...(done ? { status: 'approved' as const, displaced: false, displacedBy: null } : {}),
    ...(override ? { overrideReason: override.reason } : {}),
    steps: [...b.steps, step('approved', ctx, override?.reason, level)],
    updatedAt: ctx.at,
  });
}

/** Creates a booking row as pending, then approves it at once when the venue needs no approval. */
async function insertBooking(tx: Tx, venue: Venue, row: Booking, override: Override, ctx: MutationContext): Promise<void> {
  await tx.insert('booking', row);
  if (venue.approvalLevels === 0) {
    await claimTime(tx, row, override, ctx);
    await tx.update('booking', row.id, { status: 'approved', steps: [...row.steps, step('approved', ctx, undefined, 0)], updatedAt: ctx.at });
  }
}

type Particulars = Omit<z.output<typeof bookingCreateArgs>, 'id' | 'number' | 'start' | 'end' | 'bufferBefore' | 'bufferAfter' | 'override'>;

function particularsOf(a: Particulars) {
  return {
    venueId: a.venueId,
    applicantAgencyId: a.applicantAgencyId,
    applicantOrg: a.applicantOrg,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    eventName: a.eventName,
    activityType: a.activityType,
    attendees: a.attendees,
    equipment: a.equipment,
    letterNo: a.letterNo,
    attachments: a.attachments,
    fee: a.fee,
    feeWaived: a.feeWaived,
    notes: a.notes,
  };
}

function checkHours(opensAt: string | undefined, closesAt: string | undefined) {
  if (opensAt !== undefined && closesAt !== undefined && opensAt >= closesAt) throw new DomainError('venues.hoursOrder', {}, 'closesAt');
}

/** A booking (or one occurrence of a series) as it is applied for: pending, at level 0. */
function pendingBooking(
  a: Particulars & { override?: Override },
  where: Pick<Booking, 'id' | 'number' | 'seriesId' | 'originalDate' | 'start' | 'end'>,
  buffers: { bufferBefore: number; bufferAfter: number },
  ctx: MutationContext,
): Booking {
  return {
    ...where,
    ...particularsOf(a),
    ...buffers,
    ...occupiedOf(where.start, where.end, buffers.bufferBefore, buffers.bufferAfter),
    status: 'pending',
    approvedLevel: 0,
    steps: [step('applied', ctx, a.override?.reason)],
    overrideReason: a.override?.reason ?? '',
    displaced: false,
    displacedBy: null,
    createdAt: ctx.at,
    updatedAt: ctx.at,
  };
}

export const venueMutationDefs = [
  defineMutation({
    name: 'venue.create',
    args: venueCreateArgs,
    roles: VENUE_ADMIN,
    async apply(tx, a, ctx) {
      if (await tx.get('venue', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      const space = await tx.get('space', a.spaceId);
      if (!space) throw new DomainError('error.notFound', { kind: 'space', id: a.spaceId }, 'spaceId');
      if ((await tx.find('venue', { spaceId: a.spaceId })).length > 0) throw new DomainError('venues.spaceTaken', {}, 'spaceId');
      checkHours(a.opensAt, a.closesAt);
      await tx.insert('venue', { ...a, archived: false, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),
  defineMutation({
    name: 'venue.update',
    args: venueUpdateArgs,
    roles: VENUE_ADMIN,
    // Approved bookings that no longer fit the new hours, buffers or closures are not
    // touched: the clerk finds them in the flagged list (venues.flagged).
    async apply(tx, { id, ...rest }, ctx) {
      const current = await mustGet(tx, 'venue', id);
      const patch = changedFields(current, rest as Partial<Venue>);
      checkHours(patch.opensAt ?? current.opensAt, patch.closesAt ?? current.closesAt);
      if (Object.keys(patch).length > 0) await tx.update('venue', id, { ...patch, updatedAt: ctx.at });
    },
  }),
  ...(['archive', 'restore'] as const).map((what) =>
    defineMutation({
      name: `venue.${what}`,
      args: bookingApproveArgs.pick({ id: true }),
      roles: VENUE_ADMIN,
      async apply(tx, { id }, ctx) {
        const current = await mustGet(tx, 'venue', id);
        const archived = what === 'archive';
        if (current.archived !== archived) await tx.update('venue', id, { archived, updatedAt: ctx.at });
      },
    }),
  ),

  defineMutation({
    name: 'booking.create',
    args: bookingCreateArgs,
    roles: BOOKING_ROLES,
    numbered: { kind: 'booking', field: 'number' },
    async apply(tx, a, ctx) {
      if (await tx.get('booking', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      checkOverride(a.override, ctx);
      const venue = await liveVenue(tx, a.venueId);
      await checkAgency(tx, a.applicantAgencyId);
      refuse(applicantProblems(venue, a.applicantAgencyId, a.applicantOrg));
      await checkSchedule(tx, venue, a.start, a.end, a.override);
      const row = pendingBooking(a, { id: a.id, number: a.number ?? '', seriesId: null, originalDate: null, start: a.start, end: a.end }, effectiveBuffers(venue, a), ctx);
      await insertBooking(tx, venue, row, a.override, ctx);
    },
  }),
  defineMutation({
    name: 'booking.update',
    args: bookingUpdateArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, ...rest }, ctx) {
      const current = await mustGet(tx, 'booking', id);
      if (current.status === 'cancelled' || current.status === 'rejected') throw wrongStatus(current.status);
      const patch = changedFields(current, rest as Partial<Booking>);
      if ('applicantAgencyId' in patch) await checkAgency(tx, patch.applicantAgencyId);
      if ('applicantAgencyId' in patch || 'applicantOrg' in patch) {
        const venue = await mustGet(tx, 'venue', current.venueId);
        refuse(applicantProblems(venue, patch.applicantAgencyId ?? current.applicantAgencyId, patch.applicantOrg ?? current.applicantOrg));
      }
      if (Object.keys(patch).length > 0) await tx.update('booking', id, { ...patch, updatedAt: ctx.at });
    },
  }),
  defineMutation({
    name: 'booking.move',
    args: bookingMoveArgs,
    roles: BOOKING_ROLES,
    async apply(tx, a, ctx) {
      checkOverride(a.override, ctx);
      const current = await mustGet(tx, 'booking', a.id);
      if (current.status === 'cancelled' || current.status === 'rejected') throw wrongStatus(current.status);
      const venue = await liveVenue(tx, a.venueId ?? current.venueId);
      if (venue.id !== current.venueId) refuse(applicantProblems(venue, current.applicantAgencyId, current.applicantOrg));
      await checkSchedule(tx, venue, a.start, a.end, a.override);
      // Moving to another venue takes that venue's defaults; the same venue keeps what was asked.
      const asked = venue.id === current.venueId ? { bufferBefore: a.bufferBefore ?? current.bufferBefore, bufferAfter: a.bufferAfter ?? current.bufferAfter } : a;
      const buffers = effectiveBuffers(venue, asked);
      const moved: Booking = { ...current, venueId: venue.id, start: a.start, end: a.end, ...buffers, ...occupiedOf(a.start, a.end, buffers.bufferBefore, buffers.bufferAfter) };
      if (current.status === 'approved') await claimTime(tx, moved, a.override, ctx);
      await tx.update('booking', a.id, {
        venueId: moved.venueId,
        start: moved.start,
        end: moved.end,
        bufferBefore: moved.bufferBefore,
        bufferAfter: moved.bufferAfter,
        occupiedFrom: moved.occupiedFrom,
        occupiedTo: moved.occupiedTo,
        ...(a.override ? { overrideReason: a.override.reason } : {}),
        steps: [...current.steps, step('moved', ctx, a.override?.reason)],
        updatedAt: ctx.at,
      });
    },
  }),
  defineMutation({
    name: 'booking.approve',
    args: bookingApproveArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, override }, ctx) {
      checkOverride(override, ctx);
      const b = await mustGet(tx, 'booking', id);
      await approveOne(tx, await liveVenue(tx, b.venueId), b, override, ctx);
    },
  }),
  defineMutation({
    name: 'booking.reject',
    args: bookingReasonArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, reason }, ctx) {
      const b = await mustGet(tx, 'booking', id);
      if (b.status !== 'pending') throw wrongStatus(b.status);
      await tx.update('booking', id, { status: 'rejected', steps: [...b.steps, step('rejected', ctx, reason)], updatedAt: ctx.at });
    },
  }),
  defineMutation({
    name: 'booking.cancel',
    args: bookingReasonArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, reason }, ctx) {
      const b = await mustGet(tx, 'booking', id);
      if (b.status === 'cancelled' || b.status === 'rejected') throw wrongStatus(b.status);
      await tx.update('booking', id, { status: 'cancelled', steps: [...b.steps, step('cancelled', ctx, reason)], updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'bookingSeries.create',
    args: seriesCreateArgs,
    roles: BOOKING_ROLES,
    numbered: { kind: 'booking', field: 'number' },
    async apply(tx, a, ctx) {
      if (await tx.get('bookingSeries', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      checkOverride(a.override, ctx);
      if ((a.until === null) === (a.count === null)) throw new DomainError('venues.seriesEnd', {}, 'until');
      if (a.endTime <= a.startTime) throw new DomainError('venues.seriesTimes', {}, 'endTime');
      const venue = await liveVenue(tx, a.venueId);
      await checkAgency(tx, a.applicantAgencyId);
      refuse(applicantProblems(venue, a.applicantAgencyId, a.applicantOrg));
      const horizon = a.until ?? addDays(a.startDate, 7 * MAX_OCCURRENCES * a.rule.interval);
      const calendar = await calendarFor(tx, a.startDate, horizon);
      const { dates, skipped, tooMany } = occurrenceDates({ ...a, maxOccurrences: MAX_OCCURRENCES }, venue, calendar);
      if (tooMany) throw new DomainError('venues.seriesTooMany', { max: MAX_OCCURRENCES }, 'until');
      if (dates.length === 0) throw new DomainError('venues.seriesEmpty', { from: a.startDate }, 'startDate');
      if (!a.override) {
        // The same wall-clock times every time: the first occurrence stands for all of them.
        refuse(scheduleProblems(venue, taipeiInstant(dates[0], a.startTime), taipeiInstant(dates[0], a.endTime), calendar));
      }
      const buffers = effectiveBuffers(venue, a);
      const series: BookingSeries = {
        id: a.id,
        number: a.number ?? '',
        ...particularsOf(a),
        rule: a.rule,
        startDate: a.startDate,
        startTime: a.startTime,
        endTime: a.endTime,
        until: a.until,
        count: a.count,
        ...buffers,
        skippedDates: skipped,
        status: venue.approvalLevels === 0 ? 'approved' : 'pending',
        steps: [step('applied', ctx, a.override?.reason)],
        createdAt: ctx.at,
        updatedAt: ctx.at,
      };
      await tx.insert('bookingSeries', series);
      for (const date of dates) {
        const start = taipeiInstant(date, a.startTime);
        const end = taipeiInstant(date, a.endTime);
        const row = pendingBooking(a, { id: occurrenceId(a.id, date), number: series.number, seriesId: a.id, originalDate: date, start, end }, buffers, ctx);
        await insertBooking(tx, venue, row, a.override, ctx);
      }
    },
  }),
  defineMutation({
    name: 'bookingSeries.update',
    args: seriesUpdateArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, ...rest }, ctx) {
      const series = await mustGet(tx, 'bookingSeries', id);
      const patch = changedFields(series, rest as Partial<BookingSeries>);
      if (Object.keys(patch).length === 0) return;
      if ('applicantAgencyId' in patch) await checkAgency(tx, patch.applicantAgencyId);
      if ('applicantAgencyId' in patch || 'applicantOrg' in patch) {
        const venue = await mustGet(tx, 'venue', series.venueId);
        refuse(applicantProblems(venue, patch.applicantAgencyId ?? series.applicantAgencyId, patch.applicantOrg ?? series.applicantOrg));
      }
      await tx.update('bookingSeries', id, { ...patch, updatedAt: ctx.at });
      for (const occ of await tx.find('booking', { seriesId: id })) {
        if (occ.status === 'cancelled' || occ.status === 'rejected') continue;
        const own = changedFields(occ, patch as Partial<Booking>);
        if (Object.keys(own).length > 0) await tx.update('booking', occ.id, { ...own, updatedAt: ctx.at });
      }
    },
  }),
  defineMutation({
    name: 'bookingSeries.approve',
    args: seriesApproveArgs,
    roles: BOOKING_ROLES,
    // Every pending occurrence takes the next approval step; a clash in any of them
    // refuses the whole step, naming the first (move or cancel it, then approve again).
    async apply(tx, { id, override }, ctx) {
      checkOverride(override, ctx);
      const series = await mustGet(tx, 'bookingSeries', id);
      if (series.status !== 'pending') throw wrongStatus(series.status);
      const venue = await liveVenue(tx, series.venueId);
      const pending = (await tx.find('booking', { seriesId: id, status: 'pending' })).sort((x, y) => (x.start < y.start ? -1 : 1));
      if (!override) {
        const clashes: [Booking, Booking][] = [];
        for (const occ of pending) {
          if (standingOverride(occ)) continue;
          const inTheWay = await approvedInTheWay(tx, occ);
          if (inTheWay.length > 0) clashes.push([occ, inTheWay[0]]);
        }
        if (clashes.length > 0) {
          const [occ, other] = clashes[0];
          const p = conflictProblem(other);
          throw new DomainError('venues.seriesConflict', { ...p.params, date: occ.originalDate ?? '', occurrenceId: occ.id, count: clashes.length }, 'start');
        }
      }
      let done = pending.length === 0;
      for (const occ of pending) {
        await approveOne(tx, venue, occ, override, ctx);
        done = (await tx.get('booking', occ.id))?.status === 'approved';
      }
      const level = Math.min(Math.max(...pending.map((p) => p.approvedLevel), 0) + 1, Math.max(venue.approvalLevels, 1));
      await tx.update('bookingSeries', id, { ...(done ? { status: 'approved' as const } : {}), steps: [...series.steps, step('approved', ctx, override?.reason, level)], updatedAt: ctx.at });
    },
  }),
  defineMutation({
    name: 'bookingSeries.reject',
    args: seriesRejectArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, reason }, ctx) {
      const series = await mustGet(tx, 'bookingSeries', id);
      if (series.status !== 'pending') throw wrongStatus(series.status);
      await tx.update('bookingSeries', id, { status: 'rejected', steps: [...series.steps, step('rejected', ctx, reason)], updatedAt: ctx.at });
      for (const occ of await tx.find('booking', { seriesId: id, status: 'pending' })) {
        await tx.update('booking', occ.id, { status: 'rejected', steps: [...occ.steps, step('rejected', ctx, reason)], updatedAt: ctx.at });
      }
    },
  }),
  defineMutation({
    name: 'bookingSeries.cancel',
    args: seriesCancelArgs,
    roles: BOOKING_ROLES,
    async apply(tx, { id, reason, fromDate }, ctx) {
      const series = await mustGet(tx, 'bookingSeries', id);
      if (series.status === 'cancelled' || series.status === 'rejected') throw wrongStatus(series.status);
      const all = !fromDate || fromDate <= series.startDate;
      // Cancelling from a date on leaves the series itself standing: its earlier occurrences happened.
      if (all) await tx.update('bookingSeries', id, { status: 'cancelled', steps: [...series.steps, step('cancelled', ctx, reason)], updatedAt: ctx.at });
      for (const occ of await tx.find('booking', { seriesId: id })) {
        if (occ.status === 'cancelled' || occ.status === 'rejected') continue;
        if (!all && (occ.originalDate ?? '') < fromDate!) continue;
        await tx.update('booking', occ.id, { status: 'cancelled', steps: [...occ.steps, step('cancelled', ctx, reason)], updatedAt: ctx.at });
      }
    },
  }),
];
