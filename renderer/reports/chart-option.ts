/**
 * A chart of the report (domain/report/charts.ts, `ReportChartData`) as an ECharts option:
 * 'bar' stacks one bar colour per series over the x labels; 'heatmap' puts the series as
 * rows and the x labels as columns, darker for more. No animation: what is drawn is what
 * prints at once.
 */
import type { ReportChartData } from '../../domain/report/charts';
import { formatCount } from '../../domain/report/section';

/** The option object ECharts takes (kept loose here so this file needs no ECharts types). */
export type ChartOption = Record<string, unknown>;

const FONT = { fontFamily: '"Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", sans-serif', fontSize: 12 };

export function chartOption(data: ReportChartData, seriesLabel: string): ChartOption {
  // Long labels (agency names) slant so each one shows; months and weekdays stay level.
  const longLabels = data.xs.length > 4 && data.xs.some((x) => x.length > 4);
  const xAxis = { type: 'category', data: data.xs, axisLabel: { ...FONT, interval: 0, rotate: longLabels ? 35 : 0 }, splitArea: { show: data.kind === 'heatmap' } };
  const base = { animation: false, textStyle: FONT, tooltip: { trigger: data.kind === 'bar' ? 'axis' : 'item' } };
  if (data.kind === 'heatmap') {
    const max = Math.max(1, ...data.series.flatMap((s) => s.values));
    return {
      ...base,
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      xAxis,
      // The first series on top, every row named.
      yAxis: { type: 'category', inverse: true, data: data.series.map((s) => s.name), axisLabel: { ...FONT, interval: 0 }, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: [formatCount(max), '0'],
        textStyle: FONT,
        inRange: { color: ['#f0f5ff', '#1d39c4'] },
      },
      series: [
        {
          type: 'heatmap',
          name: seriesLabel,
          // Dark figures on light cells and white on dark ones, with no outline: an outlined
          // label prints as two copies of its text, and a PDF's text would read each number twice.
          data: data.series.flatMap((s, row) => s.values.map((v, col) => ({ value: [col, row, v], label: { color: v > max / 2 ? '#ffffff' : '#1f1f1f' } }))),
          label: { show: true, ...FONT, textBorderWidth: 0, formatter: (p: { value: number[] }) => formatCount(p.value[2]) },
        },
      ],
    };
  }
  // A chart without a `by` has one series, its name empty: the chart's own title names it.
  const named = data.series.length > 1 || data.series.some((s) => s.name);
  return {
    ...base,
    legend: named ? { top: 0, textStyle: FONT } : undefined,
    grid: { left: 8, right: 16, top: named ? 32 : 12, bottom: 8, containLabel: true },
    xAxis,
    yAxis: { type: 'value', minInterval: 1, axisLabel: { ...FONT, formatter: (v: number) => formatCount(v) } },
    series: data.series.map((s) => ({ type: 'bar', stack: 'total', name: s.name || seriesLabel, data: s.values, barMaxWidth: 48 })),
  };
}

/** A chart's height in pixels: a heat map gets a row's height per series, so every row stays readable. */
export const chartHeight = (data: ReportChartData, base: number): number => (data.kind === 'heatmap' ? Math.max(base, data.series.length * 26 + 90) : base);
