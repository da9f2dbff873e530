/**
 * The update channel: the installers an administrator published, and their metadata in
 * electron-updater's "generic" format, kept in the updates folder of the server's data
 * folder (`<data>/updates`):
 *   published.json          what is published, per platform: the one list the server serves from
 *   latest.yml              Windows workstations read this (electron-updater's default channel)
 *   latest-linux.yml        Linux workstations read this
 *   ga-desk-…exe/.AppImage/.deb  the installers
 * `npm run server -- publish-update FILE` copies an installer in (its SHA-512 and size
 * computed while copying), then writes published.json and the platform's .yml, each
 * through a temporary file and a rename, so a running server never serves half a file.
 * The server serves only the two metadata files and the installers published.json
 * names; any other name, and anything that could leave the folder, is a 404.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { channelFile, compareVersions, installerTypeOf, isVersion, platformOf, type InstallerType, type UpdatePlatform } from '../domain/updates';
import { requireDevice, type Caller } from './auth';
import { FileReply } from './file-reply';
import { HttpError } from './http-error';
import type { ServerContext } from './routes';

export interface PublishedFile {
  url: string;
  sha512: string;
  size: number;
}

export interface PublishedRelease {
  version: string;
  files: PublishedFile[];
  releaseDate: string;
  releaseNotes?: string;
}

type Manifest = Partial<Record<UpdatePlatform, PublishedRelease>>;

const MANIFEST = 'published.json';
/** Names the server will serve at all: no separators, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;

export class PublishError extends Error {}

/** The version in an installer's name as build/electron-builder.yml names them (ga-desk-setup-1.2.0-x64.exe, ga-desk-1.2.0-x64.deb). */
export function versionFromFileName(name: string): string | null {
  const m = /[-_](\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)[-_.](?:x64|amd64|x86_64|arm64|ia32)\b/.exec(name) ?? /-(\d+\.\d+\.\d+)\.(?:exe|AppImage|deb)$/i.exec(name);
  return m && isVersion(m[1]) ? m[1] : null;
}

/** YAML of electron-updater's metadata. Every string is written as a JSON string, which is also a YAML double-quoted scalar. */
export function metadataText(release: PublishedRelease): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [`version: ${q(release.version)}`, 'files:'];
  for (const f of release.files) lines.push(`  - url: ${q(f.url)}`, `    sha512: ${q(f.sha512)}`, `    size: ${f.size}`);
  // The first file again at the top: what electron-updater versions before `files` read.
  const first = release.files[0];
  lines.push(`path: ${q(first.url)}`, `sha512: ${q(first.sha512)}`, `releaseDate: ${q(release.releaseDate)}`);
  if (release.releaseNotes) lines.push(`releaseNotes: ${q(release.releaseNotes)}`);
  return `${lines.join('\n')}\n`;
}

async function readManifest(dir: string): Promise<Manifest> {
  try {
    return JSON.parse(await fs.promises.readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.part`;
  await fs.promises.writeFile(tmp, text);
  await fs.promises.rename(tmp, file);
}

/** Copies `from` to `to` (through a temporary file), returning the copy's SHA-512 in base64 and its size. */
async function copyHashed(from: string, to: string): Promise<{ sha512: string; size: number }> {
  const hash = crypto.createHash('sha512');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const tmp = `${to}.${process.pid}.part`;
  try {
    await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(tmp));
    await fs.promises.rename(tmp, to);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  return { sha512: hash.digest('base64'), size };
}

export interface PublishOptions {
  /** Default: read from the file's name. */
  version?: string;
  notes?: string;
  now?: () => Date;
}

export interface Published {
  platform: UpdatePlatform;
  channel: string;
  release: PublishedRelease;
  file: PublishedFile;
}

/**
 * Publishes one installer. A second installer of the same version (the .deb beside the
 * AppImage) joins the release; a newer version replaces it; an older one is refused
 * (workstations never downgrade, so it would only look published).
 */
export async function publishUpdate(updatesDir: string, installer: string, opts: PublishOptions = {}): Promise<Published> {
  const name = path.basename(installer);
  const type = installerTypeOf(name);
  if (!type) throw new PublishError(`${name} is not an installer of GA Desk: give the .exe (Windows), the .AppImage or the .deb (Linux) that npm run package made.`);
  if (!FILE_NAME.test(name)) throw new PublishError(`The installer's name "${name}" has characters the server will not serve; rename it to letters, digits, dots and dashes.`);
  const stat = await fs.promises.stat(installer).catch(() => null);
  if (!stat?.isFile()) throw new PublishError(`There is no file ${installer}.`);
  const version = opts.version ?? versionFromFileName(name);
  if (!version) throw new PublishError(`The version cannot be read from the name "${name}"; give it with --version 1.2.3.`);
  if (!isVersion(version)) throw new PublishError(`"${version}" is not a version like 1.2.3.`);

  const platform = platformOf(type);
  const channel = channelFile(platform)!;
  await fs.promises.mkdir(updatesDir, { recursive: true });
  const manifest = await readManifest(updatesDir);
  const previous = manifest[platform];
  if (previous && compareVersions(version, previous.version) < 0) {
    throw new PublishError(`${version} is older than the published ${previous.version}; workstations never install an older version. Publish a newer one.`);
  }

  const { sha512, size } = await copyHashed(installer, path.join(updatesDir, name));
  const file: PublishedFile = { url: name, sha512, size };
  const sameVersion = previous?.version === version;
  const kept = sameVersion ? previous.files.filter((f) => f.url !== name && installerTypeOf(f.url) !== type) : [];
  const release: PublishedRelease = {
    version,
    // The AppImage first: electron-updater versions that read only `path` take that one.
    files: [...kept, file].sort((a, b) => order(a.url) - order(b.url)),
    releaseDate: (opts.now?.() ?? new Date()).toISOString(),
    ...((opts.notes ?? (sameVersion ? previous.releaseNotes : undefined)) ? { releaseNotes: opts.notes ?? previous!.releaseNotes } : {}),
  };
  // published.json first: the server serves no file it does not list, and the old .yml
  // still names only files that are there.
  await writeAtomically(path.join(updatesDir, MANIFEST), `${JSON.stringify({ ...manifest, [platform]: release }, null, 2)}\n`);
  await writeAtomically(path.join(updatesDir, channel), metadataText(release));
  return { platform, channel, release, file };
}

const order = (url: string) => ['exe', 'AppImage', 'deb'].indexOf(installerTypeOf(url) ?? '');

export const CONTENT_TYPES: Record<InstallerType | 'yml', string> = {
  yml: 'text/yaml; charset=utf-8',
  exe: 'application/vnd.microsoft.portable-executable',
  AppImage: 'application/vnd.appimage',
  deb: 'application/vnd.debian.binary-package',
};

export interface ServedFile {
  file: string;
  size: number;
  type: string;
}

/** A platform's metadata file, if something was published for it. */
export async function metadataFile(updatesDir: string | null, platform: UpdatePlatform): Promise<ServedFile | null> {
  if (!updatesDir || !(await readManifest(updatesDir))[platform]) return null;
  const file = path.join(updatesDir, channelFile(platform)!);
  const stat = await fs.promises.stat(file).catch(() => null);
  return stat?.isFile() ? { file, size: stat.size, type: CONTENT_TYPES.yml } : null;
}

/** A published installer by name; null for a name published.json does not list (or a file gone from the folder). */
export async function installerFile(updatesDir: string | null, name: string): Promise<ServedFile | null> {
  if (!updatesDir || !FILE_NAME.test(name)) return null;
  const type = installerTypeOf(name);
  if (!type) return null;
  const manifest = await readManifest(updatesDir);
  const listed = Object.values(manifest).some((r) => r?.files.some((f) => f.url === name));
  if (!listed) return null;
  const file = path.resolve(updatesDir, name);
  // Belt and braces: the name has no separator, but the joined path must stay inside.
  if (path.dirname(file) !== path.resolve(updatesDir)) return null;
  const stat = await fs.promises.stat(file).catch(() => null);
  return stat?.isFile() ? { file, size: stat.size, type: CONTENT_TYPES[type] } : null;
}

/** The address of an installer: a name only. */
export const updateFileParams = z.object({ file: z.string().min(1).max(200) });
/** The body of a file reply, for the endpoint table (/openapi.json describes it by content type). */
export const updateFileResponse = z.string();

const NOTHING = { win32: 'Windows', linux: 'Linux' } as const;

/** GET /updates/latest.yml and /updates/latest-linux.yml. */
export async function serveMetadata(ctx: ServerContext, caller: Caller, platform: UpdatePlatform): Promise<FileReply> {
  requireDevice(caller);
  const found = await metadataFile(ctx.updatesDir, platform);
  if (!found) throw new HttpError(404, 'updates.none', `No update has been published for ${NOTHING[platform]} workstations.`);
  // Read afresh every time: a publish must reach the next check, never a cached answer.
  return new FileReply(found.file, found.size, found.type, { 'cache-control': 'no-store' });
}

/** GET /updates/:file — a published installer, streamed. */
export async function serveInstaller(ctx: ServerContext, caller: Caller, name: string): Promise<FileReply> {
  requireDevice(caller);
  const found = await installerFile(ctx.updatesDir, name);
  if (!found) throw new HttpError(404, 'notFound', 'No published installer has that name.', 'file');
  return new FileReply(found.file, found.size, found.type, {
    'cache-control': 'no-cache',
    'content-disposition': `attachment; filename="${name}"`,
    'x-content-type-options': 'nosniff',
  });
}
