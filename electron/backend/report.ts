/**
 * The period report read from a workstation's database: every desk's figures and
 * records calls (domain/desks.ts, each desk's `report` section) answered by the desks' own
 * handlers, their arguments checked by the calls' own schemas. The report desk's calls
 * (handlers/report.ts) and the report command (scripts/report.ts, read-only) both use it.
 */
import path from 'node:path';
import { apiCalls } from '../../domain/api';
import { formatDate, formatInstant, type BusinessDate } from '../../domain/dates';
import { DESK_MODULES } from '../../domain/desks';
import { nameOf, translate, type MessageKey } from '../../domain/i18n';
import { chartData, type ReportChartData } from '../../domain/report/charts';
import { REPORT_FIGURES } from '../../domain/report/calls';
import { periodReport, type PeriodReport, type ReportSite } from '../../domain/report/compute';
import type { ReportPeriod } from '../../domain/report/period';
import type { FigureArgs, FigureRecords, RecordColumn, RecordCell } from '../../domain/report/section';
import { openDbReadOnly, type Db } from '../../db/open';
import type { ExportCell, ExportSheet } from './export/table-export';
import type { DeskContext } from './desk';
import { deskHandlers } from './desks';

/** What the report reads with: the records, and the reader's language for the records' cells. */
export type ReportContext = Pick<DeskContext, 'db' | 'locale'> & Partial<DeskContext>;

/** The sites the figures are given for, as the report names them. */
export function reportSites(db: Db): ReportSite[] {
  return db.$client.prepare('SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM site WHERE archived = 0 ORDER BY code').all() as ReportSite[];
}

type DeskCallHandler = (ctx: ReportContext, args: unknown) => unknown;

/** One desk call, its arguments checked by its own schema, as Workstation#call does (access is the report call's own). */
async function deskCall<T>(ctx: ReportContext, name: string, args: unknown): Promise<T> {
  const def = (apiCalls as Record<string, { args: { parse: (a: unknown) => unknown } }>)[name];
  const handler = (deskHandlers as unknown as Record<string, DeskCallHandler>)[name];
  if (!def || !handler) throw new Error(`no desk call ${name}`);
  return (await handler(ctx, def.args.parse(args))) as T;
}

/** The Gregorian year a period's yearly figures count for: the one asked for, or the year of its last day. */
export const countedYear = (period: ReportPeriod, year?: number) => year ?? Number(period.to.slice(0, 4));

export function reportOf(ctx: ReportContext, period: ReportPeriod, year?: number): Promise<PeriodReport> {
  return periodReport(DESK_MODULES, (name, args: FigureArgs) => deskCall(ctx, name, args), reportSites(ctx.db), period, year);
}

/** The records behind one figure, from the desk that declares it: as many as the figure counts. */
export function figureRecordsOf(ctx: ReportContext, period: ReportPeriod & { figure: string }, year?: number): Promise<FigureRecords> {
  const figure = REPORT_FIGURES.get(period.figure);
  if (!figure) throw new Error(`no report figure ${period.figure}`);
  return deskCall(ctx, figure.records, { from: period.from, to: period.to, year: countedYear(period, year), figure: figure.name });
}

/** Every section's charts, each counted from the records behind its figures. */
export async function chartsOf(ctx: ReportContext, period: ReportPeriod, year?: number): Promise<ReportChartData[]> {
  const sites = new Map(reportSites(ctx.db).map((s) => [s.id, s]));
  const names = { site: (id: string) => nameOf(sites.get(id), ctx.locale) || id, weekday: (d: number) => translate(ctx.locale, `weekday.${d}` as MessageKey) };
  const records = new Map<string, Promise<FigureRecords>>();
  const of = (figure: string) => records.get(figure) ?? records.set(figure, figureRecordsOf(ctx, { ...period, figure }, year)).get(figure)!;
  const charts: ReportChartData[] = [];
  for (const desk of DESK_MODULES) {
    for (const chart of desk.report?.charts ?? []) {
      const rows = (await Promise.all(chart.figures.map(of))).flatMap((r) => r.rows);
      charts.push(chartData(chart, rows, period, names));
    }
  }
  return charts;
}

/** A drill-down cell as the reader reads it: ROC dates, times in Taipei. */
export function cellText(value: RecordCell, type: RecordColumn['type'], locale: DeskContext['locale']): ExportCell {
  if (value === null || value === '') return null;
  if (type === 'date') return formatDate(value as BusinessDate, locale);
  if (type === 'instant') return formatInstant(String(value), locale);
  return value;
}

/**
 * The report as workbook sheets: a summary (each figure, per site, and the same period a
 * year earlier), then a sheet per desk with the records behind each of its figures.
 */
export async function reportSheets(ctx: ReportContext, period: ReportPeriod, year?: number): Promise<ExportSheet[]> {
  const t = (key: MessageKey) => translate(ctx.locale, key);
  const report = await reportOf(ctx, period, year);
  const sites = reportSites(ctx.db);
  const summary: ExportSheet = {
    sheetName: t('report.ui.summary'),
    columns: [
      { key: 'section', header: t('report.ui.section'), width: 16 },
      { key: 'figure', header: t('report.ui.figure'), width: 24 },
      { key: 'total', header: t('report.ui.total'), width: 10 },
      ...sites.map((s) => ({ key: `site:${s.id}`, header: nameOf(s, ctx.locale), width: 14 })),
      { key: 'lastYear', header: t('report.ui.lastYear'), width: 12 },
      { key: 'measure', header: t('report.ui.measure'), width: 8 },
    ],
    rows: report.sections.flatMap((s) =>
      s.figures.map((f) => ({
        section: t(s.title),
        figure: t(f.label),
        total: f.now.total,
        ...Object.fromEntries(sites.map((site) => [`site:${site.id}`, f.now.bySite ? (f.now.bySite[site.id] ?? 0) : null])),
        lastYear: f.lastYear.total,
        measure: f.measure,
      })),
    ),
  };
  const deskSheets: ExportSheet[] = [];
  for (const s of report.sections) {
    const columns = new Map<string, RecordColumn>();
    const rows: Record<string, ExportCell>[] = [];
    for (const f of s.figures) {
      const records = await figureRecordsOf(ctx, { ...period, figure: f.name }, year);
      for (const c of records.columns) if (!columns.has(c.key)) columns.set(c.key, c);
      const types = new Map(records.columns.map((c) => [c.key, c.type]));
      for (const r of records.rows) rows.push({ figure: t(f.label), ...Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, cellText(v, types.get(k), ctx.locale)])) });
    }
    deskSheets.push({
      sheetName: t(s.title),
      columns: [{ key: 'figure', header: t('report.ui.figure'), width: 22 }, ...[...columns.values()].map((c) => ({ key: c.key, header: t(c.label), width: c.width }))],
      rows,
    });
  }
  return [summary, ...deskSheets];
}

/** Opens a data folder read-only and answers the report. */
export async function reportOfDataDir(dataDir: string, period: ReportPeriod, year?: number): Promise<PeriodReport> {
  const db = openDbReadOnly(path.join(dataDir, 'workstation.sqlite'));
  try {
    return await reportOf({ db, locale: 'zh-TW' }, period, year);
  } finally {
    db.$client.close();
  }
}
