/**
 * The report desk (業務報告): the period's figures of every desk, section by section, each
 * beside the same period a year earlier and opening the records behind it; the sentence
 * to paste into the report to the council; the charts; the workbook and the A4 printout.
 * The desk knows no desk by name: the sections come from report.period as the desks declare them.
 */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { todayInTaipei } from '../../domain/dates';
import type { ReportChartData } from '../../domain/report/charts';
import type { ReportSectionResult, ReportSite } from '../../domain/report/compute';
import type { ReportPeriod } from '../../domain/report/period';
import { periodText, quickPeriod } from '../../domain/report/picks';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { DrillDown } from './DrillDown';
import { FigureTable } from './FigureTable';
import { PeriodBar } from './PeriodBar';
import { PrintReport } from './PrintReport';
import { ReportChart } from './ReportChart';
import { chartsOfSection, isEmptyReport, periodLine } from './sections';
import { useReportDesk } from './store';
import './reports.css';

/**
 * The period the desk opens on: the one of the last report to the council the demo holds
 * (110/09/01–111/01/31), when it has records, so the first look shows a report to check
 * against the paper one; on a workstation without them, the last full month, the period
 * a supervisor is most often asked for.
 */
export const SEED_PERIOD: ReportPeriod = { from: '2021-09-01', to: '2022-01-31' };

export function ReportDesk() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const chosen = useReportDesk((s) => s.period);
  const chosenYear = useReportDesk((s) => s.year);
  const printing = useReportDesk((s) => s.printing);
  const period = chosen ?? SEED_PERIOD;
  const year = chosenYear ?? Number(period.to.slice(0, 4));
  const args = { ...period, year };
  const read = useApiRead('report.period', args);
  const charts = useApiRead('report.charts', args);
  const report = read.data;

  useEffect(() => {
    if (chosen === null && report) useReportDesk.getState().setPeriod(isEmptyReport(report) ? quickPeriod('lastMonth', todayInTaipei()) : SEED_PERIOD);
  }, [chosen, report]);

  const deciding = chosen === null;
  return (
    <Flex vertical gap={16} className="rp-desk">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('report.ui.title')}
      </Typography.Title>
      <PeriodBar period={period} year={year} ready={!!report && !deciding} />
      {read.error ? (
        <Alert type="error" showIcon title={t('report.ui.error', { message: read.error })} action={<Button onClick={read.reload}>{t('common.confirm')}</Button>} />
      ) : !report || deciding ? (
        <Spin tip={t('report.ui.loading')} size="large">
          <div className="rp-loading" />
        </Spin>
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="report-period">
            {periodLine(t, report, locale)}
          </Typography.Text>
          {isEmptyReport(report) && <Alert type="info" showIcon title={t('report.ui.empty', { period: periodText(period) })} />}
          {report.sections.map((s) => (
            <SectionCard key={s.deskId} section={s} sites={report.sites} year={report.year} charts={charts} empty={isEmptyReport(report)} />
          ))}
          <DrillDown report={report} period={period} year={year} />
          {printing && <PrintReport report={report} sites={report.sites} charts={charts.data} />}
        </>
      )}
    </Flex>
  );
}

function SectionCard({
  section,
  sites,
  year,
  charts,
  empty,
}: {
  section: ReportSectionResult;
  sites: readonly ReportSite[];
  year: number;
  charts: { data: ReportChartData[] | undefined; error: string | null };
  empty: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard.writeText(section.text).then(
      () => void message.success(t('report.ui.copied', { section: t(section.title) })),
      (e: unknown) => void message.error(t('report.ui.copyFailed', { message: errorMessage(e) })),
    );
  const mine = charts.data ? chartsOfSection(charts.data, section.deskId) : [];
  return (
    <Card size="small" title={t(section.title)} className="rp-section" data-section={section.deskId}>
      <Flex vertical gap={12}>
        <div className="rp-figures-box">
          <FigureTable section={section} sites={sites} year={year} onDrill={(f) => useReportDesk.getState().openDrill(f)} />
        </div>
        <div className="rp-sentence">
          <Typography.Text type="secondary">{t('report.ui.sentence')}</Typography.Text>
          <Flex gap={8} align="flex-start">
            <blockquote className="rp-sentence-text" lang="zh-Hant-TW">
              {section.text}
            </blockquote>
            <Button icon={<CopyOutlined />} onClick={() => void copy()} aria-label={`${t('report.ui.copy')}：${t(section.title)}`}>
              {t('report.ui.copy')}
            </Button>
          </Flex>
        </div>
        {!empty &&
          (charts.error ? (
            <Alert type="warning" showIcon title={t('report.ui.charts.error', { message: charts.error })} />
          ) : !charts.data ? (
            <Spin size="small" tip={t('report.ui.charts.loading')}>
              <div style={{ minHeight: 60 }} />
            </Spin>
          ) : (
            mine.length > 0 && (
              <div className="rp-charts">
                {mine.map((c) => (
                  <ReportChart key={c.id} data={c} />
                ))}
              </div>
            )
          ))}
      </Flex>
    </Card>
  );
}
