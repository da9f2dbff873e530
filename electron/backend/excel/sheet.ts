/**
 * Reading the first worksheet of an uploaded .xlsx into header + rows of text, and
 * writing an import template. Cells are read as the user sees them: rich text, links
 * (an e-mail address), formulas (their result) and numbers all become text.
 */
import type ExcelJS from 'exceljs';

/** exceljs is large: loaded on the first import or export, not at start-up. */
const excel = async () => (await import('exceljs')).default;
import type { Locale } from '../../../domain/dates';
import type { Problem } from '../../../domain/errors';
import { translate } from '../../../domain/i18n';
import { IMPORT_COLUMNS, choiceLabel, columnOfHeader, columnTitle, type ImportColumn, type ImportWhat } from './columns';

export const MAX_IMPORT_ROWS = 5000;
/** The header may sit below a title line or two. */
const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  /** Cell text by column key. */
  cells: Record<string, string>;
}

export interface ImportSheet {
  columns: ImportColumn[];
  rows: SheetRow[];
}

export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return cellText((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return '';
}

function fileProblem(code: Problem['code'], params: Problem['params'] = {}): { problem: Problem } {
  return { problem: { code, params } };
}

async function loadWorkbook(bytes: Buffer, locale: Locale): Promise<ExcelJS.Workbook | { problem: Problem }> {
  // An old binary .xls starts with the OLE signature; an .xlsx is a zip (PK).
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return fileProblem('error.badXlsx', { reason: translate(locale, 'import.oldXls') });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fileProblem('error.badXlsx', { reason: translate(locale, 'import.notXlsx') });
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return fileProblem('error.badXlsx', { reason: translate(locale, 'import.notXlsx') });
  }
  return workbook;
}

/** Reads the uploaded file, or says in the user's words why it cannot. */
export async function readImportSheet(what: ImportWhat, fileBase64: string, locale: Locale): Promise<ImportSheet | { problem: Problem }> {
  const workbook = await loadWorkbook(Buffer.from(fileBase64, 'base64'), locale);
  if ('problem' in workbook) return workbook;
  const sheet = workbook.worksheets[0];
  const required = IMPORT_COLUMNS[what].filter((c) => c.required);
  const noHeader = () => fileProblem('import.noHeader', { columns: required.map((c) => columnTitle(what, c.key, locale)).join(locale === 'en' ? ', ' : '、') });
  if (!sheet) return noHeader();

  let headerRow = 0;
  const byIndex = new Map<number, ImportColumn>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      const column = columnOfHeader(what, cellText(cell.value));
      if (column && ![...byIndex.values()].includes(column)) byIndex.set(col, column);
    });
    if (byIndex.size > 0) headerRow = r;
  }
  if (headerRow === 0) return noHeader();
  const found = new Set(byIndex.values());
  const missing = required.find((c) => !found.has(c));
  if (missing) return fileProblem('import.missingColumn', { column: columnTitle(what, missing.key, locale) });

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    for (const [col, column] of byIndex) cells[column.key] = cellText(row.getCell(col).value);
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: r, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) return fileProblem('import.tooManyRows', { max: MAX_IMPORT_ROWS, count: rows.length });
  const columns = IMPORT_COLUMNS[what].filter((c) => found.has(c));
  return { columns, rows };
}

/** Rows of the template that offer a drop-down for a choice column. */
const TEMPLATE_CHOICE_ROWS = 500;

/** A workbook with the header row and one example row, in the user's language. */
export async function writeTemplate(what: ImportWhat, locale: Locale): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(translate(locale, `kind.${what}`));
  const columns = IMPORT_COLUMNS[what];
  sheet.columns = columns.map((c) => ({ header: columnTitle(what, c.key, locale), key: c.key, width: c.key === 'location' ? 32 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.choices ? choiceLabel(c.choices, String(c.example), locale) : c.example])));
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const labels = c.choices.values.map((v) => choiceLabel(c.choices!, v, locale)).join(',');
    for (let r = 2; r <= TEMPLATE_CHOICE_ROWS; r++) {
      sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${labels}"`] };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
