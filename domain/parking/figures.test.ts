import { describe, expect, it } from 'vitest';
import { parkingFigures } from './figures';
import type { Permit } from './types';

type P = Pick<Permit, 'type' | 'status' | 'year' | 'issuedOn' | 'siteId'>;
const annual = (year: number, siteId = 'SW', status: Permit['status'] = 'valid'): P => ({ type: 'annual', year, siteId, status, issuedOn: `${year - 1}-12-15` });
const temporary = (issuedOn: string, siteId = 'SW', status: Permit['status'] = 'valid'): P => ({ type: 'temporary', year: null, siteId, status, issuedOn });
const PERIOD = { from: '2021-09-01', to: '2022-01-31' };

describe('parking figures for the period report', () => {
  it('counts annual permits valid for the year of the period end, per site, not voided', () => {
    const f = parkingFigures([annual(2022), annual(2022, 'FS'), annual(2022, 'SW', 'revoked'), annual(2022, 'SW', 'replaced'), annual(2021)], PERIOD);
    expect(f.year).toBe(2022);
    expect(f.annual).toEqual({ total: 2, bySite: { SW: 1, FS: 1 } });
  });

  it('counts annual permits of another year when asked for it', () => {
    expect(parkingFigures([annual(2021), annual(2022)], PERIOD, 2021).annual.total).toBe(1);
  });

  it('counts temporary permits issued on a day inside the period, both ends included, per site', () => {
    const f = parkingFigures(
      [temporary('2021-08-31'), temporary('2021-09-01'), temporary('2021-12-31', 'FS'), temporary('2022-01-31'), temporary('2022-02-01'), temporary('2021-10-10', 'SW', 'revoked')],
      PERIOD,
    );
    expect(f.temporary).toEqual({ total: 3, bySite: { SW: 2, FS: 1 } });
  });

  it('counts a lost permit once: the replacement, not the one it replaced', () => {
    const f = parkingFigures([temporary('2021-10-01', 'SW', 'replaced'), temporary('2021-10-02', 'SW')], PERIOD);
    expect(f.temporary.total).toBe(1);
  });

  it('adds up over two adjacent periods to the figure of their union', () => {
    const all = [temporary('2021-09-30'), temporary('2021-10-01'), temporary('2021-11-15', 'FS'), temporary('2022-01-31')];
    const a = parkingFigures(all, { from: '2021-09-01', to: '2021-10-31' }).temporary.total;
    const b = parkingFigures(all, { from: '2021-11-01', to: '2022-01-31' }).temporary.total;
    expect(a + b).toBe(parkingFigures(all, PERIOD).temporary.total);
  });
});
