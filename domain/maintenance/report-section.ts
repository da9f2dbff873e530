/** The maintenance desk's section of the period report: repair cases handled, inspection rounds done, projects completed. */
import { defineReportSection, figure, sumOf } from '../report/section';
import type { InspectionFigures } from './inspections-views';
import type { CasesHandled } from './report';

export const maintenanceReport = defineReportSection({
  title: 'report.section.maintenance',
  figures: [
    figure<CasesHandled>({
      name: 'repair_cases',
      call: 'tickets.figures',
      measure: '件',
      additive: true,
      perSite: true,
      label: 'report.figure.repair_cases',
      records: 'tickets.figureRecords',
      pick: (a) => ({ total: a.total, bySite: Object.fromEntries(Object.entries(a.bySite).map(([site, byCategory]) => [site, sumOf(byCategory)])) }),
    }),
    figure<InspectionFigures>({
      name: 'inspection_rounds',
      call: 'inspections.figures',
      measure: '次',
      additive: true,
      label: 'report.figure.inspection_rounds',
      records: 'inspections.figureRecords',
      pick: (a) => ({ total: a.roundsDone }),
    }),
    figure<InspectionFigures>({
      name: 'projects',
      call: 'inspections.figures',
      measure: '項',
      additive: true,
      label: 'report.figure.projects',
      records: 'inspections.figureRecords',
      pick: (a) => ({ total: a.projectsCompleted }),
    }),
  ],
  sentence: 'report.sentence.maintenance',
  charts: [{ id: 'ticketsByCategoryMonth', title: 'report.chart.ticketsByCategoryMonth', figures: ['repair_cases'], kind: 'bar', x: 'month', by: { column: 'category' } }],
});
