/** The dispatch desk's section of the period report: trips dispatched and, of them, lent to other agencies (車次), per agency. */
import { defineReportSection, figure } from '../report/section';
import type { VehicleFigures } from './figures';

export const vehiclesReport = defineReportSection({
  title: { zh: '公務車輛調派', en: 'Vehicle dispatch' },
  figures: [
    figure<VehicleFigures>({
      name: 'trips',
      call: 'vehicles.figures',
      measure: '車次',
      additive: true,
      label: { zh: '調派車次', en: 'Trips dispatched' },
      pick: (a) => ({ total: a.trips, byAgency: a.byAgency }),
    }),
    figure<VehicleFigures>({
      name: 'trips_lent',
      call: 'vehicles.figures',
      measure: '車次',
      additive: true,
      label: { zh: '支援其他機關借用車次', en: 'Trips lent to other agencies' },
      pick: (a) => ({ total: a.tripsLent, byAgency: a.lentByAgency }),
    }),
  ],
  sentence: '本期公務車輛調派計有 {trips} 車次，其中支援市府其他機關申請借用車輛計有 {trips_lent} 車次。',
});
