import { execFile } from 'node:child_process';
import { demoWorkstation } from '../../test/support/demo-workstation';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../domain/i18n';
import { taipeiDateOf, weekdayOf } from '../../domain/dates';
import { splitPeriod } from '../../domain/report/period';
import { tempDir } from '../../test/support/fresh-db';
import { SEED_REPAIR_CASES, SEED_REPAIR_TOTAL } from './demo/report-period-maintenance';
import { SEED_VENUES } from './demo/report-period-venues';
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
    ws = await demoWorkstation(['supervisor'], dataDir);
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
    // …and its repair tickets and venue bookings (report-period-maintenance.ts, report-period-venues.ts).
    expect(lines['report.repair_cases']).toBe('376');
    expect(lines['report.venue_sessions']).toBe('205');
    expect(lines['report.room_uses']).toBe('1149');
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
    const [whole, a, b] = await Promise.all([ws.call('report.period', seedPeriod), ws.call('report.period', first), ws.call('report.period', second)]);
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
    const r = await ws.call('report.period', seedPeriod);
    const venues = r.sections.find((s) => s.figures.some((f) => f.name === 'venue_sessions'))!;
    expect(venues.text).toBe(`本期兩行政中心場地，共計開放 ${r.lines.venue_sessions.toLocaleString('en-US')} 場次，各會議室等集會場所申請使用共計 ${r.lines.room_uses.toLocaleString('en-US')} 場次。`);
    expect(r.lastYearPeriod).toEqual({ from: '2020-09-01', to: '2021-01-31' });
    expect(venues.figures[0].lastYear.total).toBe((await ws.call('venues.figures', r.lastYearPeriod)).venueSessions);
  }, 60_000);
});

describe('the demo holds the seed report’s period (issue 13, item 8)', () => {
  let ws: Workstation;
  beforeAll(async () => {
    ws = await demoWorkstation(['supervisor']);
  }, 120_000);
  afterAll(() => ws?.close());
  const tickets = () => ws.runner.records.findSync('ticket', {});
  const bookings = () => ws.runner.records.findSync('booking', {});
  const inPeriod = (instant: string) => taipeiDateOf(instant) >= seedPeriod.from && taipeiDateOf(instant) <= seedPeriod.to;

  it('gives the business report’s figures: 376 件 by category, 205 and 1,149 場次, the rounds and the four projects with their dates', async () => {
    const r = await ws.call('report.period', seedPeriod);
    expect(r.lines).toMatchObject({ repair_cases: 376, venue_sessions: 205, room_uses: 1149, projects: 4, annual_permits: 741, temporary_permits_siwei: 2961, temporary_permits_fengshan: 1556 });
    const cases = await ws.call('tickets.figures', seedPeriod);
    expect(cases.total).toBe(SEED_REPAIR_TOTAL);
    expect(cases.byCategory).toEqual(SEED_REPAIR_CASES);
    expect(Object.values(SEED_REPAIR_CASES).reduce((a, b) => a + b, 0)).toBe(376);
    const venues = await ws.call('venues.figures', seedPeriod);
    expect({ venueSessions: venues.venueSessions, roomUses: venues.roomUses }).toEqual(SEED_VENUES);
    const sections = r.sections.map((s) => s.text).join('\n');
    expect(sections).toContain('本期共計處理 376 件');
    expect(sections).toContain('本期兩行政中心場地，共計開放 205 場次，各會議室等集會場所申請使用共計 1,149 場次。');
    // The projects the report names, completed on its dates; the cleanliness evaluations of 110/11 and 111/1 among the rounds done.
    const rounds = await ws.call('inspections.figures', seedPeriod);
    const projects = ws.runner.records.findSync('project', {}).filter((p) => rounds.projectIds.includes(p.id));
    expect(projects.map((p) => p.actualEnd).sort()).toEqual(['2021-09-23', '2021-12-10', '2021-12-20', '2021-12-31']);
    expect(rounds.roundsDoneByPlan['demo-plan-cleanliness']).toBe(2);
    expect(r.lines.inspection_rounds).toBeGreaterThan(20);
  }, 60_000);

  it('opens the 376 repair cases behind the figure, and the rounds and projects behind theirs, each list as long as its figure', async () => {
    const r = await ws.call('report.period', seedPeriod);
    const cases = await ws.call('report.records', { ...seedPeriod, figure: 'repair_cases' });
    expect(cases.rows.length).toBe(376);
    expect(new Set(cases.rows.map((row) => row.id)).size).toBe(376);
    expect(cases.rows.every((row) => row.date >= seedPeriod.from && row.date <= seedPeriod.to)).toBe(true);
    // By date, then number.
    const order = cases.rows.map((row) => `${row.date} ${String(row.cells.number)}`);
    expect(order).toEqual([...order].sort());
    // The edges: completed before 08:00 on the first day, and on 除夕; nothing cancelled, returned or reopened after.
    const ids = new Set(cases.rows.map((row) => row.id));
    expect(ids.has('demo-rp-ticket-first-morning') && ids.has('demo-rp-ticket-new-years-eve')).toBe(true);
    for (const out of ['cancelled-1', 'returned-1', 'day-before', 'after-midnight', 'reopened-after']) expect(ids.has(`demo-rp-ticket-${out}`), out).toBe(false);
    const byCategory = new Map<string, number>();
    for (const row of cases.rows) byCategory.set(String(row.cells.category), (byCategory.get(String(row.cells.category)) ?? 0) + 1);
    expect(Object.fromEntries(byCategory)).toEqual(Object.fromEntries(Object.entries(SEED_REPAIR_CASES).map(([c, n]) => [translate('zh-TW', `ticketCategory.${c}` as MessageKey), n])));
    for (const figure of ['inspection_rounds', 'projects'] as const) {
      expect((await ws.call('report.records', { ...seedPeriod, figure })).rows.length, figure).toBe(r.lines[figure]);
    }
  }, 60_000);

  // The charts and the workbook read every desk's drill-down: they run once each desk answers its own.

  it('charts the 376 repair cases by category and month, and writes them to the workbook’s maintenance sheet', async () => {
    const charts = await ws.call('report.charts', seedPeriod);
    const chart = charts.find((c) => c.id === 'ticketsByCategoryMonth')!;
    expect(chart.xs).toEqual(['110/09', '110/10', '110/11', '110/12', '111/01']);
    expect(chart.series.flatMap((s) => s.values).reduce((a, b) => a + b, 0)).toBe(376);
    expect(chart.series.find((s) => s.name === '水電')!.values.reduce((a, b) => a + b, 0)).toBe(SEED_REPAIR_CASES.plumbing);
    const file = await ws.call('report.export', { ...seedPeriod, format: 'xlsx' });
    if (!file.ok) throw new Error(file.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.fileBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('修繕維護')!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.filter((row) => row?.[1] === '處理修繕案件').length).toBe(376);
  }, 60_000);

  it('holds tickets that must not count — cancelled, returned, completed outside the period — and leaves them out', async () => {
    const byId = new Map(tickets().map((t) => [t.id, t]));
    for (const k of [1, 2, 3]) {
      expect(byId.get(`demo-rp-ticket-cancelled-${k}`)?.status).toBe('cancelled');
      expect(byId.get(`demo-rp-ticket-returned-${k}`)?.status).toBe('returned');
    }
    expect(byId.get('demo-rp-ticket-cancelled-working')?.status).toBe('cancelled');
    expect(taipeiDateOf(byId.get('demo-rp-ticket-day-before')!.completedAt!)).toBe('2021-08-31');
    expect(taipeiDateOf(byId.get('demo-rp-ticket-after-midnight')!.completedAt!)).toBe('2022-02-01');
    expect(taipeiDateOf(byId.get('demo-rp-ticket-reopened-after')!.completedAt!)).toBe('2022-02-08');
    // Counted on the edges: completed before 08:00 on the first day (still 8/31 in UTC) and on 除夕, the last.
    expect(byId.get('demo-rp-ticket-first-morning')!.completedAt!.slice(0, 10)).toBe('2021-08-31');
    expect(taipeiDateOf(byId.get('demo-rp-ticket-first-morning')!.completedAt!)).toBe('2021-09-01');
    expect(taipeiDateOf(byId.get('demo-rp-ticket-new-years-eve')!.completedAt!)).toBe('2022-01-31');
    // Reported in the period, more than the cases handled; a day wider each side takes in just the two outside the edges.
    expect(tickets().filter((t) => inPeriod(t.reportedAt)).length).toBeGreaterThan(376 + 8);
    expect((await ws.call('tickets.figures', { from: '2021-09-01', to: '2021-09-01' })).total).toBeGreaterThanOrEqual(1);
    expect((await ws.call('tickets.figures', { from: '2021-08-31', to: '2022-02-01' })).total).toBe(378);
    expect((await ws.call('tickets.figures', { from: '2022-01-31', to: '2022-01-31' })).total).toBe(1);
  }, 60_000);

  it('holds bookings that must not count — cancelled, rejected, holiday occurrences, on the days around — and leaves them out', async () => {
    const rooms = new Map(ws.runner.records.findSync('venue', {}).map((v) => [v.id, v]));
    const ofPeriod = bookings().filter((b) => inPeriod(b.start));
    const status = (s: string) => ofPeriod.filter((b) => b.status === s && b.id.startsWith('demo-rp-')).length;
    expect(status('cancelled')).toBeGreaterThanOrEqual(5); // three meetings, an auditorium event, the 2021 holidays' series meetings
    expect(status('rejected')).toBeGreaterThanOrEqual(2);
    expect(ofPeriod.filter((b) => b.seriesId?.startsWith('demo-rp-') && b.status === 'cancelled').length).toBeGreaterThanOrEqual(5);
    const approvedRooms = ofPeriod.filter((b) => b.status === 'approved' && rooms.get(b.venueId)?.type === 'meeting_room').length;
    expect(approvedRooms).toBe(1149);
    expect(ofPeriod.filter((b) => rooms.get(b.venueId)?.type === 'meeting_room').length).toBeGreaterThan(1149);
    // The day before and the day after: a meeting on each, and an exhibition set up on 8/31 that runs into the period.
    const wider = await ws.call('venues.figures', { from: '2021-08-31', to: '2022-02-01' });
    expect({ venueSessions: wider.venueSessions, roomUses: wider.roomUses }).toEqual({ venueSessions: 206, roomUses: 1151 });
    // 除夕 (a holiday, on a supervisor's override) is the period's last day and counts.
    expect((await ws.call('venues.figures', { from: '2022-01-31', to: '2022-01-31' })).roomUses).toBe(1);
  }, 60_000);

  it('keeps the span rule: no two approved bookings of a venue overlap, set-up and tear-down included', () => {
    const approved = bookings()
      .filter((b) => b.status === 'approved')
      .sort((a, b) => (a.venueId < b.venueId ? -1 : a.venueId > b.venueId ? 1 : a.occupiedFrom < b.occupiedFrom ? -1 : 1));
    for (let i = 1; i < approved.length; i++) {
      const [a, b] = [approved[i - 1], approved[i]];
      if (a.venueId === b.venueId) expect(b.occupiedFrom >= a.occupiedTo, `${a.id} / ${b.id}`).toBe(true);
    }
  });

  it('spreads the period over both centres, every month and every weekday, so the charts look real', async () => {
    const cases = await ws.call('tickets.figures', seedPeriod);
    expect(Object.keys(cases.bySite).length).toBe(2);
    const venues = await ws.call('venues.figures', seedPeriod);
    expect(new Set(venues.rows.map((r) => r.siteId)).size).toBe(2);
    expect(new Set(venues.rows.map((r) => r.activityType)).size).toBeGreaterThanOrEqual(6);
    const months = (dates: string[]) => new Set(dates.map((d) => d.slice(0, 7)));
    const done = tickets().filter((t) => t.completedAt && inPeriod(t.completedAt) && ['completed', 'closed'].includes(t.status));
    expect(months(done.map((t) => taipeiDateOf(t.completedAt!))).size).toBe(5);
    const used = bookings().filter((b) => b.status === 'approved' && inPeriod(b.start));
    expect(months(used.map((b) => taipeiDateOf(b.start))).size).toBe(5);
    const weekdays = new Map<number, number>();
    for (const b of used) weekdays.set(weekdayOf(taipeiDateOf(b.start)), (weekdays.get(weekdayOf(taipeiDateOf(b.start))) ?? 0) + 1);
    for (const wd of [1, 2, 3, 4, 5]) expect(weekdays.get(wd) ?? 0, `weekday ${wd}`).toBeGreaterThan(100);
    expect(weekdays.get(3)!).toBeGreaterThan(weekdays.get(5)!);
  });
});
