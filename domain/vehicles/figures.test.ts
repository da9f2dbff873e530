import { describe, expect, it } from 'vitest';
import { vehicleFigures } from './figures';

const PERIOD = { from: '2021-09-01', to: '2022-01-31' };
// Taipei is UTC+8: 16:00Z is the next Taipei day's midnight.
const t = (departAt: string, over: Partial<Parameters<typeof vehicleFigures>[0][number]> = {}) => ({
  vehicleId: 'V1',
  agencyId: 'A1',
  isLoan: false,
  state: 'done' as const,
  departAt,
  returnAt: new Date(Date.parse(departAt) + 2 * 3_600_000).toISOString(),
  actualDepartAt: null,
  actualReturnAt: null,
  ...over,
});

describe('vehicle trip figures for the period report', () => {
  it('counts dispatched trips departing on the first and last Taipei day, not the days outside', () => {
    const f = vehicleFigures(
      [
        t('2021-08-31T15:59:00.000Z'), // 2021-08-31 23:59 Taipei
        t('2021-08-31T16:00:00.000Z'), // 2021-09-01 00:00 Taipei
        t('2022-01-31T15:59:00.000Z'), // 2022-01-31 23:59 Taipei
        t('2022-01-31T16:00:00.000Z'), // 2022-02-01 Taipei
      ],
      PERIOD,
    );
    expect(f.trips).toBe(2);
  });

  it('leaves out cancelled trips and requests with no vehicle', () => {
    const f = vehicleFigures([t('2021-10-01T01:00:00.000Z', { state: 'cancelled' }), t('2021-10-01T01:00:00.000Z', { vehicleId: '' }), t('2021-10-01T01:00:00.000Z', { state: 'assigned' })], PERIOD);
    expect(f.trips).toBe(1);
  });

  it('counts loans among the trips, and splits by agency and by vehicle', () => {
    const f = vehicleFigures(
      [t('2021-10-01T01:00:00.000Z', { isLoan: true, agencyId: 'A2', vehicleId: 'V2' }), t('2021-10-02T01:00:00.000Z'), t('2021-10-03T01:00:00.000Z', { vehicleId: 'V2' })],
      PERIOD,
    );
    expect(f).toMatchObject({ trips: 3, tripsLent: 1, byAgency: { A1: 2, A2: 1 }, byVehicle: { V1: 1, V2: 2 } });
  });

  it('adds each vehicle’s hours out, the logged times when there are some', () => {
    const f = vehicleFigures([t('2021-10-01T01:00:00.000Z'), t('2021-10-02T01:00:00.000Z', { actualDepartAt: '2021-10-02T01:00:00.000Z', actualReturnAt: '2021-10-02T04:30:00.000Z' })], PERIOD);
    expect(f.hoursByVehicle).toEqual({ V1: 5.5 });
  });
});
