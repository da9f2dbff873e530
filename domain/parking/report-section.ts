/** The parking desk's section of the period report: annual permits for a year and temporary permits per site (張). */
import { defineReportSection, figure } from '../report/section';
import type { ParkingFigures } from './figures';

export const parkingReport = defineReportSection({
  title: { zh: '停車證', en: 'Parking permits' },
  figures: [
    figure<ParkingFigures>({
      name: 'annual_permits',
      call: 'parking.figures',
      measure: '張',
      additive: false,
      forYear: true,
      label: { zh: '年度停車證', en: 'Annual permits' },
      pick: (a) => ({ total: a.annual.total, bySite: a.annual.bySite }),
    }),
    figure<ParkingFigures>({
      name: 'temporary_permits',
      call: 'parking.figures',
      measure: '張',
      additive: true,
      perSite: true,
      label: { zh: '臨時停車證', en: 'Temporary permits' },
      pick: (a) => ({ total: a.temporary.total, bySite: a.temporary.bySite }),
    }),
  ],
  sentence: '本期核發兩行政中心 {year} 年度停車證共計 {annual_permits} 張及各機關申請臨時停車證核發四維計有 {temporary_permits_siwei} 張及鳳山計有 {temporary_permits_fengshan} 張。',
});
