/**
 * Updates from the LAN sync server: what the workstation decides on its own, whatever
 * the updater library does. The server publishes, per platform, one metadata file in
 * electron-updater's format (latest.yml for Windows, latest-linux.yml for Linux) naming
 * the installers of one version with their SHA-512 (base64) and size. A workstation
 *   1. takes an offered version only when it is newer than its own and carries an
 *      installer for its platform and package type (chooseUpdate);
 *   2. keeps a downloaded installer only when its SHA-512 is the metadata's
 *      (checksumMatches), and throws it away otherwise;
 *   3. installs it only at a start after the user agreed to that very version and
 *      checksum, and only when the file still verifies (installDecision).
 * Pure functions: the Electron main process calls them (electron/main/updates.ts) and
 * the tests call them as they are.
 */

/** The platforms the installers are built for (build/electron-builder.yml). */
export type UpdatePlatform = 'win32' | 'linux';

/** How the running app was installed: the NSIS installer, an AppImage, or a .deb package. */
export type InstallerType = 'exe' | 'AppImage' | 'deb';

/** One installer in the metadata, as electron-updater's UpdateInfo carries it. */
export interface UpdateFile {
  url: string;
  sha512: string;
  size?: number;
}

/** The part of the metadata (UpdateInfo) the decisions read. */
export interface UpdateOffer {
  version: string;
  files: readonly UpdateFile[];
  releaseDate?: string;
  releaseNotes?: unknown;
}

/** The metadata file a platform's workstations read (electron-updater's default channel names, x64). */
export function channelFile(platform: string): string | null {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'linux') return 'latest-linux.yml';
  return null;
}

/** The platform an installer file is for, from its extension; null when it is no installer of ours. */
export function installerTypeOf(fileName: string): InstallerType | null {
  if (/\.exe$/i.test(fileName)) return 'exe';
  if (/\.AppImage$/i.test(fileName)) return 'AppImage';
  if (/\.deb$/i.test(fileName)) return 'deb';
  return null;
}

export function platformOf(type: InstallerType): UpdatePlatform {
  return type === 'exe' ? 'win32' : 'linux';
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(v: string): boolean {
  return VERSION.test(v);
}

/** Semantic-version order: negative when a < b, 0 when equal, positive when a > b. Throws on a malformed version. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) throw new Error(`not a version: ${pa ? b : a}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  // A pre-release comes before its release; pre-releases compare field by field.
  if (!pa[4] || !pb[4]) return (pa[4] ? -1 : 0) - (pb[4] ? -1 : 0);
  const fa = pa[4].split('.');
  const fb = pb[4].split('.');
  for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
    if (fa[i] === undefined) return -1;
    if (fb[i] === undefined) return 1;
    const na = /^\d+$/.test(fa[i]);
    const nb = /^\d+$/.test(fb[i]);
    if (na && nb && Number(fa[i]) !== Number(fb[i])) return Number(fa[i]) - Number(fb[i]);
    if (na !== nb) return na ? -1 : 1;
    if (fa[i] !== fb[i]) return fa[i] < fb[i] ? -1 : 1;
  }
  return 0;
}

/** A SHA-512 as electron-updater's metadata writes it: 64 bytes in base64. */
const SHA512_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

export function isSha512Base64(s: unknown): s is string {
  return typeof s === 'string' && SHA512_BASE64.test(s);
}

export type UpdateChoice = { take: true; version: string; file: UpdateFile } | { take: false; reason: 'notNewer' | 'noInstaller' | 'invalid' };

/**
 * Whether to download what the server offers: a well-formed, newer version with exactly
 * one installer of this workstation's type (checksum well-formed). Never a downgrade,
 * never the same version again.
 */
export function chooseUpdate(current: string, offer: UpdateOffer, type: InstallerType): UpdateChoice {
  if (!isVersion(offer.version) || !isVersion(current) || !Array.isArray(offer.files)) return { take: false, reason: 'invalid' };
  if (compareVersions(offer.version, current) <= 0) return { take: false, reason: 'notNewer' };
  const mine = offer.files.filter((f) => typeof f?.url === 'string' && installerTypeOf(f.url.split(/[?#]/)[0]) === type);
  if (mine.length === 0) return { take: false, reason: 'noInstaller' };
  if (mine.length > 1 || !isSha512Base64(mine[0].sha512)) return { take: false, reason: 'invalid' };
  return { take: true, version: offer.version, file: mine[0] };
}

/** The downloaded file's SHA-512 (base64) is the one the metadata promised. */
export function checksumMatches(expected: string, actual: string): boolean {
  return isSha512Base64(expected) && isSha512Base64(actual) && expected === actual;
}

/** What the user agreed to: install this version, whose installer has this checksum. */
export interface UpdateAgreement {
  version: string;
  sha512: string;
}

/** The installer at hand on this start: the version offered and its file's checksums. */
export interface DownloadedUpdate {
  version: string;
  /** From the metadata. */
  expectedSha512: string;
  /** Computed from the file on disk now. */
  actualSha512: string;
}

export type InstallDecision = { install: true } | { install: false; reason: 'notAgreed' | 'checksum' | 'otherVersion' | 'notNewer' };

/**
 * Install now (at start) only when the user agreed to this version and this checksum,
 * the file on disk still has it, and it is newer than what runs. A file that fails its
 * checksum is never installed, agreed or not.
 */
export function installDecision(current: string, agreed: UpdateAgreement | null, downloaded: DownloadedUpdate): InstallDecision {
  if (!checksumMatches(downloaded.expectedSha512, downloaded.actualSha512)) return { install: false, reason: 'checksum' };
  if (!isVersion(downloaded.version) || !isVersion(current) || compareVersions(downloaded.version, current) <= 0) return { install: false, reason: 'notNewer' };
  if (!agreed) return { install: false, reason: 'notAgreed' };
  if (agreed.version !== downloaded.version || agreed.sha512 !== downloaded.expectedSha512) return { install: false, reason: 'otherVersion' };
  return { install: true };
}

/** A stored agreement as read back (from the workstation's meta table); anything else is none. */
export function parseAgreement(text: string | null | undefined): UpdateAgreement | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<UpdateAgreement>;
    return typeof v.version === 'string' && isVersion(v.version) && isSha512Base64(v.sha512) ? { version: v.version, sha512: v.sha512 } : null;
  } catch {
    return null;
  }
}

/** Download progress in whole percent, 0–100, from electron-updater's progress event. */
export function progressPercent(transferred: number, total: number): number {
  if (!(total > 0) || !(transferred >= 0)) return 0;
  return Math.min(100, Math.floor((transferred / total) * 100));
}

/** How often a running workstation asks the server again. */
export const UPDATE_CHECK_EVERY_MS = 24 * 3600_000;

/** The updater's state as the status bar shows it. */
export type UpdateView =
  /** No updater here (browser shell, a development run, a workstation not joined to a server): nothing is shown. */
  | { state: 'unsupported' }
  /** Up to date, or not checked yet: nothing is shown. */
  | { state: 'idle' }
  | { state: 'downloading'; version: string; percent: number }
  /** Downloaded and verified; `agreed`: it installs at the next start. */
  | { state: 'ready'; version: string; agreed: boolean }
  /** The downloaded file did not match its checksum: thrown away, not installed. */
  | { state: 'refused'; version: string };
