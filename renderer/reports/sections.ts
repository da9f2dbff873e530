/** What the report's screen and printout share: which charts belong to a section, and the period as a line of text. */
import { formatDate, type Locale } from '../../domain/dates';
import { DESK_MODULES } from '../../domain/desks';
import type { ReportChartData } from '../../domain/report/charts';
import type { PeriodReport } from '../../domain/report/compute';
import type { T } from '../app/i18n';

/** Each chart under the section of the desk that declares it (domain/desks.ts). */
const CHART_DESK = new Map(DESK_MODULES.flatMap((d) => (d.report?.charts ?? []).map((c) => [c.id, d.id] as const)));

export const chartsOfSection = (charts: readonly ReportChartData[], deskId: string) => charts.filter((c) => CHART_DESK.get(c.id) === deskId);

/** 110年9月1日至111年1月31日（去年同期 …） */
export function periodLine(t: T, report: PeriodReport, locale: Locale): string {
  const d = (x: string) => formatDate(x, locale, 'long');
  return t('report.ui.period.shown', { from: d(report.period.from), to: d(report.period.to), lastFrom: d(report.lastYearPeriod.from), lastTo: d(report.lastYearPeriod.to) });
}

/** Whether nothing at all counted in the period. */
export const isEmptyReport = (report: PeriodReport) => report.sections.every((s) => s.figures.every((f) => f.now.total === 0));
