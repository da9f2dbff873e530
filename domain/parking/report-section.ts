/** The parking desk's section of the period report: annual permits for a year and temporary permits per site (張). */
import { defineReportSection, figure } from '../report/section';
import type { ParkingFigures } from './figures';

export const parkingReport = defineReportSection({
  title: 'report.section.parking',
  figures: [
    figure<ParkingFigures>({
      name: 'annual_permits',
      call: 'parking.figures',
      measure: '張',
      additive: false,
      forYear: true,
      label: 'report.figure.annual_permits',
      records: 'parking.figureRecords',
      pick: (a) => ({ total: a.annual.total, bySite: a.annual.bySite }),
    }),
    figure<ParkingFigures>({
      name: 'temporary_permits',
      call: 'parking.figures',
      measure: '張',
      additive: true,
      perSite: true,
      label: 'report.figure.temporary_permits',
      records: 'parking.figureRecords',
      pick: (a) => ({ total: a.temporary.total, bySite: a.temporary.bySite }),
    }),
  ],
  sentence: 'report.sentence.parking',
  charts: [{ id: 'permitsBySiteMonth', title: 'report.chart.permitsBySiteMonth', figures: ['temporary_permits'], kind: 'bar', x: 'month', by: 'site' }],
});
