/**
 * The report's period and outputs: a field that takes a typed ROC period (Enter applies
 * it; one it cannot read is said under the field and changes nothing), the quick picks,
 * the year the annual permits count for (ROC), and the workbook downloads and the printout.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ROC_OFFSET, todayInTaipei } from '../../domain/dates';
import { parsePeriod, parsePeriodTerm, ReportPeriodError, type ReportPeriod } from '../../domain/report/period';
import { periodText, QUICK_PERIODS, quickPeriod } from '../../domain/report/picks';
import { api } from '../app/api';
import { downloadBase64 } from '../app/files';
import { useT, type T } from '../app/i18n';
import { errorMessage } from '../app/store';
import { useReportDesk } from './store';

/** Why a typed period is refused, in the user's words; null when it reads. */
function periodProblem(t: T, text: string): { period: ReportPeriod } | { problem: string } {
  try {
    return { period: parsePeriod(text) };
  } catch (e) {
    if (!(e instanceof ReportPeriodError)) throw e;
    const ends = text.split(/\s*(?:–|—|~|～|至|到|\s-\s)\s*/);
    const reads = (s: string) => {
      try {
        parsePeriodTerm(s);
        return true;
      } catch {
        return false;
      }
    };
    if (ends.length === 2 && ends.every(reads)) return { problem: t('report.ui.period.backwards', { text: text.trim() }) };
    return { problem: t('report.ui.period.invalid', { text: text.trim() }) };
  }
}

/** Downloads the report's workbook (report.export): a summary sheet and a sheet per desk with the records behind each figure. */
type ExportFormat = 'xlsx' | 'ods';

export function useReportExport(period: ReportPeriod, year: number) {
  const { message } = App.useApp();
  const t = useT();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const r = await api.call('report.export', { ...period, year, format });
      if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
      else void message.error(t('report.ui.export.failed', { message: r.message }));
    } catch (e) {
      void message.error(t('report.ui.export.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export function PeriodBar({ period, year, ready }: { period: ReportPeriod; year: number; ready: boolean }) {
  const t = useT();
  const setPeriod = useReportDesk((s) => s.setPeriod);
  const setYear = useReportDesk((s) => s.setYear);
  const [text, setText] = useState(() => periodText(period));
  const [problem, setProblem] = useState<string | null>(null);
  // A period chosen elsewhere (a quick pick, the palette) is written back into the field.
  useEffect(() => {
    setText(periodText(period));
    setProblem(null);
  }, [period]);
  const apply = () => {
    const read = periodProblem(t, text);
    if ('problem' in read) setProblem(read.problem);
    else {
      setProblem(null);
      setPeriod(read.period);
      setText(periodText(read.period));
    }
  };
  const exporter = useReportExport(period, year);
  const today = todayInTaipei();

  return (
    <Flex gap={16} wrap align="flex-start" className="rp-bar">
      <Form layout="vertical" className="rp-period-form" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('report.ui.period')} htmlFor="rp-period" validateStatus={problem ? 'error' : undefined} help={problem ?? t('report.ui.period.help')} style={{ marginBottom: 0 }}>
          <Space.Compact>
            <Input
              id="rp-period"
              className="rp-period-input"
              value={text}
              placeholder={t('report.ui.period.placeholder')}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={apply}
              aria-invalid={!!problem}
              autoComplete="off"
            />
            <Button type="primary" onClick={apply}>
              {t('report.ui.period.apply')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Flex gap={4} wrap className="rp-picks">
          {QUICK_PERIODS.map((pick) => (
            <Button key={pick} size="small" onClick={() => setPeriod(quickPeriod(pick, today))}>
              {t(`report.ui.pick.${pick}`)}
            </Button>
          ))}
        </Flex>
      </Form>
      <Form layout="vertical">
        <Form.Item label={t('report.ui.year')} htmlFor="rp-year" style={{ marginBottom: 0 }}>
          <Space.Compact>
            <InputNumber id="rp-year" min={1} max={289} precision={0} style={{ width: 96 }} value={year - ROC_OFFSET} onChange={(v) => typeof v === 'number' && setYear(v + ROC_OFFSET)} />
            <Space.Addon>{t('report.ui.year.suffix')}</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Flex gap={8} wrap className="rp-outputs">
        <Button icon={<DownloadOutlined />} loading={exporter.busy === 'xlsx'} disabled={!ready} onClick={() => void exporter.run('xlsx')}>
          {t('report.ui.export.xlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporter.busy === 'ods'} disabled={!ready} onClick={() => void exporter.run('ods')}>
          {t('report.ui.export.ods')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => useReportDesk.getState().setPrinting(true)}>
          {t('report.ui.print')}
        </Button>
      </Flex>
    </Flex>
  );
}
