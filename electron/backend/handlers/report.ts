/**
 * The report desk's calls (domain/report/calls.ts): the period report, its drill-down,
 * charts and workbook, read through the desks' declarations (electron/backend/report.ts).
 */
import { formatRocShort } from '../../../domain/dates';
import { translate } from '../../../domain/i18n';
import { EXPORT_MIME, exportWorkbook } from '../export/table-export';
import { safeFileName } from '../export/list-export';
import { chartsOf, figureRecordsOf, reportOf, reportSheets, reportSites } from '../report';
import type { DeskHandlers } from '../desk';

export const reportHandlers: DeskHandlers<'report.period' | 'report.records' | 'report.charts' | 'report.export'> = {
  'report.period': async (ctx, { from, to, year }) => ({ ...(await reportOf(ctx, { from, to }, year)), sites: reportSites(ctx.db) }),
  'report.records': (ctx, { from, to, year, figure }) => figureRecordsOf(ctx, { from, to, figure }, year),
  'report.charts': (ctx, { from, to, year }) => chartsOf(ctx, { from, to }, year),
  'report.export': async (ctx, { from, to, year, format }) => {
    const file = await exportWorkbook({ format, sheets: await reportSheets(ctx, { from, to }, year) });
    // 業務報告-1100901-1110131.xlsx: the period, not the day it was made, names a report.
    const span = [from, to].map((d) => formatRocShort(d).replace(/\//g, '')).join('-');
    return { ok: true, fileBase64: file.toString('base64'), fileName: `${safeFileName(translate(ctx.locale, 'report.ui.fileName'))}-${span}.${format}`, mime: EXPORT_MIME[format] };
  },
};
