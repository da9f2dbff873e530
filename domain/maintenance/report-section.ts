/** The maintenance desk's section of the period report: repair cases handled, inspection rounds done, projects completed. */
import { defineReportSection, figure, sumOf } from '../report/section';
import type { InspectionFigures } from './inspections-views';
import type { CasesHandled } from './report';

export const maintenanceReport = defineReportSection({
  title: { zh: '修繕維護', en: 'Maintenance' },
  figures: [
    figure<CasesHandled>({
      name: 'repair_cases',
      call: 'tickets.figures',
      measure: '件',
      additive: true,
      perSite: true,
      label: { zh: '處理修繕案件', en: 'Repair cases handled' },
      pick: (a) => ({ total: a.total, bySite: Object.fromEntries(Object.entries(a.bySite).map(([site, byCategory]) => [site, sumOf(byCategory)])) }),
    }),
    figure<InspectionFigures>({
      name: 'inspection_rounds',
      call: 'inspections.figures',
      measure: '次',
      additive: true,
      label: { zh: '完成巡檢', en: 'Inspection rounds done' },
      pick: (a) => ({ total: a.roundsDone }),
    }),
    figure<InspectionFigures>({
      name: 'projects',
      call: 'inspections.figures',
      measure: '項',
      additive: true,
      label: { zh: '完工工程', en: 'Projects completed' },
      pick: (a) => ({ total: a.projectsCompleted }),
    }),
  ],
  sentence: '辦理兩行政中心辦公大樓水電、土木、通訊、消防、空調、電梯等設施維修案，本期共計處理 {repair_cases} 件，完成定期巡檢 {inspection_rounds} 次，完工工程 {projects} 項。',
});
