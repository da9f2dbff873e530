/**
 * The whole report on A4 in the shared print frame: the title and period, then each
 * section with its table, its sentence and its charts. A section's table and sentence keep
 * together, and no chart is cut across pages (print.css).
 */
import { formatDate, todayInTaipei } from '../../domain/dates';
import type { ReportChartData } from '../../domain/report/charts';
import type { PeriodReport, ReportSite } from '../../domain/report/compute';
import { useLocale, useT } from '../app/i18n';
import { PrintFrame } from '../components/print/PrintFrame';
import { FigureTable } from './FigureTable';
import { ReportChart } from './ReportChart';
import { chartsOfSection, periodLine } from './sections';
import { useReportDesk } from './store';
import './print.css';

export function PrintReport({ report, sites, charts }: { report: PeriodReport; sites: readonly ReportSite[]; charts: ReportChartData[] | undefined }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const period = periodLine(t, report, locale);
  return (
    <PrintFrame label={t('report.ui.print.title', { title: t('report.ui.title'), period })} ready onClose={() => useReportDesk.getState().setPrinting(false)}>
      <article className="rp-print" data-testid="report-print">
        <header className="rp-print-head">
          <h1>{t('report.ui.title')}</h1>
          <p>{period}</p>
          <p className="rp-print-made">{t('report.ui.print.made', { date: formatDate(todayInTaipei(), locale, 'long') })}</p>
        </header>
        {report.sections.map((s) => (
          <section key={s.deskId} className="rp-print-section">
            <div className="rp-print-keep">
              <h2>{t(s.title)}</h2>
              <FigureTable section={s} sites={sites} year={report.year} />
              <p className="rp-print-sentence">{s.text}</p>
            </div>
            {chartsOfSection(charts ?? [], s.deskId).map((c) => (
              <ReportChart key={c.id} data={c} height={240} />
            ))}
          </section>
        ))}
      </article>
    </PrintFrame>
  );
}
