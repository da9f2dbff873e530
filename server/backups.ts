/**
 * Backups of the embedded SQLite store, and restoring one. A backup is SQLite's online
 * backup (better-sqlite3's `backup()`) from a read-only connection of its own, copied in
 * one step: it holds one read snapshot (WAL), so workstations go on pushing meanwhile
 * and the copy is the database as it was at one commit. Files are
 * `<data>/backups/sync-server-<UTC time>.sqlite`, written under a temporary name and
 * renamed once checked. PostgreSQL is backed up with pg_dump (docs/server.md).
 *
 * A restored store is given a new database id: every workstation's cursor then names
 * other data, it pulls again from the start, and it first pushes again the writes the
 * restored store no longer has (electron/backend/sync/sync-client.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../domain/ids';
import { migrate } from './store/migrations';
import type { SqlDb } from './store/sql';
import { openSqlite, SQLITE_FILE } from './store/sqlite';

export const BACKUPS_FOLDER = 'backups';
/** The most pages better-sqlite3 copies in one step. */
const ALL_PAGES = 0x7fffffff;
export const REPLACED_FOLDER = 'replaced';
/** While a server runs on a data folder, this file in it holds its process id. */
export const PID_FILE = 'sync-server.pid';

const NAME = /^sync-server-(\d{8}T\d{6}Z)(?:-\d+)?\.sqlite$/;

export interface BackupFile {
  name: string;
  file: string;
  /** When it was taken (from its name: the file's time may change when it is copied). */
  at: Date;
  bytes: number;
}

export interface Retention {
  /** Keep this many of the newest (at least 1). */
  keep: number;
  /** Besides, remove those older than this many days (0: no limit by age); the newest is always kept. */
  keepDays: number;
}

export const DEFAULT_RETENTION: Retention = { keep: 14, keepDays: 0 };

export const backupsDirOf = (dataDir: string) => path.join(dataDir, BACKUPS_FOLDER);

const stampOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function timeOf(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

/** The backups in a folder, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const file = path.join(dir, name);
      return [{ name, file, at: timeOf(m[1]), bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
}

/** The newest backup in a folder; pg_dump files named like ours (sync-server-….dump) count too. */
export function newestBackup(dir: string): { name: string; at: Date } | undefined {
  if (!fs.existsSync(dir)) return undefined;
  let newest: { name: string; at: Date } | undefined;
  for (const name of fs.readdirSync(dir)) {
    const m = /^sync-server-(\d{8}T\d{6}Z)(?:-\d+)?\.(sqlite|dump)$/.exec(name);
    if (!m) continue;
    const at = timeOf(m[1]);
    if (!newest || at > newest.at) newest = { name, at };
  }
  return newest;
}

/** Removes the backups the retention no longer keeps; returns their names. */
export function applyRetention(dir: string, retention: Retention, now: Date): string[] {
  const keep = Math.max(1, retention.keep);
  const removed: string[] = [];
  listBackups(dir).forEach((b, i) => {
    const tooOld = retention.keepDays > 0 && now.getTime() - b.at.getTime() > retention.keepDays * 86_400_000;
    if (i === 0 || (i < keep && !tooOld)) return;
    fs.rmSync(b.file, { force: true });
    removed.push(b.name);
  });
  return removed;
}

/** Whether a file is a sync server store: SQLite, intact, with our tables and a database id. */
export function checkStore(file: string): { ok: true; databaseId: string } | { ok: false; reason: string } {
  if (!fs.existsSync(file)) return { ok: false, reason: `there is no file ${file}` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, reason: `the file is damaged (${String(check)})` };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = ['server_info', 'server_migration', 'record', 'counter', 'client', 'mutation_result'].filter((t) => !tables.has(t));
    if (missing.length > 0) return { ok: false, reason: `it is not a sync server store (no table ${missing.join(', ')})` };
    const row = db.prepare("SELECT value FROM server_info WHERE key = 'databaseId'").get() as { value: string } | undefined;
    if (!row) return { ok: false, reason: 'it is not a sync server store (no database id)' };
    return { ok: true, databaseId: row.value };
  } catch (e) {
    return { ok: false, reason: `it is not an SQLite database (${(e as Error).message})` };
  } finally {
    db?.close();
  }
}

/**
 * Takes a backup of the store in `dataDir` now, then applies the retention. Safe while
 * a server writes to it (in this process or another).
 */
export async function takeBackup(dataDir: string, retention: Retention = DEFAULT_RETENTION, now: Date = new Date()): Promise<BackupFile> {
  const source = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(source)) throw new Error(`There is no sync server database in ${dataDir}.`);
  const dir = backupsDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  let name = `sync-server-${stampOf(now)}.sqlite`;
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = `sync-server-${stampOf(now)}-${i}.sqlite`;
  const file = path.join(dir, name);
  const part = `${file}.part`;
  fs.rmSync(part, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Every remaining page in one step, one snapshot: a stepwise copy starts over at each commit of another connection.
    await db.backup(part, { progress: () => ALL_PAGES });
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  } finally {
    db.close();
  }
  const checked = checkStore(part);
  if (!checked.ok) {
    fs.rmSync(part, { force: true });
    throw new Error(`The backup failed its check: ${checked.reason}.`);
  }
  fs.renameSync(part, file);
  applyRetention(dir, retention, now);
  return { name, file, at: timeOf(stampOf(now)), bytes: fs.statSync(file).size };
}

export interface BackupSchedule {
  stop(): void;
}

/**
 * A backup every `everyHours`, the first as soon as the newest one is that old (at once
 * for a store that has none). `onDone` hears of each, `onError` of a failure (the next
 * is tried at the next interval).
 */
export function scheduleBackups(dataDir: string, opts: { everyHours: number; retention: Retention; now?: () => Date; onDone?: (b: BackupFile) => void; onError?: (e: Error) => void }): BackupSchedule {
  const now = opts.now ?? (() => new Date());
  const every = opts.everyHours * 3600_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      opts.onDone?.(await takeBackup(dataDir, opts.retention, now()));
    } catch (e) {
      opts.onError?.(e as Error);
    }
    next(every);
  };
  const next = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    timer.unref();
  };
  const newest = newestBackup(backupsDirOf(dataDir));
  next(newest ? newest.at.getTime() + every - now().getTime() : 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Gives a store a new database id, after it was restored: workstations' cursors then name other data. */
export async function markRestored(db: SqlDb): Promise<string> {
  const id = newId();
  await db.write((c) => c.run("UPDATE server_info SET value = ? WHERE key = 'databaseId'", [id]));
  return id;
}

export class RestoreError extends Error {}

function runningServer(dataDir: string): number | null {
  const pidFile = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Replaces the store in `dataDir` with the backup `file`. The server must be stopped. The
 * backup is checked and migrated on a copy first; the replaced database is moved to
 * `<data>/replaced/`. Returns where the old one went and the restored store's new id.
 */
export async function restoreBackup(dataDir: string, file: string, now: Date = new Date()): Promise<{ replaced: string | null; databaseId: string }> {
  const pid = runningServer(dataDir);
  if (pid !== null) throw new RestoreError(`A sync server (process ${pid}) is running on ${dataDir}: stop it first (systemctl stop ga-desk-server).`);
  const checked = checkStore(file);
  if (!checked.ok) throw new RestoreError(`${file} cannot be restored: ${checked.reason}.`);

  const work = path.join(dataDir, `restoring-${stampOf(now)}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  let databaseId: string;
  try {
    fs.copyFileSync(file, path.join(work, SQLITE_FILE));
    const db = openSqlite(work);
    try {
      await migrate(db); // a store of a newer server is refused here, before anything is replaced
      databaseId = await markRestored(db);
    } finally {
      await db.close();
    }
  } catch (e) {
    fs.rmSync(work, { recursive: true, force: true });
    throw e instanceof RestoreError ? e : new RestoreError(`${file} cannot be restored: ${(e as Error).message}`);
  }

  const live = path.join(dataDir, SQLITE_FILE);
  let replaced: string | null = null;
  if (fs.existsSync(live)) {
    // Fold the write-ahead log in, so the file set aside is whole on its own.
    const old = new Database(live);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const aside = path.join(dataDir, REPLACED_FOLDER);
    fs.mkdirSync(aside, { recursive: true });
    replaced = path.join(aside, `sync-server-${stampOf(now)}.sqlite`);
    fs.renameSync(live, replaced);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
  fs.renameSync(path.join(work, SQLITE_FILE), live);
  fs.rmSync(work, { recursive: true, force: true });
  return { replaced, databaseId };
}
