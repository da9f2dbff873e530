/**
 * The dispatch desk's mutations: the fleet, drivers and their leave, requests (online and
 * paper), assigning a trip, cancelling it, and its log. The rule that no vehicle and no
 * driver is on two overlapping trips is checked here at once and again by the sync
 * server's span table (desk.ts), so two dispatchers offline cannot both win.
 */
import { formatDate, taipeiDateOf } from '../dates';
import { DomainError } from '../errors';
import { translate } from '../i18n';
import { openWorkItem } from '../work-items/open';
import { formatPlate } from '../plates';
import type { Problem } from '../errors';
import { defineMutation } from '../mutations/define';
import { mustGet, referenceMutations } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import { holdsAny, type Role } from '../roles';
import { assignRefusal, driverKeyOf, odometerRefusal, vehicleKeyOf } from './rules';
import { serviceDueReasons, serviceTicketIdOf } from './service';
import {
  driverFields,
  driverLeaveArgs,
  requestCancelArgs,
  requestFileArgs,
  tripAssignArgs,
  tripCancelArgs,
  tripIdArgs,
  tripLogArgs,
  vehicleFields,
  vehicleOpenServiceArgs,
  vehicleUnavailableArgs,
} from './schemas';
import type { Trip } from './types';

const DISPATCH: readonly Role[] = ['dispatcher', 'supervisor'];
/** Who keeps the fleet and the drivers (and imports them). */
export const FLEET: readonly Role[] = ['admin', 'supervisor', 'dispatcher'];
/** An agency's own account files online requests, for its own agency only (online.ts). */
const REQUESTERS: readonly Role[] = [...DISPATCH, 'agency_requester'];

/** The agency of a signed-in agency account: its user's person's agency. */
export async function agencyOfUser(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.get('user', userId);
  const person = user?.personId ? await tx.get('person', user.personId) : undefined;
  return person && !person.archived ? person.agencyId : null;
}

const refuse = (p: Problem): never => {
  throw new DomainError(p.code, p.params, p.field);
};

async function checkGarage(tx: Tx, id: string): Promise<void> {
  const v = await mustGet(tx, 'vehicle', id);
  if (!v.garageId) return;
  const space = await mustGet(tx, 'space', v.garageId);
  if (space.kind !== 'garage') throw new DomainError('vehicles.error.notGarage', { name: space.nameZh }, 'garageId');
}

async function checkDriverPerson(tx: Tx, id: string): Promise<void> {
  const d = await mustGet(tx, 'driverProfile', id);
  const person = await mustGet(tx, 'person', d.personId);
  if (person.kind !== 'driver') throw new DomainError('vehicles.error.notDriver', {}, 'personId');
}

async function mustBeTripIn(tx: Tx, id: string, states: readonly Trip['state'][]): Promise<Trip> {
  const t = await mustGet(tx, 'trip', id);
  if (!states.includes(t.state)) throw new DomainError('vehicles.error.tripState', { state: `msg:vehicles.tripState.${t.state}` });
  return t;
}

export const vehicleMutationDefs = [
  ...referenceMutations(
    'vehicle',
    vehicleFields.partial({
      make: true,
      model: true,
      garageId: true,
      status: true,
      odometer: true,
      insuranceDue: true,
      inspectionDue: true,
      licenceDue: true,
      fuelCard: true,
      notes: true,
      serviceIntervalMonths: true,
      serviceIntervalKm: true,
      nextServiceDate: true,
      nextServiceKm: true,
    }),
    {
      roles: FLEET,
      unique: ['plate'],
      complete: (a) => ({
        make: '',
        model: '',
        garageId: null,
        status: 'in_service',
        odometer: 0,
        insuranceDue: null,
        inspectionDue: null,
        licenceDue: null,
        fuelCard: '',
        notes: '',
        serviceIntervalMonths: null,
        serviceIntervalKm: null,
        nextServiceDate: null,
        nextServiceKm: null,
        ...a,
        serviceTicketId: null,
        serviceCount: 0,
      }),
      after: (tx, id) => checkGarage(tx, id),
    },
  ),
  ...referenceMutations('driverProfile', driverFields.partial({ licenceExpiry: true, phone: true, allowedTypes: true }), {
    roles: FLEET,
    unique: ['personId'],
    complete: (a) => ({ licenceExpiry: null, phone: '', allowedTypes: [], ...a }),
    after: (tx, id) => checkDriverPerson(tx, id),
  }),

  defineMutation({
    name: 'vehicle.unavailable',
    args: vehicleUnavailableArgs,
    roles: FLEET,
    async apply(tx, a, ctx) {
      await mustGet(tx, 'vehicle', a.vehicleId);
      if (!(a.to > a.from)) throw new DomainError('vehicles.error.times', {}, 'to');
      await tx.insert('vehicleUnavailable', { id: a.id, vehicleId: a.vehicleId, from: a.from, to: a.to, reason: a.reason ?? '', cancelled: false, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),

  /**
   * Opens the maintenance desk's work item for a vehicle whose service is due. Who opens it:
   * the dispatcher, from the 保養到期 tag on the fleet list (a date falling due); and the trip
   * drawer right after a trip log that brings the odometer to the due reading. The ticket is
   * made by ticket.create itself (its checks, its number, its first status) in the vehicle's
   * garage, and named after the vehicle; its id follows from the vehicle and the service
   * count, so a second workstation opening the same service offline finds it open and
   * changes nothing.
   */
  defineMutation({
    name: 'vehicle.openService',
    args: vehicleOpenServiceArgs,
    roles: FLEET,
    numbered: { kind: 'ticket', field: 'number' },
    async apply(tx, a, ctx) {
      const v = await mustGet(tx, 'vehicle', a.id);
      if (v.serviceTicketId) return;
      const reasons = serviceDueReasons(v, taipeiDateOf(ctx.at));
      if (reasons.length === 0) throw new DomainError('vehicles.error.serviceNotDue', { plate: formatPlate(v.plate) });
      if (!v.garageId) throw new DomainError('vehicles.error.serviceNoGarage', { plate: formatPlate(v.plate) }, 'garageId');
      const ticketId = serviceTicketIdOf(v.id, v.serviceCount);
      // The ticket is data kept in the desk's language, as a clerk would have typed it.
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-TW', key, params);
      const why = reasons.map((r) =>
        r === 'date' ? t('vehicles.service.byDate', { date: formatDate(v.nextServiceDate!, 'zh-TW') }) : t('vehicles.service.byOdometer', { km: v.nextServiceKm!.toLocaleString('en') }),
      );
      await openWorkItem(
        tx,
        {
          id: ticketId,
          number: a.number,
          spaceId: v.garageId,
          category: 'other',
          priority: 'normal',
          subject: t('vehicles.service.subject', { plate: formatPlate(v.plate) }),
          description: t('vehicles.service.description', { plate: formatPlate(v.plate), model: `${v.make} ${v.model}`.trim(), odometer: v.odometer.toLocaleString('en'), why: why.join('、') }),
          source: 'counter',
        },
        ctx,
      );
      await tx.update('vehicle', v.id, { serviceTicketId: ticketId, serviceCount: v.serviceCount + 1, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'driver.leave',
    args: driverLeaveArgs,
    roles: FLEET,
    async apply(tx, a, ctx) {
      await mustGet(tx, 'driverProfile', a.driverId);
      if (!(a.to > a.from)) throw new DomainError('vehicles.error.times', {}, 'to');
      await tx.insert('driverLeave', { id: a.id, driverId: a.driverId, from: a.from, to: a.to, reason: a.reason ?? '', cancelled: false, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'request.file',
    args: requestFileArgs,
    roles: REQUESTERS,
    async apply(tx, a, ctx) {
      if (await tx.get('tripRequest', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      if (!holdsAny(ctx.roles, DISPATCH)) {
        // Not the desk: an agency, which files online and for itself, whatever it sends.
        if (a.source !== 'online') throw new DomainError('vehicles.error.onlineOnly', {}, 'source');
        const own = await agencyOfUser(tx, ctx.userId);
        if (!own) throw new DomainError('vehicles.error.noAgency', {}, 'agencyId');
        if (own !== a.agencyId) throw new DomainError('vehicles.error.otherAgency', {}, 'agencyId');
      }
      if (!(a.returnAt > a.departAt)) throw new DomainError('vehicles.error.times', {}, 'returnAt');
      if (a.source === 'paper' && !a.paperNumber) throw new DomainError('error.required', { field: 'paperNumber' }, 'paperNumber');
      await mustGet(tx, 'agency', a.agencyId);
      if (a.personId) await mustGet(tx, 'person', a.personId);
      await tx.insert('tripRequest', {
        id: a.id,
        source: a.source,
        paperNumber: a.paperNumber ?? '',
        attachments: a.attachments ?? [],
        agencyId: a.agencyId,
        personId: a.personId ?? null,
        requesterName: a.requesterName,
        passengers: a.passengers,
        purpose: a.purpose,
        stops: a.stops,
        departAt: a.departAt,
        returnAt: a.returnAt,
        distanceKm: a.distanceKm,
        isLoan: a.isLoan ?? false,
        withDriver: a.withDriver ?? true,
        state: 'waiting',
        cancelReason: '',
        createdAt: ctx.at,
        updatedAt: ctx.at,
      });
    },
  }),

  defineMutation({
    name: 'request.cancel',
    args: requestCancelArgs,
    roles: DISPATCH,
    async apply(tx, { id, reason }, ctx) {
      const r = await mustGet(tx, 'tripRequest', id);
      if (r.state === 'done' || r.state === 'cancelled') throw new DomainError('vehicles.error.requestState', { state: `msg:vehicles.requestState.${r.state}` });
      for (const t of await tx.find('trip', { requestId: id })) if (t.state === 'assigned') await tx.update('trip', t.id, { state: 'cancelled', updatedAt: ctx.at });
      await tx.update('tripRequest', id, { state: 'cancelled', cancelReason: reason, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'trip.assign',
    args: tripAssignArgs,
    roles: DISPATCH,
    async apply(tx, a, ctx) {
      if (await tx.get('trip', a.id)) throw new DomainError('error.alreadyExists', { id: a.id }, 'id');
      const request = await mustGet(tx, 'tripRequest', a.requestId);
      if (request.state !== 'waiting') throw new DomainError('vehicles.error.requestState', { state: `msg:vehicles.requestState.${request.state}` }, 'requestId');
      const vehicle = await mustGet(tx, 'vehicle', a.vehicleId);
      const driver = a.driverId ? await mustGet(tx, 'driverProfile', a.driverId) : null;
      const trips = [...(await tx.find('trip', { vehicleKey: vehicleKeyOf(vehicle.id) })), ...(driver ? await tx.find('trip', { driverKey: driverKeyOf(driver.id) }) : [])];
      const unavailable = await tx.find('vehicleUnavailable', { vehicleId: vehicle.id });
      const leave = driver ? await tx.find('driverLeave', { driverId: driver.id }) : [];
      const problem = assignRefusal({ request, vehicle, driver, trips, unavailable, leave });
      if (problem) refuse(problem);
      await tx.insert('trip', {
        id: a.id,
        requestId: request.id,
        vehicleId: vehicle.id,
        driverId: driver?.id ?? null,
        agencyId: request.agencyId,
        isLoan: request.isLoan,
        departAt: request.departAt,
        returnAt: request.returnAt,
        vehicleKey: vehicleKeyOf(vehicle.id),
        driverKey: driverKeyOf(driver?.id ?? null),
        state: 'assigned',
        actualDepartAt: null,
        actualReturnAt: null,
        odometerOut: null,
        odometerIn: null,
        fuelLitres: null,
        tolls: null,
        incidents: '',
        handover: '',
        conditionOnReturn: '',
        createdAt: ctx.at,
        updatedAt: ctx.at,
      });
      await tx.update('tripRequest', request.id, { state: 'dispatched', updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'trip.unassign',
    args: tripIdArgs,
    roles: DISPATCH,
    async apply(tx, { id }, ctx) {
      const t = await mustBeTripIn(tx, id, ['assigned']);
      await tx.update('trip', id, { state: 'cancelled', updatedAt: ctx.at });
      await tx.update('tripRequest', t.requestId, { state: 'waiting', updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'trip.cancel',
    args: tripCancelArgs,
    roles: DISPATCH,
    async apply(tx, { id, reason }, ctx) {
      const t = await mustBeTripIn(tx, id, ['assigned', 'under_way']);
      await tx.update('trip', id, { state: 'cancelled', updatedAt: ctx.at });
      await tx.update('tripRequest', t.requestId, { state: 'cancelled', cancelReason: reason, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'trip.log',
    args: tripLogArgs,
    roles: DISPATCH,
    async apply(tx, a, ctx) {
      const t = await mustBeTripIn(tx, a.id, ['assigned', 'under_way', 'done']);
      const vehicle = await mustGet(tx, 'vehicle', t.vehicleId);
      const out = a.odometerOut === undefined ? t.odometerOut : a.odometerOut;
      const back = a.odometerIn === undefined ? t.odometerIn : a.odometerIn;
      // The last reading before this trip: a trip logged again is measured against its own out reading.
      const last = t.odometerOut !== null && t.odometerOut <= vehicle.odometer ? Math.min(vehicle.odometer, t.odometerOut) : vehicle.odometer;
      const problem = odometerRefusal(last, out, back);
      if (problem) refuse(problem);
      const actualReturnAt = a.actualReturnAt === undefined ? t.actualReturnAt : a.actualReturnAt;
      const actualDepartAt = a.actualDepartAt === undefined ? t.actualDepartAt : a.actualDepartAt;
      if (actualDepartAt && actualReturnAt && !(actualReturnAt > actualDepartAt)) throw new DomainError('vehicles.error.times', {}, 'actualReturnAt');
      const state: Trip['state'] = actualReturnAt ? 'done' : actualDepartAt ? 'under_way' : t.state;
      const { id, ...fields } = a;
      await tx.update('trip', id, { ...fields, state, updatedAt: ctx.at });
      const reading = Math.max(out ?? 0, back ?? 0);
      if (reading > vehicle.odometer) await tx.update('vehicle', vehicle.id, { odometer: reading, updatedAt: ctx.at });
      if (state === 'done') await tx.update('tripRequest', t.requestId, { state: 'done', updatedAt: ctx.at });
    },
  }),
];
