/**
 * `npm run server -- publish-update FILE [--notes TEXT] [--version X.Y.Z] [--data DIR]`
 *
 * Publishes an installer that `npm run package` made on the update channel of the
 * server whose data folder is DIR (default ./.data/sync-server, as the server's own
 * --data): see server/updates.ts and docs/updates.md. It works beside a running server
 * (the next check of each workstation sees it) and needs no database.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { publishUpdate, PublishError } from './updates';

export const PUBLISH_USAGE = `Usage: npm run server -- publish-update FILE [--notes TEXT] [--version X.Y.Z] [--data DIR]
  FILE            the installer: release/ga-desk-setup-<version>-x64.exe (Windows),
                  release/ga-desk-<version>-x64.AppImage or .deb (Linux)
  --notes TEXT    release notes workstations may show
  --version X.Y.Z the version, when the file's name does not carry it
  --data DIR      the sync server's data folder (default ./.data/sync-server);
                  the installer goes into DIR/updates`;

/** Runs the command; returns the exit code. */
export async function publishUpdateCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let values: { notes?: string; version?: string; data: string; help: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        notes: { type: 'string' },
        version: { type: 'string' },
        data: { type: 'string', default: '.data/sync-server' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${PUBLISH_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out(`${PUBLISH_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    err(`Give exactly one installer file.\n${PUBLISH_USAGE}\n`);
    return 2;
  }
  const dir = path.join(path.resolve(values.data), 'updates');
  try {
    const r = await publishUpdate(dir, path.resolve(positionals[0]), { version: values.version, notes: values.notes });
    out(
      [
        `Published ${r.file.url} as version ${r.release.version} for ${r.platform === 'win32' ? 'Windows' : 'Linux'} workstations.`,
        `  size    ${r.file.size} bytes`,
        `  sha512  ${r.file.sha512}`,
        `  served  /updates/${r.channel} and /updates/${r.file.url}, from ${dir}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    if (e instanceof PublishError) {
      err(`${e.message}\n`);
      return 2;
    }
    err(`Publishing failed: ${(e as Error).message}\n`);
    return 1;
  }
}
