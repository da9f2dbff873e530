/**
 * The workstation's own check of a downloaded installer, beside electron-updater's: the
 * file's SHA-512 against the metadata's, before it is offered and again before it runs.
 * No Electron here, so the server's tests check the server's files with it too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { checksumMatches } from '../../domain/updates';

/** A file's SHA-512 in base64, as electron-updater's metadata carries it; read as a stream. */
export async function sha512OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha512');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('base64');
}

/** The file exists and its SHA-512 is `expected`. A missing or unreadable file does not verify. */
export async function verifyInstaller(file: string, expected: string): Promise<{ ok: boolean; actual: string | null }> {
  try {
    const actual = await sha512OfFile(file);
    return { ok: checksumMatches(expected, actual), actual };
  } catch {
    return { ok: false, actual: null };
  }
}
