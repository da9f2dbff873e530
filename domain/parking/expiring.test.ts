import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates';
import { expiresWithin, yearValidity } from './rules';
import type { Permit } from './types';

type P = Pick<Permit, 'status' | 'validFrom' | 'validTo'>;
const annual = (year: number, status: Permit['status'] = 'valid'): P => ({ status, ...yearValidity(year) });
const temp = (validFrom: string, validTo: string, status: Permit['status'] = 'valid'): P => ({ status, validFrom, validTo });

describe('the reminder of permits expiring within N days', () => {
  it('lists an annual permit from 30 days before 31 December, not the day before that', () => {
    expect(expiresWithin(annual(2022), '2022-12-01', 30)).toBe(true);
    expect(expiresWithin(annual(2022), '2022-11-30', 30)).toBe(false);
    expect(expiresWithin(annual(2022), '2022-12-31', 30)).toBe(true);
  });
  it('counts the days left as the list shows them', () => {
    expect(daysBetween('2022-12-01', '2022-12-31')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2022-05-04', '2022-05-03')).toBe(-1);
  });
  it('a permit on its last day is listed with a window of 0 days; the day after, it has expired and is not', () => {
    expect(expiresWithin(temp('2022-05-01', '2022-05-03'), '2022-05-03', 0)).toBe(true);
    expect(expiresWithin(temp('2022-05-01', '2022-05-03'), '2022-05-04', 30)).toBe(false);
    expect(expiresWithin(annual(2021), '2022-01-01', 30)).toBe(false);
  });
  it('a temporary range in force ending within the window is listed; one not begun yet is not', () => {
    expect(expiresWithin(temp('2022-05-01', '2022-05-20'), '2022-05-10', 10)).toBe(true);
    expect(expiresWithin(temp('2022-05-01', '2022-05-21'), '2022-05-10', 10)).toBe(false);
    expect(expiresWithin(temp('2022-05-12', '2022-05-12'), '2022-05-10', 30)).toBe(false);
    expect(expiresWithin(annual(2023), '2022-12-15', 30)).toBe(false);
  });
  it('never lists a revoked or replaced permit, nor one renewed already', () => {
    expect(expiresWithin(annual(2022, 'revoked'), '2022-12-15', 30)).toBe(false);
    expect(expiresWithin(annual(2022, 'replaced'), '2022-12-15', 30)).toBe(false);
    expect(expiresWithin(annual(2022), '2022-12-15', 30, true)).toBe(false);
  });
});
