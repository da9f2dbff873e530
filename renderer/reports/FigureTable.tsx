/**
 * A section's figures as a table, on the screen and in the printout alike: the figure, its
 * total with the measure word, the count per site where the desk counts by site, the same
 * period a year earlier and the change. On the screen each figure opens its records.
 */
import { Button } from 'antd';
import type { ReportSectionResult, ReportFigureResult, ReportSite } from '../../domain/report/compute';
import { figureChange } from '../../domain/report/picks';
import { formatCount, type MeasureWord } from '../../domain/report/section';
import { nameOf, type MessageKey } from '../../domain/i18n';
import { ROC_OFFSET } from '../../domain/dates';
import { useLocale, useT, type T } from '../app/i18n';

export const measureKey = (m: MeasureWord) => `report.measure.${m}` as MessageKey;

/** 1,149 場次 */
export const countText = (t: T, n: number, measure: MeasureWord) => t('report.ui.count', { count: formatCount(n), measure: t(measureKey(measure)) });

/** The figure's label, with the year it counts for where it counts for one (ROC in zh-TW). */
export function figureLabel(t: T, f: ReportFigureResult, year: number, zh: boolean): string {
  return f.forYear ? `${t(f.label)}${t('report.ui.forYear', { year: zh ? year - ROC_OFFSET : year })}` : t(f.label);
}

function changeText(t: T, now: number, lastYear: number): string {
  const { diff, percent } = figureChange(now, lastYear);
  if (diff === 0) return '0';
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);
  const share = percent === null ? t('report.ui.change.new') : `${signed(percent, String(percent))}%`;
  return `${signed(diff, formatCount(diff))}（${share}）`;
}

/** The sites any figure of the section counts by, in the report's order. */
export function sectionSites(section: ReportSectionResult, sites: readonly ReportSite[]): ReportSite[] {
  const counted = new Set(section.figures.flatMap((f) => [...Object.keys(f.now.bySite ?? {}), ...Object.keys(f.lastYear.bySite ?? {})]));
  return sites.filter((s) => counted.has(s.id));
}

export function FigureTable({ section, sites, year, onDrill }: { section: ReportSectionResult; sites: readonly ReportSite[]; year: number; onDrill?: (figure: string) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const bySite = sectionSites(section, sites);
  return (
    <table className="rp-figures" aria-label={t(section.title)}>
      <thead>
        <tr>
          <th className="rp-figure-name">{t('report.ui.figure')}</th>
          <th>{t('report.ui.total')}</th>
          {bySite.map((s) => (
            <th key={s.id}>{nameOf(s, locale)}</th>
          ))}
          <th>{t('report.ui.lastYear')}</th>
          <th>{t('report.ui.change')}</th>
        </tr>
      </thead>
      <tbody>
        {section.figures.map((f) => {
          const label = figureLabel(t, f, year, locale === 'zh-TW');
          return (
            <tr key={f.name} data-figure={f.name}>
              <th scope="row" className="rp-figure-name">
                {onDrill ? (
                  <Button type="link" size="small" className="rp-drill" aria-label={t('report.ui.drill.open', { figure: label })} onClick={() => onDrill(f.name)}>
                    {label}
                  </Button>
                ) : (
                  label
                )}
              </th>
              <td className="rp-total">{countText(t, f.now.total, f.measure)}</td>
              {bySite.map((s) => (
                <td key={s.id}>{f.now.bySite ? countText(t, f.now.bySite[s.id] ?? 0, f.measure) : ''}</td>
              ))}
              <td>{countText(t, f.lastYear.total, f.measure)}</td>
              <td>{changeText(t, f.now.total, f.lastYear.total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
