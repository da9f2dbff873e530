/**
 * Backups of the SQLite store and restoring one, as the administrator runs them:
 * `npm run server -- backup`, `restore FILE`, the retention, and what restore refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRetention, backupsDirOf, listBackups, PID_FILE, restoreBackup, scheduleBackups, takeBackup, type BackupFile } from './backups';
import { databaseId } from './store/sync-data';
import { openSqlite, SQLITE_FILE } from './store/sqlite';
import { tempDir } from '../test/support/fresh-db';
import { site, spawnServer, startHarness } from '../test/support/server-harness';

async function storeWithSite(): Promise<{ dir: string; dbId: string }> {
  const dir = tempDir('ga-backup-');
  const db = openSqlite(dir);
  const h = await startHarness(db);
  const ws = await h.workstation();
  await ws.push([ws.outbox('site.create', site('s1', 'SW'))]);
  const dbId = await db.read(databaseId);
  await h.app.close();
  await db.close();
  return { dir, dbId };
}

describe('server backups', () => {
  it('a backup is a whole store with a timestamped name; restoring it keeps the replaced file aside and gives a new database id', async () => {
    const { dir, dbId } = await storeWithSite();
    const b = await takeBackup(dir, { keep: 5, keepDays: 0 }, new Date('2026-12-07T03:00:00Z'));
    expect(b.name).toBe('sync-server-20261207T030000Z.sqlite');
    expect(path.dirname(b.file)).toBe(backupsDirOf(dir));

    const restored = await restoreBackup(dir, b.file, new Date('2026-12-08T01:00:00Z'));
    expect(restored.replaced).toBe(path.join(dir, 'replaced', 'sync-server-20261208T010000Z.sqlite'));
    expect(fs.existsSync(restored.replaced!)).toBe(true);
    const db = openSqlite(dir);
    try {
      const [id, s1] = await db.read(async (c) => [await databaseId(c), await c.all("SELECT id FROM record WHERE kind = 'site'")]);
      expect(id).toBe(restored.databaseId);
      expect(id).not.toBe(dbId);
      expect(s1).toEqual([{ id: 's1' }]);
    } finally {
      await db.close();
    }
  });

  it('keeps the newest N, and drops those older than the days given (never the newest)', async () => {
    const { dir } = await storeWithSite();
    for (const day of ['01', '02', '03', '04', '05']) await takeBackup(dir, { keep: 100, keepDays: 0 }, new Date(`2026-12-${day}T02:00:00Z`));
    const folder = backupsDirOf(dir);
    expect(applyRetention(folder, { keep: 3, keepDays: 0 }, new Date('2026-12-05T03:00:00Z'))).toHaveLength(2);
    expect(listBackups(folder).map((b) => b.name.slice(12, 20))).toEqual(['20261205', '20261204', '20261203']);
    expect(applyRetention(folder, { keep: 3, keepDays: 1.5 }, new Date('2026-12-05T03:00:00Z'))).toEqual(['sync-server-20261203T020000Z.sqlite']);
    expect(applyRetention(folder, { keep: 3, keepDays: 1 }, new Date('2027-01-30T00:00:00Z'))).toHaveLength(1);
    expect(listBackups(folder).map((b) => b.name)).toEqual(['sync-server-20261205T020000Z.sqlite']);
  });

  it('restore refuses a file that is not a store of ours, and a data folder a server runs on; nothing is replaced', async () => {
    const { dir } = await storeWithSite();
    const before = fs.readFileSync(path.join(dir, SQLITE_FILE));
    const junk = path.join(tempDir('ga-junk-'), 'notes.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text that is long enough to look like a file');
    await expect(restoreBackup(dir, junk)).rejects.toThrow(/cannot be restored: it is not an SQLite database|cannot be restored: the file is damaged/);
    await expect(restoreBackup(dir, path.join(dir, 'missing.sqlite'))).rejects.toThrow(/there is no file/);

    const b = await takeBackup(dir);
    fs.writeFileSync(path.join(dir, PID_FILE), String(process.pid));
    await expect(restoreBackup(dir, b.file)).rejects.toThrow(/is running on .*stop it first/);
    expect(fs.readFileSync(path.join(dir, SQLITE_FILE)).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'replaced'))).toBe(false);
  });

  it('the schedule takes one at once when there is none, then waits for the interval from the newest', async () => {
    const { dir } = await storeWithSite();
    const taken: BackupFile[] = [];
    const first = await new Promise<BackupFile>((resolve, reject) => {
      const s = scheduleBackups(dir, { everyHours: 24, retention: { keep: 3, keepDays: 0 }, onDone: (b) => (s.stop(), resolve(b)), onError: reject });
    });
    expect(listBackups(backupsDirOf(dir)).map((b) => b.name)).toEqual([first.name]);
    // Restarted soon after: the newest is fresh, so nothing is taken now.
    const again = scheduleBackups(dir, { everyHours: 24, retention: { keep: 3, keepDays: 0 }, onDone: (b) => taken.push(b) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    again.stop();
    expect(taken).toEqual([]);
  });

  it('npm run server -- backup, then restore FILE, as an administrator types them', async () => {
    const { dir } = await storeWithSite();
    const backup = spawnServer(['--data', dir, 'backup']);
    expect(await backup.exited).toBe(0);
    const file = /Backup written: (\S+\.sqlite)/.exec(backup.output())?.[1];
    expect(file && fs.existsSync(file)).toBe(true);

    const restore = spawnServer(['--data', dir, 'restore', file!]);
    expect(await restore.exited).toBe(0);
    expect(restore.output()).toMatch(/Restored .* The replaced database is kept at .*replaced/);

    const wrong = spawnServer(['--data', dir, 'restore', path.join(dir, 'nope.sqlite')]);
    expect(await wrong.exited).toBe(1);
    expect(wrong.errors()).toContain('there is no file');
  }, 60_000);
});
