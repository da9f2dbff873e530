/**
 * The parking desk's mutations: parking areas, issuing a permit, revoking it, replacing a
 * lost one. The rule that no plate holds two valid permits of one site on the same day
 * is checked here at once and again by the sync server's span table (declared in
 * desk.ts), so two clerks working offline cannot both issue it.
 */
import { addDays, taipeiDateOf } from '../dates';
import type { Problem } from '../errors';
import { DomainError } from '../errors';
import { defineMutation, type MutationContext } from '../mutations/define';
import { mustGet, referenceMutations } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import { whereSpaceHangs } from '../places-move';
import type { Role } from '../roles';
import { formatPlate } from '../plates';
import { heldInstants, holdKeyOf, holdsOverlap, issuedAgainstQuota, MAX_TEMPORARY_DAYS, numberYear, quotaProblem, yearValidity } from './rules';
import { applicationApproveArgs, applicationFileArgs, applicationRejectArgs, parkingAreaFields, permitIssueArgs, permitReplaceArgs, permitRevokeArgs, quotaSetArgs } from './schemas';
import type { Permit, PermitApplication, PermitPlate } from './types';

/** Who issues permits (and imports the current permit list). */
export const PARKING_ROLES: readonly Role[] = ['parking_clerk', 'supervisor'];
const AREA_ROLES: readonly Role[] = ['admin', 'supervisor', 'parking_clerk'];

/** The refusal when a plate already holds a valid permit of the site for some of the days (the span table's too). */
export function plateHeldProblem(other: PermitPlate): Problem {
  return {
    code: 'parking.error.plateHeld',
    params: {
      plate: formatPlate(other.plate),
      number: other.permitNumber,
      conflictId: other.permitId,
      from: `date:${taipeiDateOf(other.heldFrom)}`,
      to: `date:${addDays(taipeiDateOf(other.heldTo), -1)}`,
    },
    field: 'plates',
  };
}

/** The permit's plates, each holding its plate at the site for the permit's days; refused when one is held already. */
async function holdPlates(tx: Tx, permit: Permit, at: string): Promise<void> {
  const { heldFrom, heldTo } = heldInstants(permit.validFrom, permit.validTo);
  for (const plate of permit.plates) {
    const holdKey = holdKeyOf(permit.siteId, plate);
    const inTheWay = (await tx.find('permitPlate', { holdKey })).find((p) => p.valid && p.permitId !== permit.id && holdsOverlap(p, { heldFrom, heldTo }));
    if (inTheWay) {
      const problem = plateHeldProblem(inTheWay);
      throw new DomainError(problem.code, problem.params, 'plates');
    }
    await tx.insert('permitPlate', {
      id: `${permit.id}:${plate}`,
      permitId: permit.id,
      permitNumber: permit.number,
      siteId: permit.siteId,
      plate,
      holdKey,
      heldFrom,
      heldTo,
      valid: true,
      createdAt: at,
      updatedAt: at,
    });
  }
}

async function releasePlates(tx: Tx, permitId: string, at: string): Promise<void> {
  for (const p of await tx.find('permitPlate', { permitId })) if (p.valid) await tx.update('permitPlate', p.id, { valid: false, updatedAt: at });
}

async function mustBeValid(tx: Tx, id: string): Promise<Permit> {
  const permit = await mustGet(tx, 'permit', id);
  if (permit.status !== 'valid') throw new DomainError('parking.error.notValid', { number: permit.number, status: `msg:parking.status.${permit.status}` });
  return permit;
}

async function mustBeWaiting(tx: Tx, id: string): Promise<PermitApplication> {
  const application = await mustGet(tx, 'permitApplication', id);
  if (application.state !== 'waiting') throw new DomainError('parking.error.notWaiting', { state: `msg:parking.application.${application.state}` });
  return application;
}

/** The agency's quota for the permit's site, type and year, against the permits it holds there already (the server's, when the server runs it). */
async function checkQuota(tx: Tx, permit: Permit, asked: number): Promise<void> {
  const year = permit.year ?? Number(permit.validFrom.slice(0, 4));
  const [quota] = await tx.find('parkingQuota', { agencyId: permit.holderAgencyId!, siteId: permit.siteId, type: permit.type, year });
  if (!quota) return;
  const held = await tx.find('permit', { holderAgencyId: permit.holderAgencyId, siteId: permit.siteId, type: permit.type });
  const problem = quotaProblem(quota.quota, issuedAgainstQuota(held, permit.type, year, permit), asked);
  if (problem) throw new DomainError(problem.code, problem.params, 'holderAgencyId');
}

/** The year an issued permit's number carries; undefined leaves it to the year of the write. */
const issueYearOf = (a: Record<string, unknown>): number | undefined =>
  a.type === 'annual' && typeof a.year === 'number' ? a.year : typeof a.issuedOn === 'string' ? numberYear('temporary', null, a.issuedOn) : undefined;

/** An area is a space of kind parking. */
async function checkParkingSpace(tx: Tx, id: string): Promise<void> {
  const area = await mustGet(tx, 'parkingArea', id);
  const space = await mustGet(tx, 'space', area.spaceId);
  if (space.kind !== 'parking') throw new DomainError('parking.error.notParking', { name: space.nameZh }, 'spaceId');
}

export const parkingMutationDefs = [
  ...referenceMutations('parkingArea', parkingAreaFields.partial({ notes: true }), {
    roles: AREA_ROLES,
    parent: { kind: 'space', field: 'spaceId' },
    unique: ['spaceId'],
    complete: (a) => ({ notes: '', ...a }),
    after: (tx, id) => checkParkingSpace(tx, id),
  }),

  defineMutation({
    name: 'permit.issue',
    args: permitIssueArgs,
    roles: PARKING_ROLES,
    numbered: { kind: 'permit', field: 'number', yearOf: issueYearOf },
    async apply(tx, a, ctx) {
      if (!a.number) throw new DomainError('error.required', { field: 'number' }, 'number');
      if (await tx.get('permit', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      if ((await tx.find('permit', { number: a.number })).length > 0) throw new DomainError('error.duplicate', { field: 'number', value: a.number }, 'number');
      if (new Set(a.plates).size !== a.plates.length) throw new DomainError('parking.error.plateTwice', {}, 'plates');
      const area = await mustGet(tx, 'parkingArea', a.areaId);
      if (area.archived) throw new DomainError('error.archivedParent', { kind: 'parkingArea', name: a.areaId }, 'areaId');
      if (!area.permitTypes.includes(a.type)) throw new DomainError('parking.error.areaType', { type: `msg:parking.type.${a.type}` }, 'areaId');
      const place = await whereSpaceHangs(tx, area.spaceId);
      if (!place) throw new DomainError('error.notFound', { kind: 'space', id: area.spaceId }, 'areaId');
      const issuedOn = a.issuedOn ?? taipeiDateOf(ctx.at);
      const days = validityOf(a, issuedOn);
      if (a.holderPersonId && !(await tx.get('person', a.holderPersonId))) throw new DomainError('error.notFound', { kind: 'person', id: a.holderPersonId }, 'holderPersonId');
      if (a.holderAgencyId && !(await tx.get('agency', a.holderAgencyId))) throw new DomainError('error.notFound', { kind: 'agency', id: a.holderAgencyId }, 'holderAgencyId');
      const permit: Permit = {
        id: a.id,
        number: a.number,
        type: a.type,
        siteId: place.siteId,
        areaId: a.areaId,
        holderPersonId: a.holderPersonId ?? null,
        holderAgencyId: a.holderAgencyId ?? null,
        holderName: a.holderName,
        holderTitle: a.holderTitle ?? '',
        plates: a.plates,
        vehicleType: a.vehicleType,
        year: a.type === 'annual' ? (a.year ?? null) : null,
        ...days,
        fee: a.fee ?? 0,
        issuedOn,
        status: 'valid',
        revokedReason: '',
        replacesId: null,
        replacedById: null,
        notes: a.notes ?? '',
        createdAt: ctx.at,
        updatedAt: ctx.at,
      };
      if (permit.holderAgencyId) await checkQuota(tx, permit, 1);
      await tx.insert('permit', permit);
      await holdPlates(tx, permit, ctx.at);
    },
  }),

  defineMutation({
    name: 'parkingQuota.set',
    args: quotaSetArgs,
    roles: PARKING_ROLES,
    async apply(tx, a, ctx) {
      if (!(await tx.get('agency', a.agencyId))) throw new DomainError('error.notFound', { kind: 'agency', id: a.agencyId }, 'agencyId');
      if (!(await tx.get('site', a.siteId))) throw new DomainError('error.notFound', { kind: 'site', id: a.siteId }, 'siteId');
      const same = (await tx.find('parkingQuota', { agencyId: a.agencyId, siteId: a.siteId, type: a.type, year: a.year })).find((q) => q.id !== a.id);
      if (same) throw new DomainError('error.duplicate', { field: 'agencyId', value: a.agencyId }, 'agencyId');
      if (await tx.get('parkingQuota', a.id)) await tx.update('parkingQuota', a.id, { quota: a.quota, updatedAt: ctx.at });
      else await tx.insert('parkingQuota', { ...a, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'permitApplication.file',
    args: applicationFileArgs,
    roles: PARKING_ROLES,
    async apply(tx, a, ctx) {
      if (await tx.get('permitApplication', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      if (!(await tx.get('agency', a.agencyId))) throw new DomainError('error.notFound', { kind: 'agency', id: a.agencyId }, 'agencyId');
      const area = await mustGet(tx, 'parkingArea', a.areaId);
      if (!area.permitTypes.includes(a.type)) throw new DomainError('parking.error.areaType', { type: `msg:parking.type.${a.type}` }, 'areaId');
      const place = await whereSpaceHangs(tx, area.spaceId);
      if (!place) throw new DomainError('error.notFound', { kind: 'space', id: area.spaceId }, 'areaId');
      if (a.venueBookingId && !(await tx.get('booking', a.venueBookingId))) throw new DomainError('error.notFound', { kind: 'booking', id: a.venueBookingId }, 'venueBookingId');
      const filedOn = taipeiDateOf(ctx.at);
      const days = validityOf(a, filedOn);
      const application: PermitApplication = {
        id: a.id,
        agencyId: a.agencyId,
        siteId: place.siteId,
        areaId: a.areaId,
        type: a.type,
        countAsked: a.countAsked,
        purpose: a.purpose,
        year: a.type === 'annual' ? (a.year ?? null) : null,
        ...days,
        venueBookingId: a.venueBookingId ?? null,
        plates: a.plates ?? [],
        vehicleType: a.vehicleType ?? 'car',
        contactName: a.contactName ?? '',
        state: 'waiting',
        approvedCount: 0,
        permitIds: [],
        rejectedReason: '',
        filedOn,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      };
      await tx.insert('permitApplication', application);
    },
  }),

  defineMutation({
    name: 'permitApplication.approve',
    args: applicationApproveArgs,
    roles: PARKING_ROLES,
    async apply(tx, { id, permitIds }, ctx) {
      const application = await mustBeWaiting(tx, id);
      if (permitIds.length > application.countAsked) throw new DomainError('parking.error.overAsked', { asked: application.countAsked, count: permitIds.length }, 'permitIds');
      for (const permitId of permitIds) {
        const permit = await mustGet(tx, 'permit', permitId);
        if (permit.holderAgencyId !== application.agencyId || permit.type !== application.type) throw new DomainError('parking.error.notOfApplication', { number: permit.number }, 'permitIds');
      }
      const state = permitIds.length === application.countAsked ? 'approved' : 'partlyApproved';
      await tx.update('permitApplication', id, { state, approvedCount: permitIds.length, permitIds, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'permitApplication.reject',
    args: applicationRejectArgs,
    roles: PARKING_ROLES,
    async apply(tx, { id, reason }, ctx) {
      await mustBeWaiting(tx, id);
      await tx.update('permitApplication', id, { state: 'rejected', rejectedReason: reason, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'permit.revoke',
    args: permitRevokeArgs,
    roles: PARKING_ROLES,
    async apply(tx, { id, reason }, ctx) {
      await mustBeValid(tx, id);
      await tx.update('permit', id, { status: 'revoked', revokedReason: reason, updatedAt: ctx.at });
      await releasePlates(tx, id, ctx.at);
    },
  }),

  defineMutation({
    name: 'permit.replace',
    args: permitReplaceArgs,
    roles: PARKING_ROLES,
    numbered: { kind: 'permit', field: 'number' },
    async apply(tx, { id, newId, number, reason }, ctx: MutationContext) {
      if (!number) throw new DomainError('error.required', { field: 'number' }, 'number');
      const old = await mustBeValid(tx, id);
      if (await tx.get('permit', newId)) throw new DomainError('error.alreadyExists', { id: newId }, 'newId');
      await tx.update('permit', id, { status: 'replaced', revokedReason: reason, replacedById: newId, updatedAt: ctx.at });
      await releasePlates(tx, id, ctx.at);
      const replacement: Permit = { ...old, id: newId, number, issuedOn: taipeiDateOf(ctx.at), replacesId: id, replacedById: null, revokedReason: '', createdAt: ctx.at, updatedAt: ctx.at };
      await tx.insert('permit', replacement);
      await holdPlates(tx, replacement, ctx.at);
    },
  }),
];

/** An annual permit's year, or a temporary permit's days (one day when only the first is given). */
function validityOf(a: { type: 'annual' | 'temporary'; year?: number; validFrom?: string; validTo?: string }, issuedOn: string) {
  if (a.type === 'annual') {
    if (!a.year) throw new DomainError('error.required', { field: 'year' }, 'year');
    return yearValidity(a.year);
  }
  const validFrom = a.validFrom ?? issuedOn;
  const validTo = a.validTo ?? validFrom;
  if (validTo < validFrom) throw new DomainError('parking.error.days', { max: MAX_TEMPORARY_DAYS }, 'validTo');
  if (addDays(validFrom, MAX_TEMPORARY_DAYS - 1) < validTo) throw new DomainError('parking.error.days', { max: MAX_TEMPORARY_DAYS }, 'validTo');
  return { validFrom, validTo };
}
