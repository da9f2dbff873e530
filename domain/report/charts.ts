/**
 * The report's charts, counted from the records behind their figures (so a chart and the
 * drill-down list never disagree): each section declares what it charts (section.ts,
 * `ReportChart`), and this counts the rows by month, weekday, site or one of their columns.
 */
import { formatRocShort, type BusinessDate } from '../dates';
import type { MessageKey } from '../i18n';
import type { ReportPeriod } from './period';
import type { FigureRecordRow, ReportChart } from './section';

export interface ReportChartData {
  id: string;
  title: MessageKey;
  kind: ReportChart['kind'];
  /** The x axis' labels, in order. */
  xs: string[];
  /** One series per bar colour (bar) or per row (heat map), each with a count per x. */
  series: { name: string; values: number[] }[];
}

export interface ChartNames {
  site: (siteId: string) => string;
  /** 0 for Sunday … 6 for Saturday. */
  weekday: (day: number) => string;
}

/** Every month the period touches, as the report writes it (110/09). */
export function monthsOf(period: ReportPeriod): BusinessDate[] {
  const months: BusinessDate[] = [];
  let [y, m] = period.from.split('-').map(Number);
  const [ty, tm] = period.to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}-01`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

const monthLabel = (date: BusinessDate) => formatRocShort(date).slice(0, -3);
// Weeks start on Monday at the desks.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function cellText(row: FigureRecordRow, column: string): string {
  const v = row.cells[column];
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

export function chartData(chart: ReportChart, rows: readonly FigureRecordRow[], period: ReportPeriod, names: ChartNames): ReportChartData {
  const xOf = (r: FigureRecordRow): string => {
    if (chart.x === 'month') return monthLabel(r.date);
    if (chart.x === 'weekday') return names.weekday(new Date(`${r.date}T00:00:00Z`).getUTCDay());
    return cellText(r, chart.x.column);
  };
  const byOf = (r: FigureRecordRow): string => {
    if (!chart.by) return '';
    if (chart.by === 'site') return r.siteId ? names.site(r.siteId) : '—';
    return cellText(r, chart.by.column);
  };
  const counts = new Map<string, Map<string, number>>();
  const xTotals = new Map<string, number>();
  for (const r of rows) {
    const x = xOf(r);
    const by = byOf(r);
    const series = counts.get(by) ?? counts.set(by, new Map()).get(by)!;
    series.set(x, (series.get(x) ?? 0) + 1);
    xTotals.set(x, (xTotals.get(x) ?? 0) + 1);
  }
  // Months and weekdays in calendar order, all of them; other axes by count, largest first.
  const xs =
    chart.x === 'month'
      ? monthsOf(period).map(monthLabel)
      : chart.x === 'weekday'
        ? WEEK.map(names.weekday)
        : [...xTotals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([x]) => x);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const series = [...counts.entries()].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0])).map(([name, m]) => ({ name, values: xs.map((x) => m.get(x) ?? 0) }));
  return { id: chart.id, title: chart.title, kind: chart.kind, xs, series };
}
