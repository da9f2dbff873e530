/**
 * What a desk declares for the period report (its `report` in domain/<desk>/desk.ts): the
 * figures it gives, each read from one of its `figures` calls, with the measure word the
 * business report writes after the number, and the zh-TW sentence of its section in the
 * manner of the report to the council. The report desk reads these declarations through
 * the desk registry and knows no desk by name.
 */
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
  /** zh-TW and English labels of the figure in the report's tables. */
  label: { zh: string; en: string };
}

export interface ReportSection {
  /** zh-TW and English titles of the section. */
  title: { zh: string; en: string };
  figures: readonly ReportFigure[];
  /**
   * The zh-TW sentence: `{name}` stands for the figure's total with thousands separators,
   * `{year}` for the ROC year counted; the measure word is written in the template.
   */
  sentence: string;
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
