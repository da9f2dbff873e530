/**
 * The period report from the desks' declarations: each desk's `report` section names its
 * figures and the `figures` call each is read from; this makes each call once for the
 * period and once for the same period a year earlier, and reads the figures from the
 * answers. Nothing here names a desk.
 */
import type { DeskModule } from '../desk';
import { catalogs, type MessageKey } from '../i18n';
import { yearEarlier, type ReportPeriod } from './period';
import { fillSentence, type FigureArgs, type FigureValue, type MeasureWord } from './section';

/** A site as the report names it: `siwei` in `temporary_permits_siwei`. */
export interface ReportSite {
  id: string;
  nameZh: string;
  nameEn: string;
  code: string;
}

/** The name of a site in figure names: the first word of its English name, lower case (its code where it has none). */
export const siteSlug = (s: ReportSite): string => (s.nameEn.trim().split(/\s+/)[0] || s.code).toLowerCase();

export interface ReportFigureResult {
  name: string;
  measure: MeasureWord;
  label: MessageKey;
  /** The desk and the call the figure was read from. */
  deskId: string;
  call: string;
  /** Whether it counts for the year rather than the period's days. */
  forYear: boolean;
  now: FigureValue;
  lastYear: FigureValue;
}

export interface ReportSectionResult {
  deskId: string;
  title: MessageKey;
  figures: ReportFigureResult[];
  /** The ready-to-paste zh-TW sentence. */
  text: string;
}

export interface PeriodReport {
  period: ReportPeriod;
  lastYearPeriod: ReportPeriod;
  /** The Gregorian year the yearly figures count for. */
  year: number;
  sections: ReportSectionResult[];
  /** `report.<name>` values: each figure's total, and `<name>_<site>` per site for figures counted per site. */
  lines: Record<string, number>;
}

/** Makes one figures call (through the workstation's call entry or the handler map). */
export type FiguresCaller = (call: string, args: FigureArgs) => Promise<unknown>;

/** A site gets its own line for a figure when the section's sentence names it, or when it has a count in either period. */
function sitesCounted(sentence: string, name: string, site: ReportSite, now: FigureValue, lastYear: FigureValue): boolean {
  return sentence.includes(`{${name}_${siteSlug(site)}}`) || !!now.bySite?.[site.id] || !!lastYear.bySite?.[site.id];
}

export async function periodReport(desks: readonly DeskModule[], call: FiguresCaller, sites: readonly ReportSite[], period: ReportPeriod, year?: number): Promise<PeriodReport> {
  const countedYear = year ?? Number(period.to.slice(0, 4));
  const lastYearPeriod = yearEarlier(period);
  const answers = new Map<string, Promise<unknown>>();
  const answer = (name: string, args: FigureArgs) => {
    const key = `${name}|${args.from}|${args.to}|${args.year ?? ''}`;
    let a = answers.get(key);
    if (!a) answers.set(key, (a = call(name, args)));
    return a;
  };
  const sections: ReportSectionResult[] = [];
  const lines: Record<string, number> = {};
  for (const desk of desks) {
    const section = desk.report;
    if (!section) continue;
    const figures: ReportFigureResult[] = [];
    for (const f of section.figures) {
      const pick = f.pick as (a: unknown) => FigureValue;
      const now = pick(await answer(f.call, { ...period, year: countedYear }));
      const lastYear = pick(await answer(f.call, { ...lastYearPeriod, year: countedYear - 1 }));
      figures.push({ name: f.name, measure: f.measure, label: f.label, deskId: desk.id, call: f.call, forYear: !!f.forYear, now, lastYear });
      lines[f.name] = now.total;
      if (f.perSite) for (const s of sites) if (sitesCounted(catalogs['zh-TW'][section.sentence], f.name, s, now, lastYear)) lines[`${f.name}_${siteSlug(s)}`] = now.bySite?.[s.id] ?? 0;
    }
    sections.push({ deskId: desk.id, title: section.title, figures, text: fillSentence(catalogs['zh-TW'][section.sentence], lines, countedYear) });
  }
  return { period, lastYearPeriod, year: countedYear, sections, lines };
}
