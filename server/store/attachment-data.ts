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

/** Keeps a file whose hash the caller has checked. Returns false when it was there already. */
export async function storeAttachment(db: SqlDb, sha256: string, bytes: Buffer, at: string): Promise<boolean> {
  if (await db.read((c) => known(c, sha256))) return false;
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
