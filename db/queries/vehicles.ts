/** The dispatch desk's queries: the trips that may count for a period (with a day's margin each side for Taipei time). */
import { addDays, startOfTaipeiDay, type BusinessDate } from '../../domain/dates';
import { vehicleFigures, type VehicleFigures } from '../../domain/vehicles/figures';
import type { Db } from '../open';
import { prepared } from '../statements';

export function vehicleFiguresOf(db: Db, period: { from: BusinessDate; to: BusinessDate }): VehicleFigures {
  const rows = (
    prepared(
      db,
      `SELECT vehicle_id AS vehicleId, agency_id AS agencyId, is_loan AS isLoan, state, depart_at AS departAt, return_at AS returnAt,
              actual_depart_at AS actualDepartAt, actual_return_at AS actualReturnAt
         FROM trip WHERE depart_at >= ? AND depart_at < ?`,
    ).all(startOfTaipeiDay(period.from), startOfTaipeiDay(addDays(period.to, 1))) as (Parameters<typeof vehicleFigures>[0][number] & { isLoan: number | boolean })[]
  ).map((r) => ({ ...r, isLoan: Boolean(r.isLoan) }));
  return vehicleFigures(rows, period);
}
