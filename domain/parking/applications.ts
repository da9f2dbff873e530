/**
 * Approving an agency's application: the permits it issues, one per plate the agency
 * listed, as the mutations of one batch (each numbered by the workstation), followed by
 * the approval that names them. The permits' ids come from the application's, so an
 * approval run twice cannot issue twice.
 */
import { DomainError } from '../errors';
import type { PermitApplication } from './types';

export interface ApprovalItem {
  name: 'permit.issue' | 'permitApplication.approve';
  args: Record<string, unknown>;
}

export const applicationPermitId = (applicationId: string, i: number) => `${applicationId}:permit:${i + 1}`;

/** The batch that approves `count` of the application's permits (all of them when count is its count asked). */
export function approvalItems(
  app: Pick<PermitApplication, 'id' | 'state' | 'countAsked' | 'plates' | 'type' | 'areaId' | 'agencyId' | 'vehicleType' | 'year' | 'validFrom' | 'validTo' | 'purpose'>,
  count: number,
  holderName: string,
): ApprovalItem[] {
  if (app.state !== 'waiting') throw new DomainError('parking.error.notWaiting', { state: `msg:parking.application.${app.state}` });
  if (count < 1 || count > app.countAsked) throw new DomainError('parking.error.overAsked', { asked: app.countAsked, count }, 'count');
  if (app.plates.length < count) throw new DomainError('parking.error.platesMissing', { count, plates: app.plates.length }, 'count');
  const ids = Array.from({ length: count }, (_, i) => applicationPermitId(app.id, i));
  const permits = ids.map((id, i): ApprovalItem => ({
    name: 'permit.issue',
    args: {
      id,
      type: app.type,
      areaId: app.areaId,
      holderAgencyId: app.agencyId,
      holderName,
      plates: [app.plates[i]],
      vehicleType: app.vehicleType,
      ...(app.type === 'annual' ? { year: app.year ?? undefined } : { validFrom: app.validFrom, validTo: app.validTo }),
      notes: app.purpose,
    },
  }));
  return [...permits, { name: 'permitApplication.approve', args: { id: app.id, permitIds: ids } }];
}
