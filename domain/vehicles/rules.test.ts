import { describe, expect, it } from 'vitest';
import { assignRefusal, documentsDue, isPastRequest, licenceFits, odometerRefusal, type AssignContext } from './rules';

// 2021-10-05 09:00–12:00 Taipei.
const REQ = { passengers: 3, departAt: '2021-10-05T01:00:00.000Z', returnAt: '2021-10-05T04:00:00.000Z', withDriver: true, isLoan: false };
const VEHICLE = { id: 'V1', status: 'in_service' as const, seats: 5, type: 'sedan' as const, insuranceDue: '2022-06-30', inspectionDue: '2022-03-31', archived: false };
const DRIVER = { id: 'D1', licenceClass: 'light' as const, licenceExpiry: '2025-01-01', allowedTypes: [], archived: false };
const ctx = (over: Partial<AssignContext> = {}): AssignContext => ({ request: REQ, vehicle: VEHICLE, driver: DRIVER, trips: [], unavailable: [], leave: [], ...over });
const trip = (over: Partial<AssignContext['trips'][number]> = {}) => ({
  id: 'T9',
  vehicleId: 'V2',
  driverId: 'D2',
  departAt: '2021-10-05T03:00:00.000Z',
  returnAt: '2021-10-05T06:00:00.000Z',
  state: 'assigned' as const,
  ...over,
});
const code = (c: AssignContext) => assignRefusal(c)?.code ?? null;

describe('dispatch refusal rules', () => {
  it('lets a fitting vehicle and driver take a free request', () => {
    expect(code(ctx())).toBeNull();
  });

  it('refuses a vehicle already on an overlapping trip, naming that trip', () => {
    const p = assignRefusal(ctx({ trips: [trip({ vehicleId: 'V1' })] }));
    expect(p?.code).toBe('vehicles.error.vehicleBusy');
    expect(p?.params).toMatchObject({ conflictId: 'T9', from: 'date:2021-10-05', fromTime: '11:00', toTime: '14:00' });
  });

  it('refuses a driver already on an overlapping trip', () => {
    expect(code(ctx({ trips: [trip({ driverId: 'D1' })] }))).toBe('vehicles.error.driverBusy');
  });

  it('does not refuse back-to-back trips, cancelled trips or the trip being re-assigned', () => {
    const after = trip({ vehicleId: 'V1', driverId: 'D1', departAt: REQ.returnAt, returnAt: '2021-10-05T08:00:00.000Z' });
    expect(code(ctx({ trips: [after] }))).toBeNull();
    expect(code(ctx({ trips: [trip({ vehicleId: 'V1', state: 'cancelled' })] }))).toBeNull();
    expect(code(ctx({ trips: [trip({ vehicleId: 'V1' })], ignoreTripId: 'T9' }))).toBeNull();
  });

  it('refuses a vehicle in repair, retired or archived', () => {
    expect(code(ctx({ vehicle: { ...VEHICLE, status: 'in_repair' } }))).toBe('vehicles.error.inRepair');
    expect(code(ctx({ vehicle: { ...VEHICLE, status: 'retired' } }))).toBe('vehicles.error.retired');
    expect(code(ctx({ vehicle: { ...VEHICLE, archived: true } }))).toBe('vehicles.error.retired');
  });

  it('refuses a vehicle unavailable for some of the hours, not one unavailable before', () => {
    const u = { vehicleId: 'V1', from: '2021-10-04T16:00:00.000Z', to: '2021-10-05T02:00:00.000Z', cancelled: false };
    expect(code(ctx({ unavailable: [u] }))).toBe('vehicles.error.unavailable');
    expect(code(ctx({ unavailable: [{ ...u, cancelled: true }] }))).toBeNull();
    expect(code(ctx({ unavailable: [{ ...u, to: REQ.departAt }] }))).toBeNull();
  });

  it('refuses a vehicle whose insurance or inspection is past due on the day of departure', () => {
    expect(code(ctx({ vehicle: { ...VEHICLE, insuranceDue: '2021-10-04' } }))).toBe('vehicles.error.insuranceDue');
    expect(code(ctx({ vehicle: { ...VEHICLE, insuranceDue: '2021-10-05' } }))).toBeNull();
    expect(code(ctx({ vehicle: { ...VEHICLE, inspectionDue: '2021-09-30' } }))).toBe('vehicles.error.inspectionDue');
  });

  it('refuses a vehicle with fewer seats than passengers, and takes one with exactly enough', () => {
    expect(assignRefusal(ctx({ request: { ...REQ, passengers: 6 } }))).toMatchObject({ code: 'vehicles.error.seats', params: { seats: 5, passengers: 6 } });
    expect(code(ctx({ request: { ...REQ, passengers: 5 } }))).toBeNull();
  });

  it('refuses a licence class that does not fit the vehicle, or a type the driver is not allowed', () => {
    expect(code(ctx({ vehicle: { ...VEHICLE, type: 'minibus', seats: 20 } }))).toBe('vehicles.error.licenceClass');
    expect(code(ctx({ vehicle: { ...VEHICLE, type: 'minibus', seats: 20 }, driver: { ...DRIVER, licenceClass: 'pro_bus' } }))).toBeNull();
    expect(code(ctx({ driver: { ...DRIVER, allowedTypes: ['van'] } }))).toBe('vehicles.error.licenceClass');
    expect(licenceFits({ licenceClass: 'heavy_truck', allowedTypes: [] }, 'truck')).toBe(true);
  });

  it('refuses a driver whose licence expires before the trip returns', () => {
    expect(code(ctx({ driver: { ...DRIVER, licenceExpiry: '2021-10-04' } }))).toBe('vehicles.error.licenceExpired');
  });

  it('refuses a driver on leave for some of the hours', () => {
    const l = { driverId: 'D1', from: '2021-10-05T00:00:00.000Z', to: '2021-10-05T10:00:00.000Z', cancelled: false };
    expect(code(ctx({ leave: [l] }))).toBe('vehicles.error.onLeave');
    expect(code(ctx({ leave: [{ ...l, driverId: 'D2' }] }))).toBeNull();
  });

  it('needs a driver unless the request goes without one (a loan of the vehicle alone)', () => {
    expect(code(ctx({ driver: null }))).toBe('error.required');
    expect(code(ctx({ driver: null, request: { ...REQ, withDriver: false, isLoan: true } }))).toBeNull();
  });

  it('refuses a return before the departure', () => {
    expect(code(ctx({ request: { ...REQ, returnAt: REQ.departAt } }))).toBe('vehicles.error.times');
  });

  it('refuses an odometer reading below the vehicle’s last one, out or in', () => {
    expect(odometerRefusal(1000, 999, null)?.field).toBe('odometerOut');
    expect(odometerRefusal(1000, 1000, 999)?.field).toBe('odometerIn');
    expect(odometerRefusal(1000, 1010, 1005)?.field).toBe('odometerIn');
    expect(odometerRefusal(1000, 1000, 1080)).toBeNull();
  });

  it('lists the documents due by a day', () => {
    expect(documentsDue({ insuranceDue: '2021-10-01', inspectionDue: '2021-12-01', licenceDue: null }, '2021-10-31')).toEqual(['insurance']);
  });
});

describe('the queue leaves out requests of earlier days', () => {
  it('a request that returned before today began is past; one returning today or later is not', () => {
    expect(isPastRequest({ returnAt: '2022-03-01T15:59:00Z' }, '2022-03-02')).toBe(true);
    // 2022-03-02 00:00 in Taipei is 03-01 16:00Z.
    expect(isPastRequest({ returnAt: '2022-03-01T16:00:00Z' }, '2022-03-02')).toBe(true);
    expect(isPastRequest({ returnAt: '2022-03-01T16:01:00Z' }, '2022-03-02')).toBe(false);
    expect(isPastRequest({ returnAt: '2022-03-05T08:00:00Z' }, '2022-03-02')).toBe(false);
  });
});
