import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../domain/api';
import type { Entities, Kind } from '../../../domain/entities';
import { KINDS } from '../../../domain/entities';
import { ROLES } from '../../../domain/roles';
import { addDays, startOfTaipeiDay, taipeiDateOf, todayInTaipei, weekdayOf } from '../../../domain/dates';
import { OPEN_STATUSES } from '../../../domain/maintenance/tickets';
import { DEFAULT_SORT } from '../../../domain/maintenance/tickets-query';
import { parsePrintedNumber } from '../../../domain/numbering';
import { isWorkingDay } from '../../../domain/working-days';
import { tempDir } from '../../../test/support/fresh-db';
import { signInAs } from '../../../test/support/sign-in';
import { Workstation } from '../workstation';
import { DEMO_USERS } from './people';

const open: Workstation[] = [];
function freshWorkstation(dataDir = tempDir()): Workstation {
  const ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  return ws;
}
afterEach(() => {
  while (open.length) open.pop()!.close();
});

function list<K extends Kind>(ws: Workstation, kind: K): Entities[K][] {
  return ws.runner.records.findSync(kind, {});
}

function count(ws: Workstation, table: string): number {
  return (ws.db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

describe('demo data', () => {
  it('a fresh workstation offers the demo and loads it', async () => {
    const ws = freshWorkstation();
    expect((await ws.call('app.info', {})).offerDemo).toBe(true);
    const events: ApiEvent[] = [];
    ws.onEvent((e) => events.push(e));
    const r = await ws.call('demo.load', {});
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.records).toBeGreaterThan(150);
    expect((await ws.call('app.info', {})).offerDemo).toBe(false);
    const changed = events.find((e) => e.type === 'changed');
    expect(changed?.type === 'changed' && changed.kinds).toEqual(expect.arrayContaining(['site', 'building', 'floor', 'space', 'agency', 'person', 'user', 'calendarDay']));
    expect(events.some((e) => e.type === 'session' && e.session.hasUsers)).toBe(true);
  });

  it('holds the two centers, their buildings and venues, the dormitories and 30+ agencies with offices', async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    const sites = list(ws, 'site');
    expect(sites.map((s) => s.nameZh)).toEqual(expect.arrayContaining(['四維行政中心', '鳳山行政中心']));
    const fengshan = sites.find((s) => s.nameZh === '鳳山行政中心')!;
    expect(
      list(ws, 'building')
        .filter((b) => b.siteId === fengshan.id)
        .map((b) => b.nameZh),
    ).toEqual(expect.arrayContaining(['前棟', '後棟']));

    const spaces = list(ws, 'space');
    expect(spaces.find((s) => s.nameZh === '大禮堂')).toMatchObject({ kind: 'auditorium', capacity: 800 });
    expect(spaces.find((s) => s.nameZh === '中庭')).toMatchObject({ kind: 'atrium' });
    expect(spaces.find((s) => s.nameZh === '市府第一會議室')).toMatchObject({ kind: 'meeting_room' });
    expect(spaces.filter((s) => s.kind === 'meeting_room').length).toBeGreaterThanOrEqual(6);
    for (const kind of ['office', 'garage', 'parking', 'dormitory', 'outdoor'] as const) expect(spaces.some((s) => s.kind === kind)).toBe(true);
    expect(spaces.some((s) => s.nameZh.includes('花圃'))).toBe(true);

    const floorNames = list(ws, 'floor').map((f) => [f.name, f.level]);
    expect(floorNames).toEqual(
      expect.arrayContaining([
        ['B1', -1],
        ['B2', -2],
        ['10F', 10],
        ['RF', 100],
      ]),
    );

    const agencies = list(ws, 'agency');
    expect(agencies.length).toBeGreaterThanOrEqual(30);
    expect(agencies.map((a) => a.nameZh)).toEqual(
      expect.arrayContaining(['民政局', '財政局', '主計處', '勞工局', '人事處', '社會局', '衛生局', '環境保護局', '交通局', '青年局', '警察局', '工務局', '運動發展局', '市立圖書館']),
    );
    const offices = list(ws, 'agencyOffice');
    for (const a of agencies) expect(offices.some((o) => o.agencyId === a.id)).toBe(true);

    const people = list(ws, 'person');
    for (const kind of ['staff', 'technician', 'contractor', 'driver', 'guard'] as const) expect(people.some((p) => p.kind === kind)).toBe(true);
    expect(people.some((p) => p.kind === 'contractor' && p.company.includes('電梯'))).toBe(true);
  });

  it('has a user for every role who signs in with the password in the README', async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    expect(new Set(DEMO_USERS.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    const readme = fs.readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    for (const u of DEMO_USERS) {
      expect(readme).toMatch(new RegExp(`^\\| ${u.username} \\| ${u.roles.join(', ')} [^|]*\\| ${u.password} \\|$`, 'm'));
      const r = await ws.call('auth.login', { username: u.username, password: u.password });
      expect(r).toMatchObject({ ok: true, user: { username: u.username, roles: u.roles } });
    }
    expect(await ws.call('auth.login', { username: 'admin', password: 'demo-viewer' })).toMatchObject({ ok: false });
  });

  it('knows the 2022 holidays and the make-up Saturday', async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    const days = new Map(list(ws, 'calendarDay').map((d) => [d.date, d]));
    expect(isWorkingDay('2022-01-22', days)).toBe(true); // a Saturday
    for (const d of ['2022-01-31', '2022-02-01', '2022-02-04', '2022-02-28', '2022-04-04', '2022-04-05', '2022-06-03', '2022-09-09', '2022-10-10']) expect(isWorkingDay(d, days)).toBe(false);
    expect(isWorkingDay('2022-02-07', days)).toBe(true);
  });

  it('is written as ordinary mutations with outbox and audit entries', async () => {
    const ws = freshWorkstation();
    const r = await ws.call('demo.load', {});
    const outbox = ws.db.$client.prepare('SELECT mutation_id AS id, name, user_id AS userId FROM outbox ORDER BY seq').all() as { id: number; name: string; userId: string }[];
    expect(outbox.map((o) => o.id)).toEqual(outbox.map((_, i) => i + 1));
    expect(new Set(outbox.map((o) => o.userId))).toEqual(new Set(['system']));
    expect(outbox.filter((o) => o.name === 'user.create')).toHaveLength(DEMO_USERS.length);
    expect(count(ws, 'audit')).toBe(r.ok && r.records);
  });

  it('two workstations that load the demo make the very same ids', async () => {
    const a = freshWorkstation();
    const b = freshWorkstation();
    await a.call('demo.load', {});
    await b.call('demo.load', {});
    expect(a.info().clientId).not.toBe(b.info().clientId);
    for (const kind of KINDS) {
      const ids = (ws: Workstation) =>
        list(ws, kind)
          .map((r) => r.id)
          .sort();
      expect(ids(a).length, kind).toBeGreaterThan(0);
      expect(ids(b), kind).toEqual(ids(a));
    }
  });

  it("shows life on the desks' first screens: this week's bookings, open tickets and rounds due this week", async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    await signInAs(ws, ['venue_clerk', 'maintenance_clerk']);
    const today = todayInTaipei();
    // A week as the calendar shows it, Sunday to Saturday.
    const sunday = addDays(today, -weekdayOf(today));
    const week = (n: number) => ({ from: startOfTaipeiDay(addDays(sunday, 7 * n)), to: startOfTaipeiDay(addDays(sunday, 7 * n + 7)) });

    // The venue calendar's current week, and the next: approved and pending, some competing.
    for (const n of [0, 1]) {
      const bookings = await ws.call('venues.bookings', week(n));
      expect(bookings.length, `week ${n}`).toBeGreaterThanOrEqual(4);
      expect(new Set(bookings.map((b) => b.status))).toEqual(new Set(['approved', 'pending']));
    }
    const competing = await ws.call('venues.competing', {});
    expect(competing.filter((g) => g.bookings.every((b) => b.start >= week(0).from)).length).toBeGreaterThanOrEqual(2);

    // The maintenance desk's open tickets.
    const open = await ws.call('tickets.page', { filter: { statuses: [...OPEN_STATUSES] }, sort: DEFAULT_SORT, offset: 0, limit: 100 });
    expect(open.total).toBeGreaterThanOrEqual(5);
    expect(new Set(open.rows.map((t) => t.status))).toEqual(new Set(OPEN_STATUSES));

    // Rounds due this week still to do, last week's overdue, those of the weeks before done.
    const rounds = list(ws, 'inspectionRound');
    const due = (from: number, to: number) => rounds.filter((r) => r.dueOn >= addDays(sunday, from) && r.dueOn < addDays(sunday, to));
    expect(due(0, 7).length).toBeGreaterThan(0);
    expect(due(0, 7).every((r) => r.status === 'open')).toBe(true);
    expect(due(-7, 0).length).toBeGreaterThan(0);
    expect(due(-7, 0).every((r) => r.status === 'open')).toBe(true);
    expect(rounds.filter((r) => r.dueOn > '2022-12-31' && r.dueOn < addDays(sunday, -7)).every((r) => r.status === 'done')).toBe(true);
  });

  it("numbers the bookings and tickets from the workstation's own sequence, each in the year it was filed", async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    const leases = ws.db.$client.prepare('SELECT kind, year, from_n AS "from", next_n AS next FROM number_lease').all() as { kind: string; year: number; from: number; next: number }[];
    const series = new Map(list(ws, 'bookingSeries').map((r) => [r.id, r.number]));
    const occurrences = list(ws, 'booking').filter((b) => b.seriesId);
    expect(occurrences.length).toBeGreaterThan(0);
    for (const o of occurrences) expect(o.number, o.id).toBe(series.get(o.seriesId!));
    const numbered = [...list(ws, 'booking').filter((b) => !b.seriesId), ...list(ws, 'bookingSeries'), ...list(ws, 'ticket')];
    const numbers = numbered.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const r of numbered) {
      const n = parsePrintedNumber(r.number);
      expect(n, r.id).toMatchObject({ provisional: false });
      expect(
        leases.some((l) => l.kind === n!.kind && l.year === n!.year && l.from <= n!.n && n!.n < l.next),
        r.number,
      ).toBe(true);
    }
    // A history booking bears the number of the year it was filed in.
    expect(list(ws, 'booking').find((b) => b.id === 'demo-booking-sister-hachioji')?.number).toMatch(/^場-110-\d{5}$/);
    expect(list(ws, 'ticket').find((t) => t.id === 'demo-ticket-round-elevator-20211115')?.number).toMatch(/^維-110-\d{5}$/);
    // Every workstation that loads it gives the same numbers.
    const other = freshWorkstation();
    await other.call('demo.load', {});
    const byId = (w: Workstation) => Object.fromEntries([...list(w, 'booking'), ...list(w, 'ticket')].map((r) => [r.id, r.number]));
    expect(byId(other)).toEqual(byId(ws));
  });

  it('has two agency applications waiting, one of them with a plate that already holds a permit that day', async () => {
    const ws = freshWorkstation();
    expect(await ws.call('demo.load', {})).toMatchObject({ ok: true });
    await signInAs(ws, ['parking_clerk']);
    const waiting = await ws.call('parking.applications', { states: ['waiting'] });
    expect(waiting.map((a) => a.id).sort()).toEqual(['demo-application-1', 'demo-application-2']);
    const conflict = await ws.call('parking.approveApplication', { id: 'demo-application-2', count: 2 });
    expect(conflict).toMatchObject({ ok: false, problem: { code: 'parking.error.plateHeld' } });
    expect(await ws.call('parking.approveApplication', { id: 'demo-application-2', count: 1 })).toMatchObject({ ok: false });
    expect(await ws.call('parking.approveApplication', { id: 'demo-application-1', count: 4 })).toMatchObject({ ok: true });
  });

  it("shows this week's disaster lecture with the guests' parking permits approved for it", async () => {
    const ws = freshWorkstation();
    expect(await ws.call('demo.load', {})).toMatchObject({ ok: true });
    await signInAs(ws, ['venue_clerk']);
    const [application] = await ws.call('parking.applications', { venueBookingId: 'demo-booking-now-disaster-lecture' });
    expect(application).toMatchObject({ state: 'approved', countAsked: 3, approvedCount: 3 });
    const booking = ws.runner.records.getSync('booking', 'demo-booking-now-disaster-lecture')!;
    expect(application.validFrom).toBe(taipeiDateOf(booking.start));
  });

  it('is refused, changing nothing, once the workstation has any data', async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    const before = ['site', 'agency', 'app_user', 'outbox', 'audit', 'credential'].map((t) => count(ws, t));
    const again = await ws.call('demo.load', {});
    expect(again).toMatchObject({ ok: false, problem: { code: 'demo.notEmpty' }, message: '這個資料夾已經有資料，示範資料只能載入空白的資料夾' });
    expect(['site', 'agency', 'app_user', 'outbox', 'audit', 'credential'].map((t) => count(ws, t))).toEqual(before);

    const other = freshWorkstation();
    const admin = await other.call('auth.createFirstAdmin', { username: 'boss', displayName: '管理者', password: 'a-long-password' });
    expect(admin.ok).toBe(true);
    expect(await other.call('demo.load', {})).toMatchObject({ ok: false, problem: { code: 'demo.notEmpty' } });
    expect(count(other, 'site')).toBe(0);
  });

  it('npm run seed-demo fills a new data folder and refuses one with data', async () => {
    const dataDir = path.join(tempDir(), 'desk');
    const run = (dir: string) =>
      promisify(execFile)(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/seed-demo.ts', '--data-dir', dir]).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const first = await run(dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('demo records');
    const ws = freshWorkstation(dataDir);
    expect(list(ws, 'agency').length).toBeGreaterThanOrEqual(30);
    expect(await ws.call('auth.login', { username: 'admin', password: 'demo-admin' })).toMatchObject({ ok: true });
    ws.close();
    open.pop();

    const second = await run(dataDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already has data');
  }, 60_000); // two processes each loading the whole demo, the report period's records included
});

describe('the dispatch desk on the demo data', () => {
  it("shows the week's trips on the board, requests waiting from both sources with fits suggested, one loan under way and documents falling due", async () => {
    const ws = freshWorkstation();
    await ws.call('demo.load', {});
    await signInAs(ws, ['dispatcher']);
    const sunday = addDays(todayInTaipei(), -weekdayOf(todayInTaipei()));
    const board = await ws.call('vehicles.board', { from: startOfTaipeiDay(addDays(sunday, -7)), to: startOfTaipeiDay(addDays(sunday, 14)) });
    expect(board.vehicles.length).toBeGreaterThanOrEqual(7);
    expect(board.drivers.map((d) => d.name)).toEqual(expect.arrayContaining(['趙志成', '孫建民', '馬永福']));
    expect(board.trips.length).toBeGreaterThanOrEqual(10);
    expect(board.trips.filter((t) => t.isLoan && t.state === 'under_way')).toHaveLength(1);
    const waiting = await ws.call('vehicles.requests', { states: ['waiting'] });
    expect(new Set(waiting.map((r) => r.source))).toEqual(new Set(['online', 'paper']));
    const fits = await ws.call('vehicles.suggest', { requestId: waiting[0].id });
    expect(fits.length).toBeGreaterThan(0);
    expect(fits[0].reasons.length).toBeGreaterThan(0);
    const due = await ws.call('vehicles.documentsDue', { days: 30 });
    expect(due.map((d) => d.document)).toEqual(expect.arrayContaining(['insurance', 'driverLicence']));
    const file = await ws.call('vehicles.exportTrips', { from: board.trips[0].departAt, to: startOfTaipeiDay(addDays(sunday, 14)), format: 'xlsx' });
    expect(file).toMatchObject({ ok: true, fileName: expect.stringMatching(/^派車紀錄-\d{7}\.xlsx$/) });
  });
});
