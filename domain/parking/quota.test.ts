import { describe, expect, it } from 'vitest';
import { issuedAgainstQuota, quotaProblem } from './rules';
import type { Permit } from './types';

type P = Pick<Permit, 'type' | 'status' | 'year' | 'validFrom' | 'validTo'>;
const temp = (validFrom: string, validTo: string, status: Permit['status'] = 'valid'): P => ({ type: 'temporary', status, year: null, validFrom, validTo });
const annual = (year: number, status: Permit['status'] = 'valid'): P => ({ type: 'annual', status, year, validFrom: `${year}-01-01`, validTo: `${year}-12-31` });

describe('the quota rule', () => {
  it('lets the last permit of the quota through and refuses one more, with the figures', () => {
    expect(quotaProblem(10, 9, 1)).toBeNull();
    expect(quotaProblem(10, 10, 1)).toEqual({ code: 'parking.error.quota', params: { quota: 10, issued: 10, asked: 1 } });
    expect(quotaProblem(10, 4, 7)?.params).toEqual({ quota: 10, issued: 4, asked: 7 });
  });
  it('a quota of zero refuses everything; no quota refuses nothing', () => {
    expect(quotaProblem(0, 0, 1)).not.toBeNull();
    expect(quotaProblem(null, 500, 500)).toBeNull();
  });
  it("counts an agency's valid annual permits of the year only: not revoked, not replaced, not another year", () => {
    const held = [annual(2022), annual(2022), annual(2022, 'revoked'), annual(2022, 'replaced'), annual(2023), temp('2022-05-01', '2022-05-01')];
    expect(issuedAgainstQuota(held, 'annual', 2022, { validFrom: '2022-01-01', validTo: '2022-12-31' })).toBe(2);
  });
  it('counts temporary permits on the busiest day of the days asked, a range that reaches into them included', () => {
    const held = [temp('2022-04-28', '2022-05-01'), temp('2022-05-02', '2022-05-02'), temp('2022-05-02', '2022-05-03'), temp('2022-05-02', '2022-05-02', 'revoked'), temp('2022-05-04', '2022-05-04')];
    expect(issuedAgainstQuota(held, 'temporary', 2022, { validFrom: '2022-05-01', validTo: '2022-05-03' })).toBe(2);
    expect(issuedAgainstQuota(held, 'temporary', 2022, { validFrom: '2022-05-01', validTo: '2022-05-01' })).toBe(1);
    expect(issuedAgainstQuota(held, 'temporary', 2022, { validFrom: '2022-05-05', validTo: '2022-05-05' })).toBe(0);
  });
});
