/**
 * The records behind one figure (report.records): the desk's own columns, dates in ROC and
 * times in Taipei, the count beside the figure (they are equal by construction; a
 * difference is said, not hidden), and the report's workbook, whose desk sheets hold the
 * same records, for export. A desk whose list is not there yet answers an error, shown as such.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Spin, Table } from 'antd';
import { formatDate, formatInstant, type BusinessDate } from '../../domain/dates';
import type { PeriodReport } from '../../domain/report/compute';
import type { ReportPeriod } from '../../domain/report/period';
import { periodText } from '../../domain/report/picks';
import { formatCount, type FigureRecordRow, type RecordCell, type RecordColumn } from '../../domain/report/section';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { countText, figureLabel } from './FigureTable';
import { useReportExport } from './PeriodBar';
import { useReportDesk } from './store';

function Cell({ value, type }: { value: RecordCell | undefined; type: RecordColumn['type'] }) {
  const locale = useLocale((s) => s.locale);
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date') return <>{formatDate(value as BusinessDate, locale)}</>;
  if (type === 'instant') return <>{formatInstant(String(value), locale)}</>;
  if (type === 'number' && typeof value === 'number') return <>{formatCount(value)}</>;
  return <>{String(value)}</>;
}

export function DrillDown({ report, period, year }: { report: PeriodReport; period: ReportPeriod; year: number }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const name = useReportDesk((s) => s.drill);
  const close = () => useReportDesk.getState().openDrill(null);
  const figure = report.sections.flatMap((s) => s.figures).find((f) => f.name === name);
  const read = useApiRead('report.records', figure ? { ...period, year, figure: figure.name } : null);
  const exporter = useReportExport(period, year);
  const label = figure ? figureLabel(t, figure, year, locale === 'zh-TW') : '';
  const records = read.data && read.data.figure === name ? read.data : undefined;
  const columns = (records?.columns ?? []).map((c) => ({
    key: c.key,
    title: t(c.label),
    align: c.type === 'number' ? ('right' as const) : undefined,
    render: (_: unknown, row: FigureRecordRow) => <Cell value={row.cells[c.key]} type={c.type} />,
  }));

  return (
    <Drawer
      open={!!figure}
      onClose={close}
      size={Math.min(1000, window.innerWidth - 48)}
      title={figure ? t('report.ui.drill.title', { figure: label, period: periodText(period) }) : ''}
      extra={
        <Button icon={<DownloadOutlined />} loading={exporter.busy === 'xlsx'} onClick={() => void exporter.run('xlsx')}>
          {t('report.ui.drill.export')}
        </Button>
      }
      destroyOnHidden
    >
      {figure && (
        <Flex vertical gap={12} data-testid="report-drill">
          {read.error ? (
            <Alert type="error" showIcon title={t('report.ui.drill.unavailable', { figure: label, message: read.error })} />
          ) : !records ? (
            <Spin tip={t('common.loading')}>
              <div style={{ minHeight: 120 }} />
            </Spin>
          ) : (
            <>
              <Alert
                type={records.rows.length === figure.now.total ? 'success' : 'warning'}
                showIcon
                data-testid="report-drill-count"
                title={t(records.rows.length === figure.now.total ? 'report.ui.drill.count' : 'report.ui.drill.mismatch', {
                  count: formatCount(records.rows.length),
                  figure: countText(t, figure.now.total, figure.measure),
                })}
              />
              <Table<FigureRecordRow>
                size="small"
                rowKey="id"
                columns={columns}
                dataSource={records.rows}
                locale={{ emptyText: t('report.ui.drill.empty') }}
                pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => t('common.total', { count: formatCount(n) }) }}
                scroll={{ x: 'max-content' }}
              />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
