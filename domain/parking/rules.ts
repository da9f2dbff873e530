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
