/**
 * What a desk declares for the period report (its `report` in domain/<desk>/desk.ts): the
 * figures it gives, each read from one of its `figures` calls, with the measure word the
 * business report writes after the number, and the zh-TW sentence of its section in the
 * manner of the report to the council. The report desk reads these declarations through
 * the desk registry and knows no desk by name.
 */
import type { BusinessDate } from '../dates';
import type { MessageKey } from '../i18n';
import type { ReportPeriod } from './period';

/** The measure words the business report writes after a count. */
export type MeasureWord = '件' | '場次' | '張' | '車次' | '次' | '項';

/** A figure's value: its total and, where the desk counts by site, per site id. */
export interface FigureValue {
  total: number;
  bySite?: Record<string, number>;
  /** Where the desk counts by requesting agency (trips), per agency id. */
  byAgency?: Record<string, number>;
}

/** The arguments a figures call is made with: the period, and the year where a figure counts for one. */
export interface FigureArgs extends ReportPeriod {
  year?: number;
}

export interface ReportFigure {
  /** The CLI name: `report.<name>`; per site `report.<name>_<site>` as well. */
  name: string;
  /** One of the desk's `figures` calls. */
  call: string;
  measure: MeasureWord;
  /** Reads the figure from the call's answer. */
  pick: (answer: never) => FigureValue;
  /** Whether the figure of two adjacent periods adds up to their union's (a count of events by date). */
  additive: boolean;
  /** Whether the figure is printed per site as well (`<name>_<site>` lines). */
  perSite?: boolean;
  /** Whether the figure counts for a year (`--year`) rather than the period's days. */
  forYear?: boolean;
  /** The figure's label in the report's tables (a catalog key). */
  label: MessageKey;
  /**
   * The drill-down: one of the desk's calls that answers `figureRecordsArgs` with the
   * records behind the figure (`FigureRecords`), chosen by the same rule as the count, so
   * the list's length is always the figure's total.
   */
  records: string;
}

/** How a drill-down column's cells are written: ROC dates and times, counts right-aligned. */
export type RecordColumnType = 'text' | 'date' | 'instant' | 'number';

/** A column of a drill-down list. */
export interface RecordColumn {
  key: string;
  label: MessageKey;
  type?: RecordColumnType;
  /** In characters, for the workbook; default 14. */
  width?: number;
}

export type RecordCell = string | number | null;

/**
 * One record behind a figure: its id, the Taipei date it counts on (months and weekdays
 * of the charts), its site where it has one, and its cells, in the reader's language.
 */
export interface FigureRecordRow {
  id: string;
  date: BusinessDate;
  siteId?: string;
  cells: Record<string, RecordCell>;
}

/** The records behind one figure of a period. */
export interface FigureRecords {
  figure: string;
  columns: RecordColumn[];
  rows: FigureRecordRow[];
}

/**
 * A chart of the report, counted from the records behind one or more figures: the x axis
 * by the record's month, its weekday or one of its columns; the series (bars) or rows
 * (heat map) by its site or one of its columns.
 */
export interface ReportChart {
  id: string;
  title: MessageKey;
  figures: readonly string[];
  kind: 'bar' | 'heatmap';
  x: 'month' | 'weekday' | { column: string };
  by?: 'site' | { column: string };
}

export interface ReportSection {
  /** The section's title (a catalog key). */
  title: MessageKey;
  figures: readonly ReportFigure[];
  /**
   * The sentence in the manner of the report to the council (a catalog key; the report
   * pastes the zh-TW one): `{name}` stands for the figure's total with thousands
   * separators, `{year}` for the ROC year counted; the measure word is in the template.
   */
  sentence: MessageKey;
  charts?: readonly ReportChart[];
}

/** Declares a section, checking by type that each figure's pick reads its call's answer. */
export const defineReportSection = (section: ReportSection): ReportSection => section;

/** A figure read from an answer of type A. */
export function figure<A>(f: Omit<ReportFigure, 'pick'> & { pick: (answer: A) => FigureValue }): ReportFigure {
  return f as ReportFigure;
}

/** 1,149 — the thousands separators the report writes. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Fills a section's sentence with the figures' totals. */
export function fillSentence(template: string, totals: Readonly<Record<string, number>>, year?: number): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'year') return year === undefined ? whole : String(year - 1911);
    const v = totals[key];
    return v === undefined ? whole : formatCount(v);
  });
}

/** Sums a record of counts. */
export const sumOf = (byKey: Readonly<Record<string, number | undefined>>): number => Object.values(byKey).reduce<number>((a, b) => a + (b ?? 0), 0);
