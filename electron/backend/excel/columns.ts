/**
 * The columns of the Excel imports (agencies, people, spaces): which mutation field each
 * fills, which are required, and an example for the template. Titles come from the
 * message catalogs; a header is recognised in zh-TW or English.
 */
import { PERSON_KINDS, SPACE_KINDS } from '../../../domain/entities';
import type { Locale } from '../../../domain/dates';
import { LOCALES, hasMessage, translate, type MessageKey } from '../../../domain/i18n';

export type ImportWhat = 'agency' | 'person' | 'space';

export interface Choices {
  /** Catalog prefix of the labels: personKind.staff → 職員. */
  prefix: 'personKind' | 'spaceKind';
  values: readonly string[];
}

export interface ImportColumn {
  key: string;
  /** The column must be in the header row (its cells may still be empty if the field allows). */
  required: boolean;
  /** What the template's example row shows (a choice is shown by its label). */
  example: string | number;
  choices?: Choices;
}

export const IMPORT_COLUMNS: Record<ImportWhat, ImportColumn[]> = {
  agency: [
    { key: 'code', required: true, example: 'DRG' },
    { key: 'nameZh', required: true, example: '毒品防制局' },
    { key: 'nameEn', required: false, example: 'Drug Abuse Prevention Bureau' },
    { key: 'shortName', required: false, example: '毒防局' },
    { key: 'phone', required: false, example: '07-3368999' },
  ],
  person: [
    { key: 'name', required: true, example: '王小明' },
    { key: 'kind', required: true, example: 'staff', choices: { prefix: 'personKind', values: PERSON_KINDS } },
    { key: 'agency', required: false, example: '民政局' },
    { key: 'company', required: false, example: '' },
    { key: 'title', required: false, example: '科員' },
    { key: 'phoneExt', required: false, example: '3210' },
    { key: 'phone', required: false, example: '07-3368333' },
    { key: 'email', required: false, example: 'xiaoming.wang@example.org' },
  ],
  space: [
    { key: 'location', required: true, example: '四維行政中心 / 行政大樓 / 5F' },
    { key: 'nameZh', required: true, example: '第六會議室' },
    { key: 'nameEn', required: false, example: 'Meeting Room 6' },
    { key: 'code', required: false, example: 'MR-501' },
    { key: 'kind', required: true, example: 'meeting_room', choices: { prefix: 'spaceKind', values: SPACE_KINDS } },
    { key: 'capacity', required: false, example: 20 },
  ],
};

export function columnTitle(what: ImportWhat, key: string, locale: Locale): string {
  return translate(locale, `importColumn.${what}.${key}` as MessageKey);
}

/** Headers are compared without spaces, case or a required-marker star. */
export function normalise(text: string): string {
  return text.replace(/[\s*＊]/g, '').toLowerCase();
}

/** The column a header cell names, in either language (or by its field name). */
export function columnOfHeader(what: ImportWhat, header: string): ImportColumn | undefined {
  const h = normalise(header);
  if (!h) return undefined;
  return IMPORT_COLUMNS[what].find((c) => normalise(c.key) === h || LOCALES.some((l) => normalise(columnTitle(what, c.key, l)) === h));
}

export function choiceLabel(choices: Choices, value: string, locale: Locale): string {
  const key = `${choices.prefix}.${value}`;
  return hasMessage(key) ? translate(locale, key) : value;
}

/**
 * The choice a cell means: its code, or its label in either language. A label with
 * alternatives (中庭／展覽空間) is also matched by each part.
 */
export function matchChoice(choices: Choices, text: string): string | undefined {
  const t = normalise(text);
  if (!t) return undefined;
  return choices.values.find((v) => {
    const names = [v, ...LOCALES.map((l) => choiceLabel(choices, v, l))];
    return names.flatMap((n) => [n, ...n.split(/[／/]/)]).some((n) => normalise(n) === t);
  });
}
