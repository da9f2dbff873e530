/**
 * A reply that is a file, not JSON: app.ts streams it with its own content type and
 * headers (the update channel's metadata and installers, server/updates.ts).
 */
import fs from 'node:fs';

export class FileReply {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly type: string,
    readonly headers: Record<string, string> = {},
  ) {}

  stream(): fs.ReadStream {
    return fs.createReadStream(this.file);
  }
}
