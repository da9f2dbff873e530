/**
 * The server's tables, once per dialect. Append-only: a released migration is never
 * edited. migrations.test.ts keeps the two dialects in step (same tables, columns,
 * nullability, keys and indexes).
 *
 * - record: every synced record as JSON, by kind and id, with the change sequence number
 *   of the mutation that last wrote it; a deleted record stays as a tombstone (data NULL)
 *   so that pulls can tell workstations. Audit entries are records of kind 'audit'.
 * - counter 'seq': the change sequence, one number per processed mutation.
 * - client / mutation_result: per workstation client, the last mutation processed and
 *   each mutation's outcome (a refusal's problem travels down with pull).
 * - account / device / session: password verifiers and revocation, enrolled
 *   workstations, signed-in users. Only hashes of tokens are kept.
 * - number_sequence / number_lease / printed_number (2): per kind and year of printed
 *   number, the highest number handed out or seen; the blocks leased to workstations;
 *   every printed number in use (its primary key keeps them unique).
 * - attachment (2): files by SHA-256; the bytes in `content` on PostgreSQL (shared by
 *   every server process), in a folder beside the database file on SQLite.
 */
import { newId } from '../../domain/ids';
import type { Dialect, SqlConn, SqlDb } from './sql';

export interface Migration {
  id: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'sync core',
    sqlite: `
      CREATE TABLE server_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE record (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT, seq INTEGER NOT NULL, PRIMARY KEY (kind, id));
      CREATE INDEX record_seq ON record (seq);
      CREATE TABLE client (client_id TEXT PRIMARY KEY, device_id TEXT, last_mutation_id INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX client_device ON client (device_id);
      CREATE TABLE mutation_result (client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL, user_id TEXT NOT NULL, ok INTEGER NOT NULL, problem TEXT, processed_at TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id));
      CREATE INDEX mutation_result_client_seq ON mutation_result (client_id, seq);
      CREATE TABLE account (user_id TEXT PRIMARY KEY, verifier TEXT, revoked_at TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE device (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL, enrolled_by TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
      CREATE UNIQUE INDEX device_token ON device (token_hash);
      CREATE TABLE session (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
      CREATE INDEX session_by_user ON session (user_id);
    `,
    postgres: `
      CREATE TABLE server_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE counter (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
      CREATE TABLE record (kind TEXT NOT NULL, id TEXT NOT NULL, data JSONB, seq BIGINT NOT NULL, PRIMARY KEY (kind, id));
      CREATE INDEX record_seq ON record (seq);
      CREATE TABLE client (client_id TEXT PRIMARY KEY, device_id TEXT, last_mutation_id BIGINT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX client_device ON client (device_id);
      CREATE TABLE mutation_result (client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, seq BIGINT NOT NULL, name TEXT NOT NULL, user_id TEXT NOT NULL, ok INTEGER NOT NULL, problem JSONB, processed_at TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id));
      CREATE INDEX mutation_result_client_seq ON mutation_result (client_id, seq);
      CREATE TABLE account (user_id TEXT PRIMARY KEY, verifier TEXT, revoked_at TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE device (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL, enrolled_by TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
      CREATE UNIQUE INDEX device_token ON device (token_hash);
      CREATE TABLE session (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
      CREATE INDEX session_by_user ON session (user_id);
    `,
  },
  {
    id: 2,
    name: 'printed numbers and attachments',
    sqlite: `
      ALTER TABLE mutation_result ADD COLUMN renumbered TEXT;
      CREATE TABLE number_sequence (kind TEXT NOT NULL, year INTEGER NOT NULL, high INTEGER NOT NULL, PRIMARY KEY (kind, year));
      CREATE TABLE number_lease (id TEXT PRIMARY KEY, kind TEXT NOT NULL, year INTEGER NOT NULL, from_n INTEGER NOT NULL, to_n INTEGER NOT NULL, device_id TEXT NOT NULL, client_id TEXT NOT NULL, leased_at TEXT NOT NULL);
      CREATE INDEX number_lease_range ON number_lease (kind, year, from_n);
      CREATE TABLE printed_number (kind TEXT NOT NULL, number TEXT NOT NULL, record_id TEXT, client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, PRIMARY KEY (kind, number));
      CREATE TABLE attachment (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, created_at TEXT NOT NULL, content BLOB);
    `,
    postgres: `
      ALTER TABLE mutation_result ADD COLUMN renumbered JSONB;
      CREATE TABLE number_sequence (kind TEXT NOT NULL, year INTEGER NOT NULL, high BIGINT NOT NULL, PRIMARY KEY (kind, year));
      CREATE TABLE number_lease (id TEXT PRIMARY KEY, kind TEXT NOT NULL, year INTEGER NOT NULL, from_n BIGINT NOT NULL, to_n BIGINT NOT NULL, device_id TEXT NOT NULL, client_id TEXT NOT NULL, leased_at TEXT NOT NULL);
      CREATE INDEX number_lease_range ON number_lease (kind, year, from_n);
      CREATE TABLE printed_number (kind TEXT NOT NULL, number TEXT NOT NULL, record_id TEXT, client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL, PRIMARY KEY (kind, number));
      CREATE TABLE attachment (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, created_at TEXT NOT NULL, content BYTEA);
    `,
  },
];

/** Rows every fresh database starts with, after migration 1. */
async function seed(c: SqlConn): Promise<void> {
  await c.run('INSERT INTO counter (name, value) VALUES (?, ?)', ['seq', 0]);
  // Cursors carry it, so a workstation that pulled from another database is told to start over.
  await c.run('INSERT INTO server_info (key, value) VALUES (?, ?)', ['databaseId', newId()]);
}

function statements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class MigrationError extends Error {}

/**
 * Brings the database up to date; several processes starting at once take turns (the
 * write lock). A database migrated by a newer server is refused with a clear message.
 */
export async function migrate(db: SqlDb): Promise<void> {
  await db.write(async (c) => {
    await c.run('CREATE TABLE IF NOT EXISTS server_migration (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await c.all<{ id: unknown }>('SELECT id FROM server_migration')).map((r) => Number(r.id)));
    const known = new Set(MIGRATIONS.map((m) => m.id));
    const unknown = [...applied].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new MigrationError(`This database was set up by a newer sync server (migration ${unknown.join(', ')} is unknown here). Start that newer server version instead.`);
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.id)) continue;
      for (const s of statements(m[c.dialect as Dialect])) await c.run(s);
      if (m.id === 1) await seed(c);
      await c.run('INSERT INTO server_migration (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, new Date().toISOString()]);
    }
  });
}
