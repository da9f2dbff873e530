import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitPeriod } from '../../domain/report/period';
import { tempDir } from '../../test/support/fresh-db';
import { signInAs } from '../../test/support/sign-in';
import { loadDemo } from './demo/load';
import { reportOf } from './report';
import { Workstation } from './workstation';

const run = promisify(execFile);
const seedPeriod = { from: '2021-09-01', to: '2022-01-31' };

function report(args: string[]) {
  return run(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts', ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('the period report from the command line (issue 13, item 7)', () => {
  let dataDir: string;
  let ws: Workstation;
  beforeAll(async () => {
    dataDir = tempDir();
    ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
    // The demo is written through the mutations, like any clerk's records.
    const loaded = await loadDemo(ws);
    if (!loaded.ok) throw new Error('demo did not load');
    await signInAs(ws, ['supervisor']);
  }, 120_000);
  afterAll(() => ws?.close());

  it('prints each figure as report.<name>: value, the same as the desks’ own figures calls', async () => {
    const out = await report(['--data-dir', dataDir, '--from', '110/09/01', '--to', '111/01/31']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = Object.fromEntries(
      out.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(': ') as [string, string]),
    );
    const tickets = await ws.call('tickets.figures', seedPeriod);
    const venues = await ws.call('venues.figures', seedPeriod);
    const parking = await ws.call('parking.figures', seedPeriod);
    const rounds = await ws.call('inspections.figures', seedPeriod);
    expect(lines['report.repair_cases']).toBe(String(tickets.total));
    expect(lines['report.inspection_rounds']).toBe(String(rounds.roundsDone));
    expect(lines['report.projects']).toBe(String(rounds.projectsCompleted));
    expect(lines['report.venue_sessions']).toBe(String(venues.venueSessions));
    expect(lines['report.room_uses']).toBe(String(venues.roomUses));
    expect(lines['report.annual_permits']).toBe(String(parking.annual.total));
    // The demo holds the seed period's permits (electron/backend/demo/report-period-parking.ts): the report's own figures.
    expect(lines['report.annual_permits']).toBe('741');
    expect(lines['report.temporary_permits_siwei']).toBe('2961');
    expect(lines['report.temporary_permits_fengshan']).toBe('1556');
  }, 60_000);

  it('answers the same as JSON, with --year choosing the annual permits’ year', async () => {
    const out = await report(['--data-dir', dataDir, '--from', '110/9/1', '--to', '111/1/31', '--year', '111', '--json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { from: string; to: string; year: number; report: Record<string, number> };
    expect(json).toMatchObject({ from: '2021-09-01', to: '2022-01-31', year: 111 });
    expect(json.report.venue_sessions).toBe((await ws.call('venues.figures', seedPeriod)).venueSessions);
  }, 60_000);

  it('refuses a date it cannot read with a message naming it, and leaves the data folder as it was', async () => {
    const file = path.join(dataDir, 'workstation.sqlite');
    const before = fs.statSync(file).mtimeMs;
    const out = await report(['--data-dir', dataDir, '--from', '110/02/30', '--to', '111/01/31']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('not a date or period: "110/02/30"');
    expect(out.stdout).toBe('');
    expect(fs.statSync(file).mtimeMs).toBe(before);
  }, 60_000);

  it('gives, for two adjacent periods, figures that add up to their union where the count is additive', async () => {
    const [first, second] = splitPeriod(seedPeriod, '2021-12-01');
    const [whole, a, b] = await Promise.all([reportOf(ws.db, seedPeriod), reportOf(ws.db, first), reportOf(ws.db, second)]);
    const additive = whole.sections.flatMap((s) => s.figures).filter((f) => ['repair_cases', 'inspection_rounds', 'projects', 'venue_sessions', 'room_uses', 'temporary_permits'].includes(f.name));
    expect(additive.length).toBe(6);
    for (const [name, value] of Object.entries(whole.lines)) {
      if (name.startsWith('annual_permits')) continue; // counted for a year, not by days
      expect({ name, value: (a.lines[name] ?? 0) + (b.lines[name] ?? 0) }).toEqual({ name, value });
    }
    // Something is counted on both sides of the cut, so the check is not vacuous.
    expect(a.lines.room_uses).toBeGreaterThan(0);
    expect(b.lines.room_uses + b.lines.repair_cases).toBeGreaterThan(0);
  }, 60_000);

  it('writes each section’s sentence in the report’s manner, with the figure beside last year’s', async () => {
    const r = await reportOf(ws.db, seedPeriod);
    const venues = r.sections.find((s) => s.figures.some((f) => f.name === 'venue_sessions'))!;
    expect(venues.text).toBe(`本期兩行政中心場地，共計開放 ${r.lines.venue_sessions.toLocaleString('en-US')} 場次，各會議室等集會場所申請使用共計 ${r.lines.room_uses.toLocaleString('en-US')} 場次。`);
    expect(r.lastYearPeriod).toEqual({ from: '2020-09-01', to: '2021-01-31' });
    expect(venues.figures[0].lastYear.total).toBe((await ws.call('venues.figures', r.lastYearPeriod)).venueSessions);
  }, 60_000);
});
