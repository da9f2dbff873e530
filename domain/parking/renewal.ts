/**
 * The bulk annual renewal (年度換證): next year's permits from this year's valid annual
 * holders, reviewed by the clerk as a list (drop a line, change its plates or area) and
 * issued in runs of a few dozen so the screen can show progress. Each renewed permit's id
 * comes from the permit it renews and the year, so a run cut short and started again
 * issues only what is still missing, never a permit twice.
 */
import { DomainError } from '../errors';
import type { Permit } from './types';

/** How many permits one run issues: small enough for a smooth progress bar, large enough to be quick. */
export const RENEWAL_RUN = 50;

// FNV-1a, for ids too long to carry whole: stable across workstations and the server.
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The id of the permit that renews `oldId` for `year`. */
export function renewalId(oldId: string, year: number): string {
  const id = `renew-${year}-${oldId}`;
  return id.length <= 64 ? id : `renew-${year}-${oldId.slice(0, 40)}-${fnv1a(oldId)}`;
}

/** One line of the renewal list: a permit of the year before, and whether it is renewed already. */
export interface RenewalLine {
  oldId: string;
  oldNumber: string;
  holderName: string;
  holderTitle: string;
  holderAgencyId: string | null;
  holderPersonId: string | null;
  plates: string[];
  vehicleType: Permit['vehicleType'];
  areaId: string;
  siteId: string;
  /** The permit that renews it, once issued (with the plates and area it was issued with). */
  renewed: Pick<Permit, 'id' | 'number' | 'plates' | 'areaId'> | null;
}

const pickRenewed = (p: Permit | undefined): RenewalLine['renewed'] => (p ? { id: p.id, number: p.number, plates: p.plates, areaId: p.areaId } : null);

/** The annual permits of `year - 1` still valid, as renewal lines for `year`; `renewed` finds a renewal already issued. */
export function renewalLines(permits: readonly Permit[], year: number, renewed: (id: string) => Permit | undefined): RenewalLine[] {
  return permits
    .filter((p) => p.type === 'annual' && p.year === year - 1 && p.status === 'valid')
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((p) => ({
      oldId: p.id,
      oldNumber: p.number,
      holderName: p.holderName,
      holderTitle: p.holderTitle,
      holderAgencyId: p.holderAgencyId,
      holderPersonId: p.holderPersonId,
      plates: p.plates,
      vehicleType: p.vehicleType,
      areaId: p.areaId,
      siteId: p.siteId,
      renewed: pickRenewed(renewed(renewalId(p.id, year))),
    }));
}

/** What the clerk changed on a line before issuing it. */
export interface RenewalChange {
  oldId: string;
  plates?: string[];
  areaId?: string;
}

/** The permit.issue arguments that renew a permit for `year`, with the clerk's changes. */
export function renewalIssue(old: Permit, year: number, change: RenewalChange): Record<string, unknown> {
  if (old.type !== 'annual' || old.status !== 'valid') throw new DomainError('parking.error.notValid', { number: old.number, status: `msg:parking.status.${old.status}` }, 'oldId');
  if (old.year !== year - 1) throw new DomainError('parking.error.renewalYear', { number: old.number, year: year - 1911 }, 'year');
  return {
    id: renewalId(old.id, year),
    type: 'annual',
    areaId: change.areaId ?? old.areaId,
    holderPersonId: old.holderPersonId,
    holderAgencyId: old.holderAgencyId,
    holderName: old.holderName,
    holderTitle: old.holderTitle,
    plates: change.plates ?? old.plates,
    vehicleType: old.vehicleType,
    year,
    fee: old.fee,
    notes: old.notes,
  };
}
