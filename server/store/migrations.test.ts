import { expect, it } from 'vitest';
import { tempDir } from '../../test/support/fresh-db';
import { describeEachEngine } from '../../test/support/server-harness';
import { openSqlite } from './sqlite';
import { migrate, MIGRATIONS } from './migrations';
import type { SqlConn, SqlDb } from './sql';

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}
interface Index {
  name: string;
  columns: string[];
  unique: boolean;
}
type Shape = Record<string, { columns: Column[]; indexes: Index[] }>;

/**
 * JSON is TEXT in SQLite and jsonb in PostgreSQL; every integer is a 64-bit INTEGER in SQLite; bytes are BLOB or bytea;
 * record_span's instants are ISO TEXT in SQLite and timestamptz in PostgreSQL (its ranges need them).
 */
const TYPES: Record<string, string> = { text: 'text', jsonb: 'text', integer: 'integer', bigint: 'integer', blob: 'bytes', bytea: 'bytes', 'timestamp with time zone': 'text' };

async function sqliteShape(c: SqlConn): Promise<Shape> {
  const shape: Shape = {};
  const tables = await c.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  for (const { name } of tables) {
    const cols = await c.all<{ name: string; type: string; notnull: number; pk: number }>(`SELECT name, type, "notnull", pk FROM pragma_table_info('${name}') ORDER BY cid`);
    const idx = await c.all<{ name: string; unique: number; origin: string }>(`SELECT name, "unique", origin FROM pragma_index_list('${name}') WHERE origin = 'c' ORDER BY name`);
    shape[name] = {
      columns: cols.map((x) => ({ name: x.name, type: TYPES[x.type.toLowerCase()], notNull: x.notnull === 1 || x.pk > 0, primaryKey: x.pk > 0 })),
      indexes: await Promise.all(
        idx.map(async (i) => ({ name: i.name, unique: i.unique === 1, columns: (await c.all<{ name: string }>(`SELECT name FROM pragma_index_info('${i.name}') ORDER BY seqno`)).map((x) => x.name) })),
      ),
    };
  }
  return shape;
}

async function postgresShape(c: SqlConn): Promise<Shape> {
  const shape: Shape = {};
  const cols = await c.all<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    'SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
  );
  const pk = await c.all<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name FROM information_schema.table_constraints t
     JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
     WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = current_schema()`,
  );
  const isPk = new Set(pk.map((x) => `${x.table_name}.${x.column_name}`));
  for (const x of cols) {
    shape[x.table_name] ??= { columns: [], indexes: [] };
    shape[x.table_name].columns.push({ name: x.column_name, type: TYPES[x.data_type], notNull: x.is_nullable === 'NO', primaryKey: isPk.has(`${x.table_name}.${x.column_name}`) });
  }
  const idx = await c.all<{ tablename: string; indexname: string; indexdef: string }>(
    // An exclusion constraint's index has no SQLite counterpart (triggers do its work there): record-span.test.ts tests both.
    "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'x') ORDER BY indexname",
  );
  for (const i of idx) {
    // A partial index's predicate (WHERE …) is left out: the columns are compared.
    const columns = /\((.*)\)$/
      .exec(i.indexdef.replace(/ WHERE .*$/, ''))![1]
      .split(',')
      .map((s) => s.trim().replace(/"/g, ''));
    shape[i.tablename].indexes.push({ name: i.indexname, unique: i.indexdef.startsWith('CREATE UNIQUE'), columns });
  }
  return shape;
}

const shapeOf = (db: SqlDb) => db.read((c) => (c.dialect === 'sqlite' ? sqliteShape(c) : postgresShape(c)));

describeEachEngine('migrations', (open, engine) => {
  it('make the same tables, columns, types, keys and indexes as on SQLite', async () => {
    const db = await open();
    await migrate(db);
    const sqlite = openSqlite(tempDir('ga-sync-shape-'));
    await migrate(sqlite);
    const expected = await shapeOf(sqlite);
    await sqlite.close();
    expect(Object.keys(expected)).toContain('record');
    for (const table of Object.values(expected)) for (const col of table.columns) expect(col.type, col.name).toBeDefined();
    expect(await shapeOf(db), `${engine.name} differs from SQLite`).toEqual(expected);
  });

  it('runs once, also when started twice', async () => {
    const db = await open();
    await migrate(db);
    await migrate(db);
    const applied = await db.read((c) => c.all<{ id: unknown }>('SELECT id FROM server_migration'));
    expect(applied.map((r) => Number(r.id))).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('refuses a database set up by a newer server, saying so', async () => {
    const db = await open();
    await migrate(db);
    await db.write((c) => c.run("INSERT INTO server_migration (id, name, applied_at) VALUES (999, 'future', '2030-01-01')"));
    await expect(migrate(db)).rejects.toThrow(/newer sync server \(migration 999/);
  });
});
