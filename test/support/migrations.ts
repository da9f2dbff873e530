/** A workstation database as an older release left it: the migrations before one, for upgrade tests. */
import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../../db/open';
import { tempDir } from './fresh-db';

/** A migrations folder holding every migration before the one tagged `tag`. */
export function migrationsBefore(tag: string): string {
  const real = migrationsFolder();
  const folder = path.join(tempDir('ga-desk-migrations-'), 'migrations');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(real, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  for (const e of entries) fs.copyFileSync(path.join(real, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}
