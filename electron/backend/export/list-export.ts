/**
 * A desk's list out as a spreadsheet, the one answer every desk's `*.export` call gives:
 * the file, its type, and a name with the day it was made in the ROC calendar
 * (報修單-1141207.xlsx), so a folder of exports sorts by day and today's does not
 * overwrite yesterday's. Who may export is the call's access (domain/call.ts), checked
 * before any handler runs.
 */
import type { ExportedList } from '../../../domain/call';
import { formatRocShort, todayInTaipei, type BusinessDate } from '../../../domain/dates';
import { EXPORT_MIME, exportTable, type TableExport } from './table-export';

/** A file name without characters Windows refuses. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim();

/** `<name>-<ROC date>.<format>`, e.g. 場地申請清單-1110131.xlsx. */
export function datedFileName(name: string, format: TableExport['format'], today: BusinessDate = todayInTaipei()): string {
  return `${safeFileName(name)}-${formatRocShort(today).replace(/\//g, '')}.${format}`;
}

export async function exportList(table: TableExport & { fileName: string }): Promise<ExportedList> {
  const file = await exportTable(table);
  return { ok: true, fileBase64: file.toString('base64'), fileName: datedFileName(table.fileName, table.format), mime: EXPORT_MIME[table.format] };
}
