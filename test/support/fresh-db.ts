/** A real, empty workstation database in a temporary folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../db/open';

export function tempDir(prefix = 'ga-desk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function freshDb(): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'workstation.sqlite');
  return { db: openDb(file), file, dir };
}
