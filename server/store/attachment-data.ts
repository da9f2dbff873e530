/**
 * Attachments, content-addressed: a file is kept once under the SHA-256 of its bytes.
 * The `attachment` table says which files arrived (checked inside a push's transaction);
 * the bytes sit in it on PostgreSQL, so every server process serves them, and in a folder
 * beside the database file on SQLite (`<data>/attachments/ab/abcd…`), keeping the
 * database small. A file is written before its row, so a row always has its bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { one, type SqlConn, type SqlDb } from './sql';

function fileOf(dir: string, sha256: string): string {
  return path.join(dir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Writes the file whole or not at all: to a temporary name, flushed, then renamed. */
function writeFileDurably(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.part`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

async function known(c: SqlConn, sha256: string): Promise<boolean> {
  return (await one(c, 'SELECT 1 AS x FROM attachment WHERE sha256 = ?', [sha256])) !== undefined;
}

/**
 * Keeps a file whose hash the caller has checked. Returns false when it was there already;
 * `created_at` then moves to now: a workstation uploads again before pushing a change it
 * uploaded for long ago, and the file must outlive the orphan grace period from there.
 */
export async function storeAttachment(db: SqlDb, sha256: string, bytes: Buffer, at: string): Promise<boolean> {
  if (await db.read((c) => known(c, sha256))) {
    await db.write((c) => c.run('UPDATE attachment SET created_at = ? WHERE sha256 = ? AND created_at < ?', [at, sha256, at]));
    return false;
  }
  if (db.filesDir) writeFileDurably(fileOf(db.filesDir, sha256), bytes);
  const content = db.filesDir ? null : bytes;
  const inserted = await db.write((c) => c.run('INSERT INTO attachment (sha256, size, created_at, content) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [sha256, bytes.length, at, content]));
  return inserted > 0;
}

export async function readAttachment(db: SqlDb, sha256: string): Promise<Buffer | undefined> {
  const row = await db.read((c) => one<{ content: Uint8Array | null }>(c, 'SELECT content FROM attachment WHERE sha256 = ?', [sha256]));
  if (!row) return undefined;
  if (db.filesDir) return fs.promises.readFile(fileOf(db.filesDir, sha256));
  return row.content ? Buffer.from(row.content) : Buffer.alloc(0);
}

/** Which of these files have not arrived (for the push that refers to them). */
export async function missingAttachments(c: SqlConn, hashes: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const h of hashes) if (!(await known(c, h))) missing.push(h);
  return missing;
}

/** Files that arrived (or were uploaded again) before `before`: candidates for the orphan sweep. */
export async function attachmentsBefore(c: SqlConn, before: string): Promise<string[]> {
  return (await c.all<{ sha256: string }>('SELECT sha256 FROM attachment WHERE created_at < ? ORDER BY sha256', [before])).map((r) => r.sha256);
}

/** Forgets a file's row (inside the caller's write transaction); its bytes go with removeAttachmentFiles after the commit. */
export async function deleteAttachmentRow(c: SqlConn, sha256: string): Promise<boolean> {
  return (await c.run('DELETE FROM attachment WHERE sha256 = ?', [sha256])) > 0;
}

/**
 * SQLite: removes the bytes of files whose rows are gone, and in the same walk any file
 * of the folder that has no row and is older than `before` (a temporary `.part` left by a
 * crash, or bytes whose row was removed by a sweep that stopped before the file).
 */
export async function removeAttachmentFiles(db: SqlDb, removed: readonly string[], before: Date): Promise<number> {
  if (!db.filesDir) return 0;
  let count = 0;
  for (const sha256 of removed) {
    try {
      fs.unlinkSync(fileOf(db.filesDir, sha256));
      count += 1;
    } catch {
      // already gone
    }
  }
  const root = path.join(db.filesDir, 'attachments');
  if (!fs.existsSync(root)) return count;
  for (const sub of fs.readdirSync(root)) {
    const dir = path.join(root, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (fs.statSync(file).mtime >= before) continue;
      const hash = name.slice(0, 64);
      if (name.length === 64 && (await db.read((c) => known(c, hash)))) continue;
      fs.rmSync(file, { force: true });
      count += 1;
    }
  }
  return count;
}
