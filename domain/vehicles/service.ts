/**
 * A vehicle's periodic service (定期保養): when it falls due, by date or by odometer, and
 * the next due once the service is done. Pure; the mutation that opens the maintenance
 * desk's work item is vehicle.openService (mutations.ts), the one that clears it is the
 * ticket's own close (serviceTicketEnded, service-ticket.ts).
 */
import { addDays, type BusinessDate } from '../dates';
import type { Vehicle } from './types';

/** A service date this near counts as due: the dispatcher books the garage a week ahead. */
export const SERVICE_MARGIN_DAYS = 7;

export type ServiceDueReason = 'date' | 'odometer';

type ServiceFields = Pick<Vehicle, 'status' | 'odometer' | 'nextServiceDate' | 'nextServiceKm' | 'serviceTicketId'>;

/**
 * Why the vehicle's service is due on `today`, or null: the next service date is reached
 * or within SERVICE_MARGIN_DAYS, or the odometer has reached the next service reading. A
 * retired vehicle is never due. Both reasons when both hold, date first.
 */
export function serviceDueReasons(v: ServiceFields, today: BusinessDate, marginDays = SERVICE_MARGIN_DAYS): ServiceDueReason[] {
  if (v.status === 'retired') return [];
  const out: ServiceDueReason[] = [];
  if (v.nextServiceDate && v.nextServiceDate <= addDays(today, marginDays)) out.push('date');
  if (v.nextServiceKm !== null && v.odometer >= v.nextServiceKm) out.push('odometer');
  return out;
}

/** Whether the vehicle shows 保養到期: its service is due, or its work item is still open on the maintenance desk. */
export function showsServiceDue(v: ServiceFields, today: BusinessDate): boolean {
  return v.serviceTicketId !== null || serviceDueReasons(v, today).length > 0;
}

/** Whether the desk should open the work item now: due and none open yet. */
export function needsServiceTicket(v: ServiceFields, today: BusinessDate): boolean {
  return v.serviceTicketId === null && serviceDueReasons(v, today).length > 0;
}

/**
 * The work item's id for the vehicle's next service: the same on every workstation, so two
 * dispatchers offline who both open it make one ticket, not two.
 */
export function serviceTicketIdOf(vehicleId: string, serviceCount: number): string {
  return `svc-${vehicleId}-${serviceCount + 1}`;
}

/** The date `months` calendar months after `date`, kept to the month's last day (1/31 + 1 → 2/28). */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as BusinessDate;
}

/**
 * The next due once a service is done on `doneOn` with the odometer at `odometer`: the
 * intervals counted from then. Without an interval, that due is left empty (to be set by
 * hand), rather than staying due for ever.
 */
export function nextServiceAfter(v: Pick<Vehicle, 'serviceIntervalMonths' | 'serviceIntervalKm'>, doneOn: BusinessDate, odometer: number): Pick<Vehicle, 'nextServiceDate' | 'nextServiceKm'> {
  return {
    nextServiceDate: v.serviceIntervalMonths ? addMonths(doneOn, v.serviceIntervalMonths) : null,
    nextServiceKm: v.serviceIntervalKm ? odometer + v.serviceIntervalKm : null,
  };
}
