/**
 * Turns the rows of an import sheet into the create mutations they stand for, as the
 * import kind declares them (domain/imports), and finds what is wrong with each row:
 * its cells (a plate that is none, a name that names no record, a date that is none),
 * the mutation's own zod schema, duplicates within the file and against the records
 * already here, and then the mutation's own rules, by rehearsing the good rows in a
 * transaction that is rolled back. Nothing is written.
 */
import { z } from 'zod';
import type { Locale } from '../../../domain/dates';
import type { Kind } from '../../../domain/entities';
import type { Problem } from '../../../domain/errors';
import { mutations, problemFromZod } from '../../../domain/mutations';
import { importKind } from '../../../domain/imports';
import { choiceList, columnTitle, matchChoice, type ImportContext, type ImportKind } from '../../../domain/imports/define';
import type { SqliteRecords } from '../../../db/records';
import { renderProblem, type Actor, type MutationRunner } from '../mutation-runner';
import type { ImportSheet, SheetRow } from './sheet';

export interface PlannedRow {
  row: number;
  cells: Record<string, string>;
  /** The mutation that creates the record; null when the row has problems. */
  mutation: { name: string; args: Record<string, unknown> } | null;
  problems: Problem[];
}

interface Built {
  args: Record<string, unknown>;
  problems: Problem[];
}

/** The records a row may name, each kind read once per import. */
function lookupOf(records: SqliteRecords): ImportContext['lookup'] {
  const cache = new Map<Kind, unknown[]>();
  return {
    all<K extends Kind>(kind: K) {
      if (!cache.has(kind)) cache.set(kind, records.findSync(kind, {}));
      return cache.get(kind) as never;
    },
  };
}

/** The column a mutation field comes from (for naming it in a message). */
function columnOfField(kind: ImportKind, field: string): string {
  return kind.columns.find((c) => (c.field === undefined ? c.key : c.field) === field)?.key ?? field;
}

/** The mutation's arguments from the cells of the columns the sheet has (absent columns keep the mutation's defaults). */
function build(kind: ImportKind, row: SheetRow, ctx: ImportContext): Built {
  const out: Built = { args: {}, problems: [] };
  for (const col of kind.columns) {
    if (!(col.key in row.cells)) continue;
    const field = col.field === undefined ? col.key : col.field;
    const text = row.cells[col.key];
    const parsed = col.choices || col.parse;
    if (text === '' && parsed) {
      if ('empty' in col && field) out.args[field] = col.empty;
      continue;
    }
    if (col.choices) {
      const value = matchChoice(col.choices, text);
      if (value === undefined) out.problems.push({ code: 'import.badChoice', params: { value: text, choices: choiceList(col.choices, ctx.locale) }, field: field ?? col.key });
      else if (field) out.args[field] = value;
    } else if (col.parse) {
      const result = col.parse(text, ctx, row.cells);
      if ('problem' in result) out.problems.push({ ...result.problem, field: field ?? col.key });
      else if (field) out.args[field] = result.value;
    } else if (field) out.args[field] = text;
  }
  kind.finish(out.args, row.cells, ctx);
  return out;
}

/** A problem with the column it is about named by its title (in the message's {field}). */
function named(kind: ImportKind, problem: Problem, locale: Locale): Problem {
  if (!problem.field) return problem;
  const title = columnTitle(kind.what, columnOfField(kind, problem.field), locale);
  const param = typeof problem.params.field === 'string' ? columnTitle(kind.what, columnOfField(kind, problem.params.field), locale) : title;
  return { ...problem, params: { ...problem.params, field: param, column: title } };
}

/** Plans every row of the sheet; rows with problems get no mutation. */
export function planImport(records: SqliteRecords, what: string, sheet: ImportSheet, locale: Locale): PlannedRow[] {
  const kind = importKind(what);
  const schema = mutations.get(kind.mutation)!.args;
  const ctx: ImportContext = { lookup: lookupOf(records), locale };
  const existing = records.findSync(kind.kind, {}) as unknown as Record<string, unknown>[];
  const taken = kind.unique.map((u) => new Set(existing.map((r) => u.of(r)).filter((k): k is string => k !== null)));
  const seen = kind.unique.map(() => new Map<string, number>());

  return sheet.rows.map((row) => {
    const built = build(kind, row, ctx);
    const problems: Problem[] = built.problems.map((p) => inColumn(named(kind, p, locale), locale));
    const flagged = new Set(built.problems.map((p) => p.field));
    const parsed = schema.safeParse(built.args, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'args');
        if (flagged.has(field)) continue;
        flagged.add(field);
        const problem = problemFromZod(new z.ZodError([issue]));
        problems.push(named(kind, { ...problem, field }, locale));
      }
    }
    if (problems.length === 0) {
      const args = parsed.data as Record<string, unknown>;
      kind.unique.forEach((u, i) => {
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
    return { row: row.row, cells: row.cells, mutation: problems.length === 0 ? { name: kind.mutation, args: built.args } : null, problems };
  });
}

/** A rule's refusal that does not say its column says it first: 「車牌」：… */
function inColumn(problem: Problem, locale: Locale): Problem {
  const column = problem.params.column;
  const message = renderProblem(problem, locale);
  return typeof column === 'string' && !message.includes(column) ? { code: 'import.inColumn', params: { column, message } } : problem;
}

/**
 * The mutation's own rules for the rows that passed the sheet's checks: each good row
 * is applied in order, in one transaction that is then rolled back, so a row is checked
 * against the records here and the good rows above it, as the commit will write them.
 */
export async function rehearseImport(runner: MutationRunner, what: string, rows: PlannedRow[], actor: Actor, at: string): Promise<PlannedRow[]> {
  const kind = importKind(what);
  const good = rows.filter((r) => r.mutation !== null);
  const refused = await runner.rehearse(
    good.map((r) => r.mutation!),
    actor,
    at,
  );
  const byRow = new Map(good.map((r, i) => [r.row, refused[i]]));
  return rows.map((r) => {
    const problem = byRow.get(r.row);
    return problem ? { ...r, mutation: null, problems: [inColumn(named(kind, problem, actor.locale), actor.locale)] } : r;
  });
}
