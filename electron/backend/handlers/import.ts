/**
 * Imports: whatever domain/imports declares (agencies, people, spaces, permits, the
 * fleet, drivers) from .xlsx or .ods (preview with row-level problems, then commit),
 * the templates for them, and the government's working-day calendar CSV.
 * Each imported row is an ordinary create mutation; a commit writes all its rows in
 * one transaction.
 */
import type { ImportPreview, ImportRowView, Outcome } from '../../../domain/api';
import type { Problem } from '../../../domain/errors';
import { translate } from '../../../domain/i18n';
import { parseGovernmentCalendarCsv } from '../../../domain/working-days';
import { columnTitle, type ImportWhat } from '../excel/columns';
import { planImport, rehearseImport, type PlannedRow } from '../excel/plan';
import { importKind } from '../../../domain/imports';
import { readImportSheet, writeTemplate } from '../excel/sheet';
import { problemResult, renderProblem, type Actor, type Refusal } from '../mutation-runner';
import type { HandlerMap, Workstation } from '../workstation';

async function plan(ws: Workstation, what: ImportWhat, fileBase64: string, at: string): Promise<{ rows: PlannedRow[]; columns: string[] } | Refusal> {
  const sheet = await readImportSheet(what, fileBase64, ws.locale);
  if ('problem' in sheet) return problemResult(sheet.problem, ws.locale);
  if (sheet.rows.length === 0) return problemResult({ code: 'import.noRows', params: {} }, ws.locale);
  const rows = await rehearseImport(ws.runner, what, planImport(ws.runner.records, what, sheet, ws.locale), ws.actor, at);
  return { rows, columns: sheet.columns.map((c) => c.key) };
}

function rowProblem(row: number, problem: Problem, locale: Actor['locale']): Refusal {
  return problemResult({ code: 'import.rowError', params: { row, message: renderProblem(problem, locale) } }, locale);
}

export const importHandlers: Pick<HandlerMap, 'import.preview' | 'import.commit' | 'import.template' | 'calendar.importCsv'> = {
  'import.preview': async (ws, { what, fileBase64 }): Promise<Outcome<{ preview: ImportPreview }>> => {
    const planned = await plan(ws, what, fileBase64, new Date().toISOString());
    if ('ok' in planned) return planned;
    const titles = planned.columns.map((key) => columnTitle(what, key, ws.locale));
    const rows = planned.rows.map((r): ImportRowView => ({
      row: r.row,
      values: Object.fromEntries(planned.columns.map((key, i) => [titles[i], r.cells[key] ?? ''])),
      problems: r.problems.map((p) => renderProblem(p, ws.locale)),
    }));
    const bad = rows.filter((r) => r.problems.length > 0).length;
    return { ok: true, preview: { columns: titles, rows, ok: rows.length - bad, bad } };
  },

  'import.commit': async (ws, { what, fileBase64, onlyValid }) => {
    const actor = ws.actor;
    // Checked again from the file: the data may have changed since the preview.
    const at = new Date().toISOString();
    const planned = await plan(ws, what, fileBase64, at);
    if ('ok' in planned) return planned;
    const good = planned.rows.filter((r) => r.mutation !== null);
    if (!onlyValid) {
      const firstBad = planned.rows.find((r) => r.mutation === null);
      if (firstBad) return rowProblem(firstBad.row, firstBad.problems[0], ws.locale);
    }
    if (good.length === 0) return problemResult({ code: 'import.nothingValid', params: {} }, ws.locale);
    const result = await ws.runner.runBatch(
      good.map((r) => r.mutation!),
      actor,
      at,
    );
    if (!result.ok) return rowProblem(good[result.index].row, result.problem, ws.locale);
    return { ok: true, imported: good.length };
  },

  // A blank form with an example row: nothing in it needs a role.
  'import.template': async (ws, { what }) => ({
    fileBase64: (await writeTemplate(what, ws.locale)).toString('base64'),
    fileName: `${translate(ws.locale, 'import.templateName', { what: translate(ws.locale, importKind(what).label) })}.xlsx`,
  }),

  'calendar.importCsv': async (ws, { year, csv }) => {
    const actor = ws.actor;
    const parsed = parseGovernmentCalendarCsv(csv);
    const problems = parsed.problems.map((p) => translate(ws.locale, 'error.badCsv', { row: p.row, reason: p.reason }));
    const days = parsed.days.filter((d) => d.date.startsWith(`${year}-`));
    for (const d of parsed.days) if (!days.includes(d)) problems.push(translate(ws.locale, 'calendar.otherYear', { date: d.date, year }));
    // An import replaces the year's exceptions: a file without any would wipe them out.
    if (days.length === 0) {
      const first = parsed.problems[0];
      if (first && parsed.days.length === 0) return problemResult({ code: 'error.badCsv', params: { row: first.row, reason: first.reason } }, ws.locale);
      return problemResult({ code: 'calendar.noDaysForYear', params: { year } }, ws.locale);
    }
    const result = await ws.runner.run('calendar.importYear', { year, source: translate('zh-TW', 'calendar.sourceCsv'), days }, actor);
    if (!result.ok) return result;
    return { ok: true, imported: days.length, problems };
  },
};
