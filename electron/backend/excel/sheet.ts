/**
 * Reading the first worksheet of an uploaded .xlsx or .ods into header + rows of text, and
 * writing an import template. Cells are read as the user sees them: rich text, links
 * (an e-mail address), formulas (their result) and numbers all become text.
 */
import type ExcelJS from 'exceljs';

/** exceljs is large: loaded on the first import or export, not at start-up. */
const excel = async () => (await import('exceljs')).default;
import type { Locale } from '../../../domain/dates';
import type { Problem } from '../../../domain/errors';
import { translate } from '../../../domain/i18n';
import { choiceLabel, columnOfHeader, columnTitle, importColumns, type ImportColumn, type ImportWhat } from './columns';
import { importKind } from '../../../domain/imports';

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
  columns: readonly ImportColumn[];
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

/** A sheet's rows as text, by the row number the spreadsheet shows; empty rows left out. */
interface Grid {
  rows: { row: number; cells: string[] }[];
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

async function xlsxGrid(bytes: Buffer): Promise<Grid | null> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  const rows: Grid['rows'] = [];
  if (!sheet) return { rows };
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: string[] = [];
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    if (cells.some((c) => c)) rows.push({ row: r, cells: Array.from(cells, (c) => c ?? '') });
  }
  return { rows };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** An OpenDocument cell as its reader sees it: dates as ISO dates, numbers by their value, text by its paragraphs. */
function odsCellText(attrs: string, body: string): string {
  const type = attr(attrs, 'office:value-type');
  if (type === 'date') return (attr(attrs, 'office:date-value') ?? '').slice(0, 10);
  if (type === 'float' || type === 'percentage' || type === 'currency') return attr(attrs, 'office:value') ?? '';
  if (type === 'boolean') return attr(attrs, 'office:boolean-value') ?? '';
  const paragraphs = [...body.matchAll(/<text:(?:p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:(?:p|h)>)/g)].map((p) =>
    decode(
      (p[1] ?? '')
        .replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
        .replace(/<text:s\b[^>]*\/>/g, ' ')
        .replace(/<text:tab\b[^>]*\/>/g, '\t')
        .replace(/<text:line-break\b[^>]*\/>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    ),
  );
  return paragraphs.join('\n').trim();
}

/** The first table of an .ods (LibreOffice Calc, or what offices exchange by policy). */
async function odsGrid(bytes: Buffer): Promise<Grid | null> {
  let content: string;
  try {
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const mime = await zip.file('mimetype')?.async('string');
    const file = zip.file('content.xml');
    if (!file || (mime !== undefined && mime.trim() !== ODS_MIME)) return null;
    content = await file.async('string');
  } catch {
    return null;
  }
  const table = /<table:table\b[^>]*>([\s\S]*?)<\/table:table>/.exec(content);
  const rows: Grid['rows'] = [];
  if (!table) return { rows };
  let r = 0;
  for (const m of table[1].matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const repeat = Number(attr(m[1], 'table:number-rows-repeated') ?? '1');
    const cells: string[] = [];
    let col = 0;
    for (const c of (m[2] ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const times = Number(attr(c[1], 'table:number-columns-repeated') ?? '1');
      const text = odsCellText(c[1], c[2] ?? '');
      if (text) for (let i = 0; i < Math.min(times, 1000); i++) cells[col + i] = text;
      col += times;
    }
    if (cells.some((x) => x)) {
      const filled = Array.from(cells, (x) => x ?? '');
      for (let i = 0; i < Math.min(repeat, MAX_IMPORT_ROWS + 1); i++) rows.push({ row: r + i + 1, cells: filled });
    }
    r += repeat;
  }
  return { rows };
}

/** The first sheet of an .xlsx or an .ods, or why it cannot be read. */
async function loadGrid(bytes: Buffer, locale: Locale): Promise<Grid | { problem: Problem }> {
  // An old binary .xls starts with the OLE signature; .xlsx and .ods are zips (PK).
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return fileProblem('error.badXlsx', { reason: translate(locale, 'import.oldXls') });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fileProblem('error.badXlsx', { reason: translate(locale, 'import.notXlsx') });
  // An .ods names itself in its first, uncompressed entry.
  const saysOds = bytes.subarray(30, 38).toString('latin1') === 'mimetype' && bytes.subarray(38, 38 + ODS_MIME.length).toString('latin1') === ODS_MIME;
  const grid = saysOds ? await odsGrid(bytes) : ((await xlsxGrid(bytes)) ?? (await odsGrid(bytes)));
  return grid ?? fileProblem('error.badXlsx', { reason: translate(locale, 'import.notXlsx') });
}

/** Reads the uploaded file, or says in the user's words why it cannot. */
export async function readImportSheet(what: ImportWhat, fileBase64: string, locale: Locale): Promise<ImportSheet | { problem: Problem }> {
  const grid = await loadGrid(Buffer.from(fileBase64, 'base64'), locale);
  if ('problem' in grid) return grid;
  const all = importColumns(what);
  const required = all.filter((c) => c.required);
  const noHeader = () => fileProblem('import.noHeader', { columns: required.map((c) => columnTitle(what, c.key, locale)).join(locale === 'en' ? ', ' : '、') });

  let header = -1;
  const byIndex = new Map<number, ImportColumn>();
  for (let i = 0; i < grid.rows.length && grid.rows[i].row <= HEADER_SEARCH_ROWS && header < 0; i++) {
    grid.rows[i].cells.forEach((text, col) => {
      const column = columnOfHeader(what, text);
      if (column && ![...byIndex.values()].includes(column)) byIndex.set(col, column);
    });
    if (byIndex.size > 0) header = i;
  }
  if (header < 0) return noHeader();
  const found = new Set(byIndex.values());
  const missing = required.find((c) => !found.has(c));
  if (missing) return fileProblem('import.missingColumn', { column: columnTitle(what, missing.key, locale) });

  const rows: SheetRow[] = [];
  for (const { row, cells: texts } of grid.rows.slice(header + 1)) {
    const cells: Record<string, string> = {};
    for (const [col, column] of byIndex) cells[column.key] = texts[col] ?? '';
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) return fileProblem('import.tooManyRows', { max: MAX_IMPORT_ROWS, count: rows.length });
  const columns = all.filter((c) => found.has(c));
  return { columns, rows };
}

/** Rows of the template that offer a drop-down for a choice column. */
const TEMPLATE_CHOICE_ROWS = 500;

/** A workbook with the header row and one example row, in the user's language. */
export async function writeTemplate(what: ImportWhat, locale: Locale): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet(translate(locale, importKind(what).label));
  const columns = importColumns(what);
  sheet.columns = columns.map((c) => ({ header: columnTitle(what, c.key, locale), key: c.key, width: String(c.example).length > 12 ? 32 : 18 }));
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
