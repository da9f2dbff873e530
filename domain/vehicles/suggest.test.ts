import { describe, expect, it } from 'vitest';
import { suggestFits, type SuggestInput } from './suggest';
import type { DriverProfile, Vehicle } from './types';

const v = (id: string, over: Partial<Vehicle> = {}): Vehicle => ({
  id,
  plate: id,
  make: '',
  model: '',
  type: 'sedan',
  seats: 5,
  garageId: 'G1',
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
  serviceTicketId: null,
  serviceCount: 0,
  archived: false,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const d = (id: string, over: Partial<DriverProfile> = {}): DriverProfile => ({
  id,
  personId: id,
  licenceClass: 'bus',
  licenceExpiry: null,
  phone: '',
  allowedTypes: [],
  archived: false,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const REQ = { passengers: 4, departAt: '2021-10-05T01:00:00.000Z', returnAt: '2021-10-05T04:00:00.000Z', withDriver: true, isLoan: false, distanceKm: 20 };
const input = (over: Partial<SuggestInput> = {}): SuggestInput => ({ request: REQ, vehicles: [], drivers: [d('D1')], trips: [], unavailable: [], leave: [], ...over });

describe('best fits for a request', () => {
  it('ranks a sedan with just enough seats above a bus for a short town trip, with reasons', () => {
    const fits = suggestFits(input({ vehicles: [v('BUS', { type: 'bus', seats: 40 }), v('CAR')] }));
    expect(fits[0]).toMatchObject({ vehicleId: 'CAR', driverId: 'D1' });
    expect(fits[0].reasons).toEqual(expect.arrayContaining(['seats', 'typeForDistance']));
  });

  it('prefers a van over a sedan for a long trip, and the request’s garage', () => {
    const fits = suggestFits(input({ request: { ...REQ, distanceKm: 300 }, vehicles: [v('CAR'), v('VAN', { type: 'van', seats: 7, garageId: 'G2' })], garageId: 'G2' }));
    expect(fits[0].vehicleId).toBe('VAN');
    expect(fits[0].reasons).toEqual(expect.arrayContaining(['typeForDistance', 'garage']));
  });

  it('evens the load: the vehicle and driver with fewer trips come first', () => {
    const trips = [{ id: 'T1', vehicleId: 'A', driverId: 'D1', departAt: '2021-10-04T01:00:00.000Z', returnAt: '2021-10-04T02:00:00.000Z', state: 'done' as const }];
    const fits = suggestFits(input({ vehicles: [v('A'), v('B')], drivers: [d('D1'), d('D2')], trips }));
    expect(fits[0]).toMatchObject({ vehicleId: 'B', driverId: 'D2' });
    expect(fits[0].reasons).toContain('lightLoad');
  });

  it('leaves out vehicles that would be refused and those with no driver free', () => {
    const fits = suggestFits(input({ vehicles: [v('SMALL', { seats: 2 }), v('REPAIR', { status: 'in_repair' }), v('OK')], drivers: [d('D1', { licenceClass: 'light' })] }));
    expect(fits.map((f) => f.vehicleId)).toEqual(['OK']);
    expect(suggestFits(input({ vehicles: [v('OK')], drivers: [] }))).toEqual([]);
  });
});
