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

/** A copy of the migrations folder whose journal stops after the first entry. */
function firstMigrationOnly(): string {
  const real = migrationsFolder();
  const folder = path.join(tempDir('ga-desk-migrations-'), 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(real, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const first = journal.entries[0];
  fs.copyFileSync(path.join(real, `${first.tag}.sql`), path.join(folder, `${first.tag}.sql`));
  fs.copyFileSync(path.join(real, 'meta', '0000_snapshot.json'), path.join(folder, 'meta', '0000_snapshot.json'));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  return folder;
}

const AT = '2022-01-10T01:30:00.000Z';
const FLOORS = ['B2', 'B1', 'b1', 'B1M', '地下1樓', '1F', '1樓', '1F夾層', '3F', '3F-1', '10F', 'L2', 'RF', '屋頂', '夾層', 'x'];

/** What the first release wrote: places, agencies, people, users and its own bookkeeping. */
function fillFirstRelease(client: Database.Database): void {
  const insert = (table: string, row: Record<string, unknown>) =>
    client
      .prepare(
        `INSERT INTO "${table}" (${Object.keys(row)
          .map((k) => `"${k}"`)
          .join(', ')}) VALUES (${Object.keys(row)
          .map(() => '?')
          .join(', ')})`,
      )
      .run(...Object.values(row));
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
    migrate(drizzle(old), { migrationsFolder: firstMigrationOnly() });
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
