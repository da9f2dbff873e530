/**
 * The columns of the spreadsheet imports, as each import kind declares them
 * (domain/imports): titles come from the message catalogs, and a header is recognised
 * in zh-TW or English (or by its field name).
 */
import { LOCALES } from '../../../domain/i18n';
import { columnTitle, normalise, type ImportColumn } from '../../../domain/imports/define';
import { importKind } from '../../../domain/imports';

export type ImportWhat = string;
export { choiceLabel, columnTitle, matchChoice, normalise, type Choices, type ImportColumn } from '../../../domain/imports/define';

export function importColumns(what: ImportWhat): readonly ImportColumn[] {
  return importKind(what).columns;
}

/** The column a header cell names, in either language (or by its field name). */
export function columnOfHeader(what: ImportWhat, header: string): ImportColumn | undefined {
  const h = normalise(header);
  if (!h) return undefined;
  return importColumns(what).find((c) => normalise(c.key) === h || LOCALES.some((l) => normalise(columnTitle(what, c.key, l)) === h));
}
