/**
 * openDb refuses a database whose migration history is not this app's (a tampered or a
 * newer one) and leaves the file byte for byte as it was; otherwise the database runs in
 * WAL mode with foreign keys enforced.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, tempDir } from '../test/support/fresh-db';
import { DatabaseMismatchError, openDb } from './open';

function fingerprint(file: string): Record<string, string> {
  return Object.fromEntries(
    ['', '-wal', '-shm'].map((suffix) => [
      suffix || 'db',
      fs.existsSync(file + suffix)
        ? crypto
            .createHash('sha256')
            .update(fs.readFileSync(file + suffix))
            .digest('hex')
        : 'absent',
    ]),
  );
}

/**
 * A database made by openDb, with some data, then changed by `tamper`. "crashed" copies
 * the file and its WAL while the writer still has them open, as after a crash of the app:
 * the tampering then sits in the -wal file, not yet in the database file.
 */
function preparedDatabase(state: 'closed' | 'crashed', tamper: (client: Database.Database) => void): string {
  const { db, file } = freshDb();
  db.$client.pragma('wal_autocheckpoint = 0');
  db.$client.prepare("INSERT INTO site (id, code, name_zh, created_at, updated_at) VALUES ('s1', 'SW', '四維行政中心', 'x', 'x')").run();
  const changed = db.$client.transaction(() => tamper(db.$client));
  changed();
  if (state === 'closed') {
    db.$client.close();
    return file;
  }
  const copy = path.join(tempDir(), 'workstation.sqlite');
  fs.copyFileSync(file, copy);
  fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  db.$client.close();
  return copy;
}

function refusal(file: string): unknown {
  try {
    openDb(file).$client.close();
  } catch (e) {
    return e;
  }
  return null;
}

describe('openDb refuses a database that is not from this app version', () => {
  for (const state of ['closed', 'crashed'] as const) {
    it(`a changed migration history (${state}) is refused and the file is left as it was`, () => {
      const file = preparedDatabase(state, (c) =>
        expect(c.prepare("UPDATE __drizzle_migrations SET hash = 'not-our-hash' WHERE created_at = (SELECT min(created_at) FROM __drizzle_migrations)").run().changes).toBe(1),
      );
      if (state === 'crashed') expect(fs.existsSync(`${file}-wal`)).toBe(true);
      const before = fingerprint(file);
      const e = refusal(file);
      expect(e).toBeInstanceOf(DatabaseMismatchError);
      expect((e as Error).message).toBe(`${file}: applied migration #1 does not match this app's migration files; the database was left untouched.`);
      expect(fingerprint(file)).toEqual(before);
    });

    it(`a database upgraded by a newer app (${state}) is refused and the file is left as it was`, () => {
      const file = preparedDatabase(state, (c) => c.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', 4102444800000)").run());
      const before = fingerprint(file);
      const e = refusal(file);
      expect(e).toBeInstanceOf(DatabaseMismatchError);
      expect((e as Error).message).toMatch(/was upgraded by a newer version of the app \(\d+ migrations applied, this version knows \d+\); install the newer version\. The file was left untouched\.$/);
      expect(fingerprint(file)).toEqual(before);
    });
  }

  it('a SQLite file of some other program is refused and left as it was', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
    other.close();
    const before = fingerprint(file);
    expect(refusal(file)).toBeInstanceOf(DatabaseMismatchError);
    expect(fingerprint(file)).toEqual(before);
  });

  it('the same database opens again once it matches', () => {
    const file = preparedDatabase('closed', () => undefined);
    const db = openDb(file);
    expect(db.$client.prepare('SELECT name_zh AS name FROM site').all()).toEqual([{ name: '四維行政中心' }]);
    db.$client.close();
  });
});

describe('openDb settings', () => {
  it('runs in WAL mode with synchronous NORMAL and foreign keys enforced', () => {
    const { db, file } = freshDb();
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.$client.prepare("INSERT INTO building (id, site_id, code, name_zh, created_at, updated_at) VALUES ('b1', 'no-such-site', 'M', '行政大樓', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.$client.prepare("INSERT INTO site (id, code, name_zh, created_at, updated_at) VALUES ('s1', 'SW', '四維行政中心', 'x', 'x')").run();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    db.$client.close();
  });
});
