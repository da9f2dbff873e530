/** The parking desk's rules, as pure functions the mutations, the gate and the figures share. */
import { addDays, startOfTaipeiDay, type BusinessDate } from '../dates';
import type { Permit, PermitPlate, PermitType } from './types';

/** An annual permit is valid for its calendar year: 1 January to 31 December. */
export function yearValidity(year: number): { validFrom: BusinessDate; validTo: BusinessDate } {
  return { validFrom: `${year}-01-01`, validTo: `${year}-12-31` };
}

/** A temporary permit is for a day or a few: at most this many days. */
export const MAX_TEMPORARY_DAYS = 31;

/** The instants a permit's days cover in Taipei: [first day's midnight, the midnight after the last day). */
export function heldInstants(validFrom: BusinessDate, validTo: BusinessDate): { heldFrom: string; heldTo: string } {
  return { heldFrom: startOfTaipeiDay(validFrom), heldTo: startOfTaipeiDay(addDays(validTo, 1)) };
}

export const holdKeyOf = (siteId: string, plate: string) => `${siteId}|${plate}`;

/** Two plates' holds overlap when both are valid and their days meet. */
export function holdsOverlap(a: Pick<PermitPlate, 'heldFrom' | 'heldTo'>, b: Pick<PermitPlate, 'heldFrom' | 'heldTo'>): boolean {
  return a.heldFrom < b.heldTo && b.heldFrom < a.heldTo;
}

/** Whether a permit lets its plates in at its site on a Taipei date. */
export function validOn(permit: Pick<Permit, 'status' | 'validFrom' | 'validTo'>, date: BusinessDate): boolean {
  return permit.status === 'valid' && permit.validFrom <= date && date <= permit.validTo;
}

/** The year a permit's printed number carries: an annual one's validity year, a temporary one's year of issue. */
export function numberYear(type: PermitType, year: number | null | undefined, issuedOn: BusinessDate): number {
  return type === 'annual' && year ? year : Number(issuedOn.slice(0, 4));
}

/**
 * The quota rule: an agency holds at most `quota` permits of a type at a site (per year for
 * annual ones, on any one day for temporary ones). Null when `asked` more still fit; else the
 * refusal with the figures the clerk needs (quota, issued, asked).
 */
export function quotaProblem(quota: number | null, issued: number, asked: number): { code: 'parking.error.quota'; params: { quota: number; issued: number; asked: number } } | null {
  if (quota === null || issued + asked <= quota) return null;
  return { code: 'parking.error.quota', params: { quota, issued, asked } };
}

/** How many of an agency's permits count against a quota for a permit of `days`: annual ones of the year; temporary ones on the busiest day of `days`. */
export function issuedAgainstQuota(
  permits: readonly Pick<Permit, 'type' | 'status' | 'year' | 'validFrom' | 'validTo'>[],
  type: PermitType,
  year: number,
  days: { validFrom: BusinessDate; validTo: BusinessDate },
): number {
  const valid = permits.filter((p) => p.type === type && p.status === 'valid');
  if (type === 'annual') return valid.filter((p) => p.year === year).length;
  let most = 0;
  for (let d = days.validFrom; d <= days.validTo; d = addDays(d, 1)) most = Math.max(most, valid.filter((p) => p.validFrom <= d && d <= p.validTo).length);
  return most;
}

/** The reminder's default window: permits ending within this many days. */
export const EXPIRING_DAYS = 30;

/**
 * Whether a permit belongs on the reminder "expiring within `days` days": valid and in force
 * today (Taipei), its last day between today and `days` days from today. Never a revoked or
 * replaced one, one already expired, one not begun yet (next year's annual permit, a
 * temporary one for a later day), nor one renewed already (its renewal is issued).
 */
export function expiresWithin(permit: Pick<Permit, 'status' | 'validFrom' | 'validTo'>, today: BusinessDate, days: number, renewed = false): boolean {
  return !renewed && validOn(permit, today) && permit.validTo <= addDays(today, days);
}
