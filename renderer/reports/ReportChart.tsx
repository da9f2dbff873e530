/** One chart of the report, drawn by ECharts (loaded lazily, renderer/reports/echarts.ts) as SVG: on the screen and, at the sheet's width, in the printout. */
import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ReportChartData } from '../../domain/report/charts';
import { errorMessage } from '../app/store';
import { useT } from '../app/i18n';
import { chartHeight, chartOption } from './chart-option';

export function ReportChart({ data, height = 280 }: { data: ReportChartData; height?: number }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const title = t(data.title);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    import('./echarts').then(
      ({ echarts }) => {
        if (disposed || !box.current) return;
        const chart = echarts.init(box.current, null, { renderer: 'svg' });
        chart.setOption(chartOption(data, title));
        const resize = new ResizeObserver(() => chart.resize());
        resize.observe(box.current);
        dispose = () => {
          resize.disconnect();
          chart.dispose();
        };
        setDrawn(true);
      },
      (e: unknown) => !disposed && setFailed(errorMessage(e)),
    );
    return () => {
      disposed = true;
      dispose();
    };
  }, [data, title]);

  return (
    <figure className="rp-chart" data-testid="report-chart" data-kind={data.kind} data-drawn={drawn || undefined}>
      <figcaption>{title}</figcaption>
      {failed ? <Alert type="error" showIcon title={t('report.ui.charts.error', { message: failed })} /> : !drawn && <Spin size="small" />}
      <div ref={box} className="rp-chart-canvas" style={{ height: chartHeight(data, height) }} role="img" aria-label={title} />
    </figure>
  );
}
