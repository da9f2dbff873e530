/**
 * What can be imported from a spreadsheet (.xlsx or .ods), declared once per kind of
 * import: its columns (their titles are the catalog's `importColumn.<what>.<key>`), the
 * ordinary create mutation a row becomes, who may import it, and what makes two rows the
 * same. The desks declare theirs beside their mutations (domain/<desk>/imports.ts) and
 * domain/desks.ts combines them; the import calls, their role check, the template, the
 * preview and the commit read nothing else.
 *
 * Parsing a cell is pure: a column's `parse` turns its text into the mutation's value or
 * a problem, looking records up through `ImportContext.lookup` (the workstation's records).
 * The mutation's own schema and its own apply (rehearsed in a rolled-back transaction)
 * check the rest, so a rule lives in one place.
 */
import type { Locale } from '../dates';
import { parseDateInput } from '../dates';
import type { Entities, Kind } from '../entities';
import type { Problem } from '../errors';
import { LOCALES, hasMessage, translate, type MessageKey } from '../i18n';
import type { Role } from '../roles';

export interface Choices {
  /** Catalog prefix of the labels: personKind.staff → 職員. */
  prefix: string;
  values: readonly string[];
  /** Other names a clerk writes for a value (年度 for 年度停車證). */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

/** A cell turned into a value for the mutation, or what is wrong with it (the column is named by the caller). */
export type CellResult = { value: unknown } | { problem: Omit<Problem, 'field'> };

/** The records a row may name, read once per import. */
export interface ImportLookup {
  all<K extends Kind>(kind: K): Entities[K][];
}

export interface ImportContext {
  lookup: ImportLookup;
  locale: Locale;
}

export interface ImportColumn {
  key: string;
  /** The column must be in the header row (its cells may still be empty if the field allows). */
  required: boolean;
  /** What the template's example row shows (a choice is shown by its label). */
  example: string | number;
  /** A choice column: its cells are a value's label in either language, or its code. */
  choices?: Choices;
  /** The mutation argument the cell fills (default: the key); null when only `finish` reads it. */
  field?: string | null;
  /** Turns a non-empty cell into its value; without it the text is the value. */
  parse?: (text: string, ctx: ImportContext, cells: Record<string, string>) => CellResult;
  /** What an empty cell of a parsed or choice column gives (default: the argument is left out, so the schema decides). */
  empty?: unknown;
}

/** What makes two rows the same record: within the file, and against the records already here. */
export interface UniqueKey {
  /** The columns named in the message. */
  columns: readonly string[];
  /** The key of a row's mutation arguments, or of a record already here; null when it has none. */
  of(record: Record<string, unknown>): string | null;
}

export interface ImportKind<W extends string = string> {
  /** What the import calls take: `what: 'permit'`. */
  what: W;
  /** The catalog key of what is imported, as a title says it (kind.agency → 機關). */
  label: MessageKey;
  /** The records the rows become (their existing ones are checked against `unique`). */
  kind: Kind;
  /** The create mutation each row becomes: the write path, its roles and its rules are that mutation's. */
  mutation: string;
  /** Who may import: the import calls check this before anything is read. */
  roles: readonly Role[];
  columns: readonly ImportColumn[];
  /** After the cells: the record's id and what the cells do not give directly. */
  finish(args: Record<string, unknown>, cells: Record<string, string>, ctx: ImportContext): void;
  unique: readonly UniqueKey[];
}

export const defineImport = <W extends string>(kind: ImportKind<W>): ImportKind<W> => kind;

/** Headers and names are compared without spaces, case or a required-marker star. */
export function normalise(text: string): string {
  return text.replace(/[\s*＊]/g, '').toLowerCase();
}

export const same = (a: string, b: string) => normalise(a) === normalise(b);

/** A record's name or code as a cell gives it. */
export const namedBy = (r: { nameZh: string; code: string; nameEn: string }, text: string) => same(r.code, text) || same(r.nameZh, text) || (r.nameEn !== '' && same(r.nameEn, text));

/** Active records that match, else archived ones (so the message can say it is archived). */
export function pick<T extends { archived: boolean }>(rows: readonly T[], matches: (r: T) => boolean): T | undefined {
  const found = rows.filter(matches);
  return found.find((r) => !r.archived) ?? found[0];
}

export const problem = (code: MessageKey, params: Problem['params'] = {}): CellResult => ({ problem: { code, params } });

/** A record a cell names: refused when there is none, or when it is archived. */
export function referenceTo<T extends { archived: boolean; id: string }>(found: T | undefined, kind: Kind, name: string, missing: CellResult): CellResult {
  if (!found) return missing;
  if (found.archived) return problem('error.archivedParent', { kind, name });
  return { value: found.id };
}

/** The agency a cell names by code, name, English or short name. */
export function agencyCell(text: string, ctx: ImportContext): CellResult {
  const found = pick(ctx.lookup.all('agency'), (a) => namedBy(a, text) || (a.shortName !== '' && same(a.shortName, text)));
  return referenceTo(found, 'agency', found?.nameZh ?? text, problem('import.unknownAgency', { value: text }));
}

/** A date as clerks write it: 111/1/31, 1110131, 111.1.31, 111年1月31日 or 2022-01-31 (a date cell of the sheet reads as ISO). */
export function dateCell(text: string): CellResult {
  const date = parseDateInput(text);
  return date ? { value: date } : problem('import.badDate', { value: text });
}

/** A whole number, with or without thousands separators; left as text when it is not one, so the schema names the column. */
export function numberCell(text: string): CellResult {
  const t = text.replace(/,/g, '');
  return { value: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t };
}

/** A year in the ROC calendar (111) or Gregorian (2022). */
export function yearCell(text: string): CellResult {
  const t = text.trim().replace(/^民國/, '').replace(/年$/, '');
  if (!/^\d{2,4}$/.test(t)) return problem('import.badYear', { value: text });
  const n = Number(t);
  return { value: n < 1000 ? n + 1911 : n };
}

/** A short stable hash (FNV-1a, 2 × 32 bits) of a row's content: an imported record's id, so a second import of the row finds the first. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A column's title in a language: the catalog's importColumn.<what>.<key>. */
export function columnTitle(what: string, key: string, locale: Locale): string {
  return translate(locale, `importColumn.${what}.${key}` as MessageKey);
}

export function choiceLabel(choices: Choices, value: string, locale: Locale): string {
  const key = `${choices.prefix}.${value}`;
  return hasMessage(key) ? translate(locale, key) : value;
}

/**
 * The choice a cell means: its code, its label in either language or an alias. A label
 * with alternatives (中庭／展覽空間) is also matched by each part.
 */
export function matchChoice(choices: Choices, text: string): string | undefined {
  const t = normalise(text);
  if (!t) return undefined;
  return choices.values.find((v) => {
    const names = [v, ...LOCALES.map((l) => choiceLabel(choices, v, l)), ...(choices.aliases?.[v] ?? [])];
    return names.flatMap((n) => [n, ...n.split(/[／/]/)]).some((n) => normalise(n) === t);
  });
}

/** The labels of a choice column, as a message lists them. */
export function choiceList(choices: Choices, locale: Locale): string {
  return choices.values.map((v) => choiceLabel(choices, v, locale)).join(locale === 'en' ? ', ' : '、');
}

/** Several choices in one cell (轎車、廂型車): each must be one. */
export function choicesCell(choices: Choices) {
  return (text: string, ctx: ImportContext): CellResult => {
    const values: string[] = [];
    for (const part of text
      .split(/[,，、;；]+/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const v = matchChoice(choices, part);
      if (!v) return problem('import.badChoice', { value: part, choices: choiceList(choices, ctx.locale) });
      if (!values.includes(v)) values.push(v);
    }
    return { value: values };
  };
}
