/**
 * Opens the workstation database: refuses a file whose applied migrations don't match
 * this app's (leaving it untouched), then applies pending migrations, WAL and foreign keys.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { registerSearchFunctions } from './search';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export class DatabaseMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseMismatchError';
  }
}

/** Where the committed migrations are: beside this file in the source tree, or copied beside the bundle. */
export function migrationsFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'migrations'), path.join(here, '..', 'db', 'migrations'), path.join(here, '..', '..', 'db', 'migrations')]) {
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
  }
  throw new Error(`migrations not found near ${here}`);
}

/**
 * Compares what the file says was applied with the app's migration files. A database
 * from a newer app, or one whose history differs, is refused before anything is written.
 */
export function checkMigrations(file: string, folder = migrationsFolder()): { applied: number; pending: number } {
  if (!fs.existsSync(file)) return { applied: 0, pending: readMigrationFiles({ migrationsFolder: folder }).length };
  const known = readMigrationFiles({ migrationsFolder: folder });
  const absent = ['-wal', '-shm'].map((suffix) => file + suffix).filter((f) => !fs.existsSync(f));
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = probe.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
    if (!hasTable) {
      const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number };
      if (tables.n > 0) throw new DatabaseMismatchError(`${file} is not a database of this app (it has tables but no migration history); it was left untouched.`);
      return { applied: 0, pending: known.length };
    }
    const applied = probe.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at').all() as { hash: string; createdAt: number }[];
    if (applied.length > known.length) {
      throw new DatabaseMismatchError(
        `${file} was upgraded by a newer version of the app (${applied.length} migrations applied, this version knows ${known.length}); install the newer version. The file was left untouched.`,
      );
    }
    applied.forEach((row, i) => {
      const mine = known[i];
      if (Number(row.createdAt) !== mine.folderMillis || row.hash !== mine.hash) {
        throw new DatabaseMismatchError(`${file}: applied migration #${i + 1} does not match this app's migration files; the database was left untouched.`);
      }
    });
    return { applied: applied.length, pending: known.length - applied.length };
  } finally {
    probe.close();
    // Even a read-only look at a WAL database leaves an empty -wal and a -shm behind: a
    // refused file must stay exactly as it was, so remove what the probe itself created.
    for (const f of absent) if (fs.existsSync(f) && (f.endsWith('-shm') || fs.statSync(f).size === 0)) fs.rmSync(f, { force: true });
  }
}

export interface OpenOptions {
  migrationsFolder?: string;
  readonly?: boolean;
}

export function openDb(file: string, opts: OpenOptions = {}): Db {
  const folder = opts.migrationsFolder ?? migrationsFolder();
  checkMigrations(file, folder);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  // NORMAL with WAL survives an app crash; only the last moment before a power cut can be lost.
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  // The search index's triggers call these (see search.ts): before any migration writes a row.
  registerSearchFunctions(client);
  const db = drizzle(client, { schema }) as Db;
  migrate(db, { migrationsFolder: folder });
  return db;
}

/**
 * Opens a workstation's database for reading only (the report command): nothing is
 * migrated or written; a missing file, or one that needs migrations this app would apply,
 * is refused with a message naming it.
 */
export function openDbReadOnly(file: string, opts: OpenOptions = {}): Db {
  if (!fs.existsSync(file)) throw new DatabaseMismatchError(`${file} does not exist: no workstation data in this folder.`);
  const { pending } = checkMigrations(file, opts.migrationsFolder ?? migrationsFolder());
  if (pending > 0) throw new DatabaseMismatchError(`${file} was made by an older version of the app (${pending} migrations to apply); open it once in the app first.`);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  client.pragma('busy_timeout = 5000');
  return drizzle(client, { schema }) as Db;
}
