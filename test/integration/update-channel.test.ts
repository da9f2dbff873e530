/**
 * The update channel through the real server: an administrator publishes an installer
 * with the server's command, a workstation fetches the metadata and the file with its
 * device token, electron-updater's own parser reads the metadata, and the workstation's
 * checksum check accepts the file served and refuses a tampered one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseUpdate, type UpdateOffer } from '../../domain/updates';
import { verifyInstaller } from '../../electron/main/update-files';
import { tempDir } from '../support/fresh-db';
import { listening, spawnServer, startHarness, type Harness, type Workstation } from '../support/server-harness';
import { publishUpdate, PublishError, versionFromFileName } from '../../server/updates';
import { openSqlite } from '../../server/store/sqlite';

// electron-updater's metadata parser and URL resolution (no Electron needed for these two).
const provider = createRequire(import.meta.url)('electron-updater/out/providers/Provider.js') as {
  parseUpdateInfo(raw: string, channelFile: string, channelUrl: URL): UpdateOffer;
  resolveFiles(info: UpdateOffer, baseUrl: URL): { url: URL; info: { sha512: string; size: number } }[];
};

/** A stand-in installer: random bytes under an installer's name. */
function fakeInstaller(dir: string, name: string, bytes = 300_000): { file: string; sha512: string } {
  const data = crypto.randomBytes(bytes);
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return { file, sha512: crypto.createHash('sha512').update(data).digest('base64') };
}

describe('the update channel', () => {
  let dataDir: string;
  let updatesDir: string;
  let h: Harness;
  let ws: Workstation;
  let base: string;
  const get = (url: string, token: string | null = ws.token) => fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeEach(async () => {
    dataDir = tempDir('ga-updates-');
    updatesDir = path.join(dataDir, 'updates');
    h = await startHarness(openSqlite(dataDir), { updatesDir });
    ws = await h.workstation('desk-1');
    base = await listening(h.app);
    return () => h.app.close();
  });

  it('serves a published installer with metadata electron-updater reads, and the file matches its checksum', async () => {
    const made = fakeInstaller(tempDir('ga-release-'), 'ga-desk-setup-0.2.0-x64.exe');
    await publishUpdate(updatesDir, made.file, { notes: '修正場地借用列印', now: () => new Date('2026-12-07T08:00:00Z') });

    const meta = await get('/updates/latest.yml');
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    const channelUrl = new URL(`${base}/updates/latest.yml`);
    const info = provider.parseUpdateInfo(await meta.text(), 'latest.yml', channelUrl);
    expect(info).toMatchObject({ version: '0.2.0', releaseDate: '2026-12-07T08:00:00.000Z', releaseNotes: '修正場地借用列印' });
    expect(info.files).toEqual([{ url: 'ga-desk-setup-0.2.0-x64.exe', sha512: made.sha512, size: 300_000 }]);

    // The workstation takes it (newer, an .exe for Windows) and downloads where electron-updater would.
    const choice = chooseUpdate('0.1.0', info, 'exe');
    expect(choice).toMatchObject({ take: true, version: '0.2.0' });
    const [resolved] = provider.resolveFiles(info, new URL(`${base}/updates/`));
    expect(resolved.url.pathname).toBe('/updates/ga-desk-setup-0.2.0-x64.exe');
    const file = await get(resolved.url.pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.microsoft.portable-executable');
    expect(file.headers.get('content-length')).toBe('300000');
    const downloaded = path.join(tempDir('ga-download-'), 'installer.exe');
    fs.writeFileSync(downloaded, Buffer.from(await file.arrayBuffer()));
    expect(await verifyInstaller(downloaded, resolved.info.sha512)).toEqual({ ok: true, actual: made.sha512 });

    // One byte changed on the way: refused.
    const bytes = fs.readFileSync(downloaded);
    bytes[1000] ^= 0xff;
    fs.writeFileSync(downloaded, bytes);
    expect((await verifyInstaller(downloaded, resolved.info.sha512)).ok).toBe(false);
    expect((await verifyInstaller(path.join(dataDir, 'gone.exe'), resolved.info.sha512)).ok).toBe(false);
  });

  it('keeps the AppImage and the .deb of one version together for Linux, and a newer version replaces them', async () => {
    const dir = tempDir('ga-release-');
    const appImage = fakeInstaller(dir, 'ga-desk-0.3.0-x64.AppImage', 1000);
    const deb = fakeInstaller(dir, 'ga-desk-0.3.0-x64.deb', 2000);
    await publishUpdate(updatesDir, appImage.file);
    await publishUpdate(updatesDir, deb.file);
    const info = provider.parseUpdateInfo(await (await get('/updates/latest-linux.yml')).text(), 'latest-linux.yml', new URL(`${base}/updates/latest-linux.yml`));
    expect(info.files.map((f) => [f.url, f.sha512])).toEqual([
      ['ga-desk-0.3.0-x64.AppImage', appImage.sha512],
      ['ga-desk-0.3.0-x64.deb', deb.sha512],
    ]);
    expect(chooseUpdate('0.2.0', info, 'deb')).toMatchObject({ take: true, file: { url: 'ga-desk-0.3.0-x64.deb' } });
    // Windows has nothing published.
    const none = await get('/updates/latest.yml');
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ code: 'updates.none' });

    await publishUpdate(updatesDir, fakeInstaller(dir, 'ga-desk-0.3.1-x64.AppImage', 500).file);
    const next = provider.parseUpdateInfo(await (await get('/updates/latest-linux.yml')).text(), 'latest-linux.yml', new URL(`${base}/updates/latest-linux.yml`));
    expect(next.version).toBe('0.3.1');
    expect(next.files.map((f) => f.url)).toEqual(['ga-desk-0.3.1-x64.AppImage']);
    // The superseded installers are no longer served, though still on disk.
    expect((await get('/updates/ga-desk-0.3.0-x64.deb')).status).toBe(404);
    expect(fs.existsSync(path.join(updatesDir, 'ga-desk-0.3.0-x64.deb'))).toBe(true);
  });

  it('serves nothing outside what was published, and only to enrolled workstations', async () => {
    await publishUpdate(updatesDir, fakeInstaller(tempDir('ga-release-'), 'ga-desk-setup-0.2.0-x64.exe', 100).file);
    fs.writeFileSync(path.join(updatesDir, 'ga-desk-setup-9.9.9-x64.exe'), 'dropped here by hand');
    fs.writeFileSync(path.join(dataDir, 'secret.exe'), 'outside the folder');
    for (const url of [
      '/updates/ga-desk-setup-9.9.9-x64.exe',
      '/updates/published.json',
      '/updates/..%2Fsecret.exe',
      '/updates/..%2F..%2Fworkstation.sqlite',
      '/updates/%2E%2E%2Fsecret.exe',
      '/updates/..\\secret.exe',
      '/updates/.published.json',
      `/updates/${'a'.repeat(300)}.exe`,
    ]) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(r.status, url).toBeLessThan(500);
      expect(await r.text(), url).not.toMatch(/dropped here|outside the folder/);
    }
    const anonymous = await get('/updates/latest.yml', null);
    expect(anonymous.status).toBe(401);
    const signedInUser = await get('/updates/ga-desk-setup-0.2.0-x64.exe', h.adminToken);
    expect(signedInUser.status).toBe(403);
    // A revoked workstation stops getting updates too.
    await h.call('POST', `/devices/${ws.deviceId}/revoke`, undefined, h.adminToken);
    expect((await get('/updates/latest.yml')).status).toBe(401);
  });

  it('describes the update routes in /openapi.json by their content types', async () => {
    const doc = (await (await get('/openapi.json', null)).json()) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> };
    expect(Object.keys(doc.paths['/updates/latest.yml'].get.responses['200'].content)).toEqual(['text/yaml; charset=utf-8']);
    expect(Object.keys(doc.paths['/updates/{file}'].get.responses['200'].content)).toEqual(['application/octet-stream']);
  });
});

describe('publishing an update', () => {
  it('refuses what is not an installer, an unreadable version and an older version, and publishes nothing then', async () => {
    const dir = tempDir('ga-release-');
    const updatesDir = path.join(tempDir('ga-updates-'), 'updates');
    await expect(publishUpdate(updatesDir, fakeInstaller(dir, 'notes.txt', 10).file)).rejects.toThrow(PublishError);
    await expect(publishUpdate(updatesDir, fakeInstaller(dir, 'setup.exe', 10).file)).rejects.toThrow(/--version/);
    await expect(publishUpdate(updatesDir, path.join(dir, 'ga-desk-setup-1.0.0-x64.exe'))).rejects.toThrow(/no file/);
    await publishUpdate(updatesDir, fakeInstaller(dir, 'ga-desk-setup-0.5.0-x64.exe', 10).file);
    await expect(publishUpdate(updatesDir, fakeInstaller(dir, 'ga-desk-setup-0.4.0-x64.exe', 10).file)).rejects.toThrow(/older than the published 0\.5\.0/);
    expect(fs.readdirSync(updatesDir).sort()).toEqual(['ga-desk-setup-0.5.0-x64.exe', 'latest.yml', 'published.json']);
  });

  it('reads the version from the names electron-builder gives the installers', () => {
    expect(versionFromFileName('ga-desk-setup-1.2.3-x64.exe')).toBe('1.2.3');
    expect(versionFromFileName('ga-desk-1.2.3-x64.AppImage')).toBe('1.2.3');
    expect(versionFromFileName('ga-desk_1.2.3_amd64.deb')).toBe('1.2.3');
    expect(versionFromFileName('ga-desk-2.0.0-beta.1-x64.deb')).toBe('2.0.0-beta.1');
    expect(versionFromFileName('setup.exe')).toBeNull();
  });

  it('is one command of the server, which says what it published', async () => {
    const data = tempDir('ga-sync-main-');
    const made = fakeInstaller(tempDir('ga-release-'), 'ga-desk-setup-0.2.0-x64.exe', 5000);
    const run = spawnServer(['publish-update', made.file, '--notes', 'Fixes', '--data', data]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Published ga-desk-setup-0.2.0-x64.exe as version 0.2.0 for Windows workstations.');
    expect(run.output()).toContain(made.sha512);
    expect(fs.readFileSync(path.join(data, 'updates', 'latest.yml'), 'utf8')).toContain(`sha512: "${made.sha512}"`);

    const wrong = spawnServer(['publish-update', '--data', data]);
    expect(await wrong.exited).toBe(2);
    expect(wrong.errors()).toContain('Usage: npm run server -- publish-update FILE');
  }, 30_000);
});
