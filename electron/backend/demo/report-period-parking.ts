/**
 * The parking desk's records of the seed report's period (110/9/1–111/1/31, docs/domain.md
 * "How the report counts"): 741 annual permits for 111 and temporary permits issued in the
 * period, 2,961 at 四維 and 1,556 at 鳳山 — plus permits that must not count: a voided
 * annual one, annual ones for 110, a voided temporary one, and temporary ones issued the
 * day before and the day after the period. The first look at the report desk shows the
 * business report's own figures.
 */
import { addDays } from '../../../domain/dates';
import type { NamedMutation } from '../desk';
import { agencyId } from './agencies';
import { DEMO_PEOPLE } from './people';

export const SEED_PERIOD: { from: string; to: string } = { from: '2021-09-01', to: '2022-01-31' };

/** The seed report's parking figures. */
export const SEED_PARKING = { annual2022: 741, temporarySW: 2961, temporaryFS: 1556 } as const;

const L = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A plate of its own for each of the period's permits (`RA` … so none is the demo's this-week plates). */
const plate = (i: number) => `R${L[Math.floor(i / 9000) % L.length]}${L[Math.floor(i / 9000 / L.length) % L.length]}-${String(1000 + (i % 9000))}`;

/** `parkingAreaId` is the parking demo's own (passed in so the two files do not import each other). */
export function reportPeriodParkingMutations(parkingAreaId: (site: string, space: string) => string): NamedMutation[] {
  const out: NamedMutation[] = [];
  const agencies = [...new Set(DEMO_PEOPLE.flatMap((p) => (p.agency ? [p.agency] : [])))];
  let n = 0;
  const issue = (id: string, args: Record<string, unknown>) => {
    const i = n++;
    out.push({ name: 'permit.issue', args: { id, holderAgencyId: agencyId(agencies[i % agencies.length]), holderName: `申請人 ${i + 1}`, plates: [plate(i)], vehicleType: 'car', ...args } });
  };
  // Annual permits for 111 (2022), issued in December and January, at both centres' car parks.
  for (let i = 0; i < SEED_PARKING.annual2022; i++) {
    issue(`demo-rp-annual-${i + 1}`, { type: 'annual', areaId: i % 3 === 2 ? parkingAreaId('FS', 'P-BB1') : parkingAreaId('SW', 'P-B2'), year: 2022, issuedOn: i % 2 ? '2021-12-15' : '2022-01-03' });
  }
  // Not counted for 111: one voided, and a few for 110.
  issue('demo-rp-annual-voided', { type: 'annual', areaId: parkingAreaId('SW', 'P-B2'), year: 2022, issuedOn: '2022-01-04' });
  out.push({ name: 'permit.revoke', args: { id: 'demo-rp-annual-voided', reason: '離職繳回' } });
  for (let i = 0; i < 5; i++) issue(`demo-rp-annual-2021-${i + 1}`, { type: 'annual', areaId: parkingAreaId('FS', 'P-BB1'), year: 2021, issuedOn: '2021-01-05' });
  // Temporary permits issued each day of the period, spread evenly, the period's first and last day included.
  const days: string[] = [];
  for (let d = SEED_PERIOD.from; d <= SEED_PERIOD.to; d = addDays(d, 1)) days.push(d);
  const temporary = (site: 'SW' | 'FS', count: number) => {
    const area = site === 'SW' ? parkingAreaId('SW', 'P-OUT') : parkingAreaId('FS', 'P-FOUT');
    for (let i = 0; i < count; i++) {
      const day = days[Math.floor((i * days.length) / count)];
      issue(`demo-rp-temp-${site}-${i + 1}`, { type: 'temporary', areaId: area, validFrom: day, validTo: day, issuedOn: day });
    }
  };
  temporary('SW', SEED_PARKING.temporarySW);
  temporary('FS', SEED_PARKING.temporaryFS);
  // Not counted: voided, and issued the day before and the day after the period.
  issue('demo-rp-temp-voided', { type: 'temporary', areaId: parkingAreaId('SW', 'P-OUT'), validFrom: '2021-10-05', validTo: '2021-10-05', issuedOn: '2021-10-04' });
  out.push({ name: 'permit.revoke', args: { id: 'demo-rp-temp-voided', reason: '活動取消' } });
  issue('demo-rp-temp-before', { type: 'temporary', areaId: parkingAreaId('SW', 'P-OUT'), validFrom: '2021-09-01', validTo: '2021-09-01', issuedOn: '2021-08-31' });
  issue('demo-rp-temp-after', { type: 'temporary', areaId: parkingAreaId('FS', 'P-FOUT'), validFrom: '2022-02-01', validTo: '2022-02-01', issuedOn: '2022-02-01' });
  return out;
}
