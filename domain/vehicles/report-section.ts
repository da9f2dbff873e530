/** The dispatch desk's section of the period report: trips dispatched and, of them, lent to other agencies (車次), per agency. */
import { defineReportSection, figure } from '../report/section';
import type { VehicleFigures } from './figures';

export const vehiclesReport = defineReportSection({
  title: 'report.section.vehicles',
  figures: [
    figure<VehicleFigures>({
      name: 'trips',
      call: 'vehicles.figures',
      measure: '車次',
      additive: true,
      label: 'report.figure.trips',
      records: 'vehicles.figureRecords',
      pick: (a) => ({ total: a.trips, byAgency: a.byAgency }),
    }),
    figure<VehicleFigures>({
      name: 'trips_lent',
      call: 'vehicles.figures',
      measure: '車次',
      additive: true,
      label: 'report.figure.trips_lent',
      records: 'vehicles.figureRecords',
      pick: (a) => ({ total: a.tripsLent, byAgency: a.lentByAgency }),
    }),
  ],
  sentence: 'report.sentence.vehicles',
  charts: [{ id: 'tripsByAgency', title: 'report.chart.tripsByAgency', figures: ['trips'], kind: 'bar', x: { column: 'agency' } }],
});
