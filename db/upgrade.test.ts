/**
 * A workstation made by the first release of the app keeps every row when a newer app
 * opens it: the fixture is built with the first migration only, filled through plain
 * SQL as that release would have, then opened with today's migrations.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorLevelFromName } from '../domain/places';
import { tempDir } from '../test/support/fresh-db';
import { checkMigrations, migrationsFolder, openDb } from './open';
import { busyIndexes } from './queries/venues';
import { registerSearchFunctions } from './search';

/** A copy of the migrations folder whose journal stops after its first `count` entries (a database as an older release left it). */
function firstMigrations(count: number): string {
  const real = migrationsFolder();
  const folder = path.join(tempDir('ga-desk-migrations-'), 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(real, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const kept = journal.entries.slice(0, count);
  for (const entry of kept) {
    fs.copyFileSync(path.join(real, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    const snapshot = `${String(entry.idx).padStart(4, '0')}_snapshot.json`;
    fs.copyFileSync(path.join(real, 'meta', snapshot), path.join(folder, 'meta', snapshot));
  }
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return folder;
}

/** Inserts one row through plain SQL, as an older release would have written it. */
function insertRow(client: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  client.prepare(`INSERT INTO "${table}" (${columns.map((k) => `"${k}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
}

const AT = '2022-01-10T01:30:00.000Z';
const FLOORS = ['B2', 'B1', 'b1', 'B1M', '地下1樓', '1F', '1樓', '1F夾層', '3F', '3F-1', '10F', 'L2', 'RF', '屋頂', '夾層', 'x'];

/** What the first release wrote: places, agencies, people, users and its own bookkeeping. */
function fillFirstRelease(client: Database.Database): void {
  const insert = (table: string, row: Record<string, unknown>) => insertRow(client, table, row);
  const stamps = { created_at: AT, updated_at: AT };
  insert('site', { id: 'site-sw', code: 'SW', name_zh: '四維行政中心', name_en: 'Siwei Administrative Center', address: '高雄市苓雅區四維三路2號', archived: 0, ...stamps });
  insert('site', { id: 'site-fs', code: 'FS', name_zh: '鳳山行政中心', name_en: '', address: '', archived: 1, ...stamps });
  insert('building', { id: 'bldg-m', site_id: 'site-sw', code: 'M', name_zh: '行政大樓', name_en: 'Administration Building', archived: 0, ...stamps });
  insert('building', { id: 'bldg-f', site_id: 'site-fs', code: 'F', name_zh: '前棟', name_en: '', archived: 0, ...stamps });
  FLOORS.forEach((name, i) => insert('floor', { id: `floor-${i}`, building_id: i % 2 ? 'bldg-f' : 'bldg-m', name, archived: 0, ...stamps }));
  insert('space', { id: 'space-aud', floor_id: 'floor-3', code: 'AUD', name_zh: '大禮堂', name_en: 'Auditorium', kind: 'auditorium', capacity: 800, archived: 0, ...stamps });
  insert('space', { id: 'space-mr1', floor_id: 'floor-5', code: 'MR-201', name_zh: '市府第一會議室', name_en: '', kind: 'meeting_room', capacity: 120, archived: 0, ...stamps });
  insert('space', { id: 'space-p', floor_id: 'floor-1', code: '', name_zh: '地下停車場', name_en: '', kind: 'parking', capacity: null, archived: 0, ...stamps });
  insert('agency', { id: 'ag-cab', code: 'CAB', name_zh: '民政局', name_en: 'Civil Affairs Bureau', short_name: '民政', phone: '07-3368333', archived: 0, ...stamps });
  insert('agency', { id: 'ag-lab', code: 'LAB', name_zh: '勞工局', name_en: '', short_name: '', phone: '', archived: 0, ...stamps });
  insert('agency_office', { id: 'ag-cab:space-mr1', agency_id: 'ag-cab', space_id: 'space-mr1', ...stamps });
  insert('person', { id: 'p-1', name: '王建國', kind: 'staff', agency_id: 'ag-cab', company: '', title: '科員', phone_ext: '2111', phone: '', email: 'wang@example.org', archived: 0, ...stamps });
  insert('person', { id: 'p-2', name: '郭俊傑', kind: 'contractor', agency_id: null, company: '永昇電梯', title: '技師', phone_ext: '', phone: '0912-345-678', email: '', archived: 0, ...stamps });
  insert('app_user', { id: 'u-1', username: 'admin', display_name: '管理者', person_id: 'p-1', roles: '["admin","supervisor"]', archived: 0, ...stamps });
  insert('calendar_day', { id: '2022-01-31', date: '2022-01-31', kind: 'holiday', name: '農曆除夕', ...stamps });
  insert('credential', { user_id: 'u-1', verifier: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', updated_at: AT });
  insert('meta', { key: 'clientId', value: '0190f0c2-0000-7000-8000-000000000001' });
  insert('meta', { key: 'lastMutationId', value: '2' });
  insert('outbox', { client_id: '0190f0c2-0000-7000-8000-000000000001', mutation_id: 2, name: 'site.create', args: '{"id":"site-sw"}', user_id: 'u-1', at: AT, undo: '[]' });
  insert('audit', { id: 'c:2:0', at: AT, user_id: 'u-1', client_id: 'c', mutation_id: 2, mutation: 'site.create', kind: 'site', record_id: 'site-sw', op: 'create', changes: '{"code":[null,"SW"]}' });
}

function userTables(client: Database.Database): string[] {
  return (client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
}

/** Every row of the given tables (by default all of the first release's plain tables). */
function dump(client: Database.Database, tables: string[] = userTables(client)): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(tables.map((t) => [t, client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]));
}

describe('upgrading a database made by the first release', () => {
  it('keeps every row unchanged and gives floors their level from the name on the sign', () => {
    const file = path.join(tempDir(), 'workstation.sqlite');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: firstMigrations(1) });
    fillFirstRelease(old);
    expect(old.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: 1 });
    const before = dump(old);
    old.close();

    const known = readMigrationFiles({ migrationsFolder: migrationsFolder() }).length;
    expect(checkMigrations(file)).toEqual({ applied: 1, pending: known - 1 });
    const db = openDb(file);
    expect(checkMigrations(file)).toEqual({ applied: known, pending: 0 });
    // Later migrations add tables of their own (search indexes among them): compare the old ones.
    const after = dump(db.$client, Object.keys(before));

    for (const [table, rows] of Object.entries(before)) {
      expect(after[table], table).toHaveLength(rows.length);
      rows.forEach((row, i) => expect(after[table][i], `${table} row ${i + 1}`).toMatchObject(row));
    }
    const levels = Object.fromEntries((after.floor as { name: string; level: number }[]).map((f) => [f.name, f.level]));
    expect(levels).toEqual(Object.fromEntries(FLOORS.map((name) => [name, floorLevelFromName(name)])));
    expect(levels).toMatchObject({ B2: -2, B1: -1, '1F': 1, '3F': 3, RF: 100, 夾層: 50 });
    db.$client.close();
  });
});

describe('upgrading a database whose tickets were left behind by place moves', () => {
  it('gives each ticket the site and building its space hangs under now, and leaves the rest as they were', () => {
    const file = path.join(tempDir(), 'workstation.sqlite');
    const old = new Database(file);
    registerSearchFunctions(old);
    // Every migration before the repair: the releases whose building moves left tickets behind.
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const repair = journal.entries.findIndex((e) => e.tag === '0011_tickets_place_repair');
    expect(repair).toBeGreaterThan(0);
    migrate(drizzle(old), { migrationsFolder: firstMigrations(repair) });
    const stamps = { created_at: AT, updated_at: AT };
    insertRow(old, 'site', { id: 'site-sw', code: 'SW', name_zh: '四維行政中心', name_en: '', address: '', archived: 0, ...stamps });
    insertRow(old, 'site', { id: 'site-fs', code: 'FS', name_zh: '鳳山行政中心', name_en: '', address: '', archived: 0, ...stamps });
    // 後棟 was entered under 四維 by mistake and moved to 鳳山; its ticket kept 四維.
    insertRow(old, 'building', { id: 'bldg-back', site_id: 'site-fs', code: 'B', name_zh: '後棟', name_en: '', archived: 0, ...stamps });
    insertRow(old, 'building', { id: 'bldg-m', site_id: 'site-sw', code: 'M', name_zh: '行政大樓', name_en: '', archived: 0, ...stamps });
    insertRow(old, 'floor', { id: 'floor-b1', building_id: 'bldg-back', name: '1F', level: 1, archived: 0, ...stamps });
    insertRow(old, 'floor', { id: 'floor-m1', building_id: 'bldg-m', name: '1F', level: 1, archived: 0, ...stamps });
    insertRow(old, 'space', { id: 'sp-lobby', floor_id: 'floor-b1', code: 'L', name_zh: '大廳', name_en: '', kind: 'lobby', capacity: null, archived: 0, ...stamps });
    insertRow(old, 'space', { id: 'sp-hall', floor_id: 'floor-m1', code: 'H', name_zh: '走廊', name_en: '', kind: 'corridor', capacity: null, archived: 0, ...stamps });
    const ticket = (id: string, number: string, spaceId: string, siteId: string, buildingId: string) =>
      insertRow(old, 'ticket', {
        id,
        number,
        space_id: spaceId,
        site_id: siteId,
        building_id: buildingId,
        category: 'electrical',
        priority: 'normal',
        status: 'reported',
        subject: '燈不亮',
        source: 'phone',
        reported_at: AT,
        due_at: AT,
        attachments: '[]',
        ...stamps,
      });
    ticket('t-stale', '維-111-00001', 'sp-lobby', 'site-sw', 'bldg-back');
    ticket('t-right', '維-111-00002', 'sp-hall', 'site-sw', 'bldg-m');
    ticket('t-orphan', '維-111-00003', 'sp-gone', 'site-sw', 'bldg-m');
    old.close();

    const db = openDb(file);
    const rows = db.$client.prepare('SELECT id, site_id AS siteId, building_id AS buildingId, updated_at AS updatedAt FROM ticket ORDER BY id').all();
    expect(rows).toEqual([
      // A space missing from the tree gives nothing to repair from: left as it was.
      { id: 't-orphan', siteId: 'site-sw', buildingId: 'bldg-m', updatedAt: AT },
      { id: 't-right', siteId: 'site-sw', buildingId: 'bldg-m', updatedAt: AT },
      { id: 't-stale', siteId: 'site-fs', buildingId: 'bldg-back', updatedAt: AT },
    ]);
    db.$client.close();
  });
});

describe('upgrading a database with bookings made before long spans had their index', () => {
  it('finds an exhibition that began weeks before the window among the busy times, as before', () => {
    const file = path.join(tempDir(), 'workstation.sqlite');
    const old = new Database(file);
    registerSearchFunctions(old);
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const longSpans = journal.entries.findIndex((e) => e.tag === '0013_venues_long_spans');
    expect(longSpans).toBeGreaterThan(0);
    migrate(drizzle(old), { migrationsFolder: firstMigrations(longSpans) });
    const booking = (id: string, from: string, to: string) =>
      insertRow(old, 'booking', {
        id,
        number: id,
        venue_id: 'v-hall',
        contact_name: '',
        contact_phone: '',
        event_name: '',
        activity_type: 'exhibition',
        attendees: 1,
        equipment: '[]',
        attachments: '[]',
        start: from,
        end: to,
        occupied_from: from,
        occupied_to: to,
        status: 'approved',
        steps: '[]',
        created_at: AT,
        updated_at: AT,
      });
    booking('b-exhibition', '2022-02-01T00:00:00.000Z', '2022-04-01T00:00:00.000Z');
    booking('b-meeting', '2022-03-07T06:00:00.000Z', '2022-03-07T08:00:00.000Z');
    booking('b-long-ago', '2022-01-03T01:00:00.000Z', '2022-01-03T03:00:00.000Z');
    old.close();

    const db = openDb(file);
    const busy = busyIndexes(db, ['v-hall'], '2022-03-01T00:00:00.000Z', '2022-03-15T00:00:00.000Z').get('v-hall')!;
    expect(busy.isFree(Date.parse('2022-03-10T01:00:00.000Z'), Date.parse('2022-03-10T02:00:00.000Z'))).toBe(false);
    expect(busy.isFree(Date.parse('2022-03-10T01:00:00.000Z'), Date.parse('2022-03-10T02:00:00.000Z'), 'b-exhibition')).toBe(true);
    expect(busy.isFree(Date.parse('2022-03-07T07:00:00.000Z'), Date.parse('2022-03-07T07:30:00.000Z'), 'b-exhibition')).toBe(false);
    db.$client.close();
  });
});
