/**
 * The workstation's update flow against the real sync server. electron-updater needs the
 * Electron binary, so a stand-in does its network part the way its generic provider
 * does (the channel file with the request headers, parsed by electron-updater's own
 * parser, the installer downloaded beside it) — and, unlike the real one, checks no
 * checksum, so our own check is the only one left to refuse a tampered installer.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateOffer, UpdateView } from '../../domain/updates';
import { publishUpdate } from '../../server/updates';
import { openSqlite } from '../../server/store/sqlite';
import { tempDir } from '../../test/support/fresh-db';
import { listening, startHarness, type Harness } from '../../test/support/server-harness';
import { UpdateController, type Updater } from './update-controller';

const { parseUpdateInfo } = createRequire(import.meta.url)('electron-updater/out/providers/Provider.js') as {
  parseUpdateInfo(raw: string, channelFile: string, channelUrl: URL): UpdateOffer;
};

class StandInUpdater extends EventEmitter implements Updater {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  disableDifferentialDownload = false;
  requestHeaders: Record<string, string> | null = null;
  feed = '';
  installed: { silent?: boolean; runAfter?: boolean } | null = null;
  private info: UpdateOffer | null = null;
  constructor(private readonly cacheDir: string) {
    super();
  }
  setFeedURL(o: { provider: 'generic'; url: string }) {
    this.feed = o.url;
  }
  async checkForUpdates() {
    const url = new URL(`${this.feed}/latest.yml`);
    const res = await fetch(url, { headers: this.requestHeaders ?? {} });
    if (!res.ok) throw new Error(`HttpError: ${res.status}`);
    this.info = parseUpdateInfo(await res.text(), 'latest.yml', url);
    return { isUpdateAvailable: true, updateInfo: this.info };
  }
  async downloadUpdate() {
    const file = this.info!.files[0];
    const res = await fetch(new URL(file.url, `${this.feed}/`), { headers: this.requestHeaders ?? {} });
    if (!res.ok) throw new Error(`HttpError: ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    this.emit('download-progress', { transferred: bytes.length / 2, total: bytes.length });
    const to = path.join(this.cacheDir, path.basename(file.url));
    fs.writeFileSync(to, bytes);
    this.emit('update-downloaded', { downloadedFile: to, version: this.info!.version });
    return [to];
  }
  quitAndInstall(silent?: boolean, runAfter?: boolean) {
    this.installed = { silent, runAfter };
  }
}

describe('a workstation updating from its sync server', () => {
  let h: Harness;
  let base: string;
  let token: string;
  let updatesDir: string;
  let stored: string | null;
  let views: UpdateView[];
  let log: string[];

  beforeEach(async () => {
    const data = tempDir('ga-updates-');
    updatesDir = path.join(data, 'updates');
    h = await startHarness(openSqlite(data), { updatesDir });
    base = await listening(h.app);
    token = (await h.workstation('desk-1')).token;
    stored = null;
    views = [];
    log = [];
  });
  afterEach(async () => {
    h.app.server.closeAllConnections();
    await h.app.close();
  });

  const publish = async (version: string) => {
    const file = path.join(tempDir('ga-release-'), `ga-desk-setup-${version}-x64.exe`);
    fs.writeFileSync(file, crypto.randomBytes(50_000));
    return publishUpdate(updatesDir, file);
  };

  const controller = (updater: Updater, currentVersion = '0.1.0') =>
    new UpdateController({
      updater,
      currentVersion,
      installerType: 'exe',
      feed: () => ({ serverUrl: `${base}/`, deviceToken: token }),
      agreement: { read: () => stored, write: (t) => void (stored = t) },
      onChange: (v) => views.push(v),
      log: (m) => void log.push(m),
    });

  it('downloads a newer version in the background with progress, asks, and installs it at the next start once agreed', async () => {
    await publish('0.2.0');
    const first = new StandInUpdater(tempDir('ga-cache-'));
    const c = controller(first);
    // It decides; electron-updater neither downloads nor installs on its own.
    expect([first.autoDownload, first.autoInstallOnAppQuit, first.allowDowngrade, first.disableDifferentialDownload]).toEqual([false, false, false, true]);
    await c.check();
    expect(first.feed).toBe(`${base}/updates`);
    expect(first.requestHeaders).toEqual({ authorization: `Bearer ${token}` });
    expect(views).toEqual([
      { state: 'downloading', version: '0.2.0', percent: 0 },
      { state: 'downloading', version: '0.2.0', percent: 50 },
      { state: 'ready', version: '0.2.0', agreed: false },
    ]);
    // Not agreed yet: a later check installs nothing.
    await c.check();
    expect(first.installed).toBeNull();
    expect(c.agree('0.1.9')).toEqual({ state: 'ready', version: '0.2.0', agreed: false });
    expect(c.agree('0.2.0')).toEqual({ state: 'ready', version: '0.2.0', agreed: true });
    // Agreed during this run: still not installed in it.
    await c.check();
    expect(first.installed).toBeNull();

    // The next start: the window waits for the install.
    const next = new StandInUpdater(tempDir('ga-cache-'));
    const restarted = controller(next);
    expect(restarted.hasAgreement()).toBe(true);
    await restarted.check();
    expect(next.installed).toEqual({ silent: true, runAfter: true });
    expect(restarted.installing).toBe(true);
    expect(stored).toBeNull();
  });

  it('never installs an installer whose checksum does not match the metadata, even one agreed to', async () => {
    const published = await publish('0.2.0');
    const first = new StandInUpdater(tempDir('ga-cache-'));
    const c = controller(first);
    await c.check();
    c.agree('0.2.0');

    // Someone swaps the installer on the server for other bytes of the same size.
    fs.writeFileSync(path.join(updatesDir, published.file.url), crypto.randomBytes(50_000));
    const cache = tempDir('ga-cache-');
    const next = new StandInUpdater(cache);
    views = [];
    const restarted = controller(next);
    await restarted.check();
    expect(next.installed).toBeNull();
    expect(restarted.installing).toBe(false);
    expect(views.at(-1)).toEqual({ state: 'refused', version: '0.2.0' });
    expect(fs.readdirSync(cache)).toEqual([]);
    expect(stored).toBeNull();
    expect(log.join('\n')).toContain('0.2.0 did not match its checksum');
  });

  it('takes nothing when the server offers its own version, and forgets an agreement it has outgrown', async () => {
    await publish('0.2.0');
    stored = JSON.stringify({ version: '0.2.0', sha512: `${'A'.repeat(86)}==` });
    const u = new StandInUpdater(tempDir('ga-cache-'));
    const c = controller(u, '0.2.0');
    await c.check();
    expect(c.view()).toEqual({ state: 'idle' });
    expect(u.installed).toBeNull();
    expect(stored).toBeNull();
  });

  it('keeps quiet and retries later when the server is unreachable or has published nothing', async () => {
    const u = new StandInUpdater(tempDir('ga-cache-'));
    const c = controller(u);
    await c.check();
    expect(c.view()).toEqual({ state: 'idle' });
    expect(log.join('\n')).toContain('check failed: HttpError: 404');
    await h.app.close();
    await c.check();
    expect(c.view()).toEqual({ state: 'idle' });
  });
});
