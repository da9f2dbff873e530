import { describe, expect, it } from 'vitest';
import type { ReportChartData } from '../../domain/report/charts';
import { chartOption } from './chart-option';

const bar: ReportChartData = {
  id: 'permitsBySiteMonth',
  title: 'report.chart.permitsBySiteMonth',
  kind: 'bar',
  xs: ['110/09', '110/10'],
  series: [
    { name: '四維行政中心', values: [300, 310] },
    { name: '鳳山行政中心', values: [150, 160] },
  ],
};

describe("the report's charts as ECharts draws them", () => {
  it('stacks one bar colour per series over the months, with a legend naming them', () => {
    const o = chartOption(bar, '臨時停車證') as { series: { type: string; stack: string; name: string; data: number[] }[]; legend?: unknown; xAxis: { data: string[] } };
    expect(o.xAxis.data).toEqual(['110/09', '110/10']);
    expect(o.series.map((s) => [s.type, s.stack, s.name, s.data])).toEqual([
      ['bar', 'total', '四維行政中心', [300, 310]],
      ['bar', 'total', '鳳山行政中心', [150, 160]],
    ]);
    expect(o.legend).toBeDefined();
  });

  it("names a chart's one unnamed series by its title, without a legend", () => {
    const o = chartOption({ ...bar, series: [{ name: '', values: [3, 4] }] }, '調派車次') as { series: { name: string }[]; legend?: unknown };
    expect(o.series[0].name).toBe('調派車次');
    expect(o.legend).toBeUndefined();
  });

  it('puts a heat map’s series as rows and its x labels as columns, scaled to the largest count', () => {
    const o = chartOption(
      {
        id: 'venueUseByWeekday',
        title: 'report.chart.permitsBySiteMonth',
        kind: 'heatmap',
        xs: ['一', '二'],
        series: [
          { name: '大禮堂', values: [5, 0] },
          { name: '第一會議室', values: [2, 9] },
        ],
      },
      '場次',
    ) as { yAxis: { data: string[] }; visualMap: { max: number }; series: { data: { value: number[]; label: { color: string } }[] }[] };
    expect(o.yAxis.data).toEqual(['大禮堂', '第一會議室']);
    expect(o.visualMap.max).toBe(9);
    expect(o.series[0].data.map((d) => d.value)).toEqual([
      [0, 0, 5],
      [1, 0, 0],
      [0, 1, 2],
      [1, 1, 9],
    ]);
    // Light figures on the dark cells, dark ones on the light cells.
    expect(o.series[0].data.map((d) => d.label.color)).toEqual(['#ffffff', '#1f1f1f', '#1f1f1f', '#ffffff']);
  });
});
