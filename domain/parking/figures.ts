/**
 * The parking desk's figures for the period report (docs/domain.md, "How the report
 * counts: Annual parking permits" and "Temporary parking permits"): annual permits valid
 * for year Y, issued and not voided; and temporary permits issued on a date inside the
 * period, per site, not voided. A revoked permit is voided; so is one replaced after a
 * loss, whose replacement counts instead.
 */
import type { BusinessDate } from '../dates';
import type { Permit } from './types';

export interface ParkingFigures {
  /** The year the annual permits are counted for (by default the year of the period's end). */
  year: number;
  annual: { total: number; bySite: Record<string, number> };
  temporary: { total: number; bySite: Record<string, number> };
}

type Counted = Pick<Permit, 'type' | 'status' | 'year' | 'issuedOn' | 'siteId'>;

const notVoided = (p: Counted) => p.status === 'valid';

function tally(permits: readonly Counted[]): { total: number; bySite: Record<string, number> } {
  const bySite: Record<string, number> = {};
  for (const p of permits) bySite[p.siteId] = (bySite[p.siteId] ?? 0) + 1;
  return { total: permits.length, bySite };
}

/** The parking figures of the period report, by their names in the desk's report section. */
export const PARKING_FIGURES = ['annual_permits', 'temporary_permits'] as const;
export type ParkingFigureName = (typeof PARKING_FIGURES)[number];

/** Whether a permit counts toward a figure: the one rule the count and the drill-down list both use. */
export function countsToward(figure: ParkingFigureName, period: { from: BusinessDate; to: BusinessDate }, year: number): (p: Counted) => boolean {
  if (figure === 'annual_permits') return (p) => p.type === 'annual' && p.year === year && notVoided(p);
  return (p) => p.type === 'temporary' && notVoided(p) && period.from <= p.issuedOn && p.issuedOn <= period.to;
}

export function parkingFigures(permits: readonly Counted[], period: { from: BusinessDate; to: BusinessDate }, year = Number(period.to.slice(0, 4))): ParkingFigures {
  return {
    year,
    annual: tally(permits.filter(countsToward('annual_permits', period, year))),
    temporary: tally(permits.filter(countsToward('temporary_permits', period, year))),
  };
}
