/**
 * Files kept with records (a photo of the leak, a scanned letter): stored once in the data
 * folder under their SHA-256 (attachments/ab/abcdef…), so the same photo attached twice
 * takes its room once and a record holds only the hash. Size-limited; sync will carry
 * them beside the mutations that refer to them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../domain/errors';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../domain/attachments';

const SHA256 = /^[0-9a-f]{64}$/;

export class AttachmentStore {
  constructor(readonly dir: string) {}

  private fileOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores a file; a file over the limit or an empty one is refused with a problem to show. */
  put(name: string, type: string, data: Buffer): { attachment: Attachment } | { problem: Problem } {
    if (data.length === 0) return { problem: { code: 'attachments.error.empty', params: { name }, field: 'attachments' } };
    if (data.length > MAX_ATTACHMENT_BYTES) {
      const mb = (n: number) => (Math.ceil((n / 1024 / 1024) * 10) / 10).toFixed(1);
      return { problem: { code: 'attachments.error.tooLarge', params: { name, size: mb(data.length), max: String(MAX_ATTACHMENT_BYTES / 1024 / 1024) }, field: 'attachments' } };
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.write(sha256, data);
    return { attachment: { sha256, name, size: data.length, type } };
  }

  /** Keeps a file that came from the sync server, if its bytes match the hash it came under. */
  putVerified(sha256: string, data: Buffer): boolean {
    if (createHash('sha256').update(data).digest('hex') !== sha256) return false;
    this.write(sha256, data);
    return true;
  }

  private write(sha256: string, data: Buffer): void {
    const file = this.fileOf(sha256);
    if (fs.existsSync(file)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a crash never leaves half a file under a good name.
    const partial = `${file}.${process.pid}.part`;
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
  }

  get(sha256: string): Buffer | null {
    if (!SHA256.test(sha256)) return null;
    const file = this.fileOf(sha256);
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  }
}
