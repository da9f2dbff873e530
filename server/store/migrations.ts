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
 * - record_span (3): the stretch of time each record of a kind declared in
 *   domain/spans.ts holds its resource (a booking its venue), written with the record.
 *   Its index answers "what overlaps"; the database refuses two exclusive spans of one
 *   resource that overlap: an exclusion constraint on PostgreSQL (btree_gist, part of
 *   PostgreSQL's contrib), triggers on SQLite.
 * - number_lease.request_id (4): the workstation's id for a block it wanted (protocol 3),
 *   unique per device, so a lease asked for again after a lost reply gets the same block.
 * - (5) no new table: repairs the site and building that tickets keep of their space,
 *   left stale by place moves made before a move carried them along.
 * - pruning (6): per client, the highest mutation id whose outcome was pruned
 *   (`pruned_mutation_id`, so pulls still report it processed) and the highest sequence
 *   number its device confirmed having pulled (`acked_seq`, so a refusal is pruned only
 *   once delivered); an index on mutation_result.seq for the pruning's range delete. The
 *   horizon itself is `server_info 'prunedThrough'` (server/prune.ts). A partial index on
 *   the refusals and renumberings, which a pull checks for unconfirmed ones.
 */
import { newId } from '../../domain/ids';
import type { Dialect, SqlConn, SqlDb } from './sql';
import { rebuildSpans, repairPlaceCopies, SPAN_GUARD } from './sync-data';

export interface Migration {
  id: number;
  name: string;
  /** Statements separated by `;`, or a list of statements (a trigger's body holds `;`). */
  sqlite: string | readonly string[];
  postgres: string | readonly string[];
  /** Data the new tables are filled from, after the statements. */
  backfill?: (c: SqlConn) => Promise<unknown>;
}

/** An exclusive span of the same resource overlapping NEW (the record itself left out); index record_span_resource answers it. */
const overlapsExclusive = `EXISTS (SELECT 1 FROM record_span s WHERE s.kind = NEW.kind AND s.field = NEW.field AND s.resource = NEW.resource
  AND s.start_at < NEW.end_at AND s.end_at > NEW.start_at AND s.exclusive = 1 AND s.id <> NEW.id)`;

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
  {
    id: 3,
    name: 'record spans',
    sqlite: [
      'CREATE TABLE record_span (kind TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, resource TEXT NOT NULL, start_at TEXT NOT NULL, end_at TEXT NOT NULL, exclusive INTEGER NOT NULL, PRIMARY KEY (kind, id, field))',
      'CREATE INDEX record_span_resource ON record_span (kind, field, resource, start_at, end_at)',
      `CREATE TRIGGER record_span_exclusive_insert BEFORE INSERT ON record_span WHEN NEW.exclusive = 1 AND ${overlapsExclusive}
       BEGIN SELECT RAISE(ABORT, '${SPAN_GUARD}'); END`,
      `CREATE TRIGGER record_span_exclusive_update BEFORE UPDATE ON record_span WHEN NEW.exclusive = 1 AND ${overlapsExclusive}
       BEGIN SELECT RAISE(ABORT, '${SPAN_GUARD}'); END`,
    ],
    postgres: [
      // In public, not in the schema of the first server to migrate: dropping that schema must not take the operator classes from the others.
      'CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public',
      `CREATE TABLE record_span (kind TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, resource TEXT NOT NULL, start_at TIMESTAMPTZ NOT NULL, end_at TIMESTAMPTZ NOT NULL, exclusive INTEGER NOT NULL, PRIMARY KEY (kind, id, field),
       CONSTRAINT ${SPAN_GUARD} EXCLUDE USING gist (kind WITH =, field WITH =, resource WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (exclusive = 1))`,
      'CREATE INDEX record_span_resource ON record_span (kind, field, resource, start_at, end_at)',
    ],
    backfill: rebuildSpans,
  },
  {
    id: 4,
    name: 'lease request ids',
    sqlite: `
      ALTER TABLE number_lease ADD COLUMN request_id TEXT;
      CREATE UNIQUE INDEX number_lease_request ON number_lease (device_id, request_id);
    `,
    postgres: `
      ALTER TABLE number_lease ADD COLUMN request_id TEXT;
      CREATE UNIQUE INDEX number_lease_request ON number_lease (device_id, request_id);
    `,
  },
  {
    id: 5,
    name: 'repair place copies',
    sqlite: [],
    postgres: [],
    backfill: repairPlaceCopies,
  },
  {
    id: 6,
    name: 'pruning',
    sqlite: `
      ALTER TABLE client ADD COLUMN pruned_mutation_id INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE client ADD COLUMN acked_seq INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX mutation_result_seq ON mutation_result (seq);
      CREATE INDEX mutation_result_notable ON mutation_result (client_id, seq) WHERE ok = 0 OR renumbered IS NOT NULL;
    `,
    postgres: `
      ALTER TABLE client ADD COLUMN pruned_mutation_id BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE client ADD COLUMN acked_seq BIGINT NOT NULL DEFAULT 0;
      CREATE INDEX mutation_result_seq ON mutation_result (seq);
      CREATE INDEX mutation_result_notable ON mutation_result (client_id, seq) WHERE ok = 0 OR renumbered IS NOT NULL;
    `,
  },
];

/** Rows every fresh database starts with, after migration 1. */
async function seed(c: SqlConn): Promise<void> {
  await c.run('INSERT INTO counter (name, value) VALUES (?, ?)', ['seq', 0]);
  // Cursors carry it, so a workstation that pulled from another database is told to start over.
  await c.run('INSERT INTO server_info (key, value) VALUES (?, ?)', ['databaseId', newId()]);
}

function statements(sql: string | readonly string[]): readonly string[] {
  if (typeof sql !== 'string') return sql;
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class MigrationError extends Error {}

/**
 * Brings the database up to date; several processes starting at once take turns (the
 * write lock). A database migrated by a newer server is refused with a clear message.
 * `through`: stop after that migration (tests make a database as an older server left it).
 */
export async function migrate(db: SqlDb, opts: { through?: number } = {}): Promise<void> {
  await db.write(async (c) => {
    await c.run('CREATE TABLE IF NOT EXISTS server_migration (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await c.all<{ id: unknown }>('SELECT id FROM server_migration')).map((r) => Number(r.id)));
    const known = new Set(MIGRATIONS.map((m) => m.id));
    const unknown = [...applied].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new MigrationError(`This database was set up by a newer sync server (migration ${unknown.join(', ')} is unknown here). Start that newer server version instead.`);
    }
    for (const m of MIGRATIONS) {
      if (applied.has(m.id) || m.id > (opts.through ?? Infinity)) continue;
      for (const s of statements(m[c.dialect as Dialect])) await c.run(s);
      if (m.id === 1) await seed(c);
      await m.backfill?.(c);
      await c.run('INSERT INTO server_migration (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, new Date().toISOString()]);
    }
  });
}
