/**
 * The report desk's calls. They read every desk's figures and records through the desks'
 * declarations (domain/desks.ts, each desk's `report` section) and name no desk.
 */
import { z } from 'zod';
import { defineCall, DESK_READERS, exportFormat, type ExportedList } from '../call';
import { DESK_MODULES } from '../desks';
import { businessDate } from '../mutations/calendar';
import type { PeriodReport, ReportSite } from './compute';
import type { ReportChartData } from './charts';
import type { FigureRecords, ReportFigure } from './section';

/** Every figure of every desk's section, by name. */
export const REPORT_FIGURES: ReadonlyMap<string, ReportFigure & { deskId: string }> = new Map(
  DESK_MODULES.flatMap((d) => (d.report?.figures ?? []).map((f) => [f.name, { ...f, deskId: d.id }] as const)),
);

const year = z.number().int().min(1912).max(2200).optional();
const figureName = z.string().refine((n) => REPORT_FIGURES.has(n), { message: 'figure' });

const periodShape = { from: businessDate, to: businessDate, year };
const inOrder: [(p: { from: string; to: string }) => boolean, { message: string; path: string[] }] = [(p) => p.from <= p.to, { message: 'period', path: ['to'] }];

export const reportCalls = {
  /** Every desk's figures for the period, beside the same period a year earlier, with each section's sentence. */
  'report.period': defineCall(
    z
      .object(periodShape)
      .strict()
      .refine(...inOrder),
    DESK_READERS,
  ),
  /** The records behind one figure (the drill-down): as many as the figure counts. */
  'report.records': defineCall(
    z
      .object({ ...periodShape, figure: figureName })
      .strict()
      .refine(...inOrder),
    DESK_READERS,
  ),
  /** The charts every section declares, counted from the records behind their figures. */
  'report.charts': defineCall(
    z
      .object(periodShape)
      .strict()
      .refine(...inOrder),
    DESK_READERS,
  ),
  /** The workbook: a summary sheet, and a sheet per desk with the records behind each figure. */
  'report.export': defineCall(
    z
      .object({ ...periodShape, format: exportFormat })
      .strict()
      .refine(...inOrder),
    DESK_READERS,
  ),
} as const;

export interface ReportResults {
  'report.period': PeriodReport & { sites: ReportSite[] };
  'report.records': FigureRecords;
  'report.charts': ReportChartData[];
  'report.export': ExportedList;
}
