/**
 * Turns the rows of an import sheet into the create mutations they stand for, and
 * finds what is wrong with each row: the mutation's own zod schema (the one check of
 * the arguments), references that name no record, and duplicates within the file and
 * against the data already here. Nothing is written.
 */
import { z } from 'zod';
import { DomainError, type Problem } from '../../../domain/errors';
import type { Agency, Building, Floor, Kind, Site } from '../../../domain/entities';
import { newId } from '../../../domain/ids';
import { mutations, problemFromZod } from '../../../domain/mutations';
import { floorLevelFromName } from '../../../domain/places';
import type { Locale } from '../../../domain/dates';
import type { SqliteRecords } from '../../../db/records';
import { IMPORT_COLUMNS, choiceLabel, columnTitle, matchChoice, normalise, type ImportColumn, type ImportWhat } from './columns';
import type { ImportSheet, SheetRow } from './sheet';

export interface PlannedRow {
  row: number;
  cells: Record<string, string>;
  /** The mutation that creates the record; null when the row has problems. */
  mutation: { name: string; args: Record<string, unknown> } | null;
  problems: Problem[];
}

/** What a row turned into before validation, and which columns already have a problem. */
interface Built {
  args: Record<string, unknown>;
  problems: Problem[];
  /** Column key of each mutation field (for naming the column in a message). */
  fieldColumn: Record<string, string>;
}

interface UniqueKey {
  columns: string[];
  of(row: Record<string, unknown>): string | null;
}

interface Plan {
  kind: Kind;
  build(row: SheetRow): Built;
  unique: UniqueKey[];
}

const same = (a: string, b: string) => normalise(a) === normalise(b);
const nameOf = (r: { nameZh: string; code: string; nameEn: string; archived: boolean }, text: string) => same(r.code, text) || same(r.nameZh, text) || (r.nameEn !== '' && same(r.nameEn, text));

/** Active records that match, else archived ones (so the message can say it is archived). */
function pick<T extends { archived: boolean }>(rows: T[], matches: (r: T) => boolean): T | undefined {
  const found = rows.filter(matches);
  return found.find((r) => !r.archived) ?? found[0];
}

function archivedProblem(kind: Kind, name: string, field: string): Problem {
  return new DomainError('error.archivedParent', { kind, name }, field).problem;
}

/** Copies the cells of the given columns that are in the sheet (absent columns keep the mutation's defaults). */
function texts(row: SheetRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in row.cells).map((k) => [k, row.cells[k]]));
}

/** A choice column (類別): its label in either language, or its code. An empty cell is left to the schema. */
function choice(row: SheetRow, col: ImportColumn, field: string, out: Built, locale: Locale) {
  const choices = col.choices!;
  const text = row.cells[col.key] ?? '';
  const value = matchChoice(choices, text);
  if (value) out.args[field] = value;
  else if (text !== '') {
    const labels = choices.values.map((v) => choiceLabel(choices, v, locale)).join(locale === 'en' ? ', ' : '、');
    out.problems.push({ code: 'import.badChoice', params: { value: text, choices: labels }, field });
  }
}

function plans(records: SqliteRecords, locale: Locale): Record<ImportWhat, Plan> {
  const col = (what: ImportWhat, key: string) => IMPORT_COLUMNS[what].find((c) => c.key === key)!;
  let agencies: Agency[] | undefined;
  let places: { sites: Site[]; buildings: Building[]; floors: Floor[] } | undefined;

  return {
    agency: {
      kind: 'agency',
      build: (row) => ({ args: { id: newId(), ...texts(row, ['code', 'nameZh', 'nameEn', 'shortName', 'phone']) }, problems: [], fieldColumn: {} }),
      unique: [
        { columns: ['code'], of: (r) => (r.code ? normalise(String(r.code)) : null) },
        { columns: ['nameZh'], of: (r) => (r.nameZh ? normalise(String(r.nameZh)) : null) },
      ],
    },
    person: {
      kind: 'person',
      build(row) {
        const out: Built = { args: { id: newId(), ...texts(row, ['name', 'company', 'title', 'phoneExt', 'phone', 'email']) }, problems: [], fieldColumn: { agencyId: 'agency' } };
        choice(row, col('person', 'kind'), 'kind', out, locale);
        const agency = row.cells.agency ?? '';
        if (agency === '') out.args.agencyId = null;
        else {
          const all = (agencies ??= records.findSync('agency', {}));
          const found = pick(all, (a) => nameOf(a, agency) || (a.shortName !== '' && same(a.shortName, agency)));
          if (!found) out.problems.push({ code: 'import.unknownAgency', params: { value: agency }, field: 'agencyId' });
          else if (found.archived) out.problems.push(archivedProblem('agency', found.nameZh, 'agencyId'));
          else out.args.agencyId = found.id;
        }
        return out;
      },
      unique: [{ columns: ['name', 'agency', 'company'], of: (r) => (r.name ? [r.name, r.agencyId ?? '', r.company ?? ''].map((v) => normalise(String(v))).join('|') : null) }],
    },
    space: {
      kind: 'space',
      build(row) {
        const out: Built = { args: { id: newId(), ...texts(row, ['nameZh', 'nameEn', 'code']) }, problems: [], fieldColumn: { floorId: 'location' } };
        choice(row, col('space', 'kind'), 'kind', out, locale);
        const capacity = (row.cells.capacity ?? '').replace(/,/g, '');
        // A number stays text when it is not one, so the schema names the column.
        if (capacity !== '') out.args.capacity = /^-?\d+(\.\d+)?$/.test(capacity) ? Number(capacity) : capacity;
        const location = row.cells.location ?? '';
        if (location === '') return out;
        const p = (places ??= { sites: records.findSync('site', {}), buildings: records.findSync('building', {}), floors: records.findSync('floor', {}) });
        const parts = location.split(/[／/]/).map((part) => part.trim());
        const site = parts.length === 3 ? pick(p.sites, (s) => nameOf(s, parts[0])) : undefined;
        const building = site && pick(p.buildings, (b) => b.siteId === site.id && nameOf(b, parts[1]));
        const level = floorLevelFromName(parts[2] ?? '');
        // 1F is also found as 1樓: the same level on the sign's rule (unnamed levels must match by name).
        const floor = building && pick(p.floors, (f) => f.buildingId === building.id && (same(f.name, parts[2]) || (level !== 50 && f.level === level)));
        const archived = [site, building, floor].find((r) => r?.archived);
        if (!floor) out.problems.push({ code: 'import.unknownPlace', params: { value: location }, field: 'floorId' });
        else if (archived) out.problems.push(archivedProblem(archived === site ? 'site' : archived === building ? 'building' : 'floor', location, 'floorId'));
        else out.args.floorId = floor.id;
        return out;
      },
      unique: [
        { columns: ['location', 'nameZh'], of: (r) => (r.floorId && r.nameZh ? `${r.floorId}|${normalise(String(r.nameZh))}` : null) },
        { columns: ['location', 'code'], of: (r) => (r.floorId && r.code ? `${r.floorId}|${normalise(String(r.code))}` : null) },
      ],
    },
  };
}

/** Plans every row of the sheet; rows with problems get no mutation. */
export function planImport(records: SqliteRecords, what: ImportWhat, sheet: ImportSheet, locale: Locale): PlannedRow[] {
  const plan = plans(records, locale)[what];
  const name = `${plan.kind}.create`;
  const schema = mutations.get(name)!.args;
  const existing = records.findSync(plan.kind, {}) as unknown as Record<string, unknown>[];
  const taken = plan.unique.map((u) => new Set(existing.map((r) => u.of(r)).filter((k): k is string => k !== null)));
  const seen = plan.unique.map(() => new Map<string, number>());

  return sheet.rows.map((row) => {
    const built = plan.build(row);
    const columnOf = (field: string) => built.fieldColumn[field] ?? field;
    const problems: Problem[] = built.problems.map((p) => ({ ...p, params: { ...p.params, ...(p.field ? { field: columnTitle(what, columnOf(p.field), locale) } : {}) } }));
    const flagged = new Set(built.problems.map((p) => p.field));
    const parsed = schema.safeParse(built.args, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const problem = problemFromZod(new z.ZodError([issue]));
        const field = String(issue.path[0] ?? 'args');
        if (flagged.has(field)) continue;
        flagged.add(field);
        problems.push({ ...problem, params: { ...problem.params, field: columnTitle(what, columnOf(field), locale) } });
      }
    }
    if (problems.length === 0) {
      const args = parsed.data as Record<string, unknown>;
      plan.unique.forEach((u, i) => {
        const key = u.of(args);
        if (key === null) return;
        const field = u.columns.map((c) => columnTitle(what, c, locale)).join(locale === 'en' ? ', ' : '、');
        const earlier = seen[i].get(key);
        if (earlier !== undefined) problems.push({ code: 'import.duplicateInFile', params: { field, row: earlier } });
        else if (taken[i].has(key))
          problems.push({
            code: 'error.duplicate',
            params: {
              field,
              value: u.columns
                .map((c) => row.cells[c] ?? '')
                .filter(Boolean)
                .join(' / '),
            },
          });
        seen[i].set(key, seen[i].get(key) ?? row.row);
      });
    }
    return { row: row.row, cells: row.cells, mutation: problems.length === 0 ? { name, args: built.args } : null, problems };
  });
}
