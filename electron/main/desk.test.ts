import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiReply } from '../preload/channels';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from '../preload/channels';
import { tempDir } from '../../test/support/fresh-db';
import { bundledPaths, startDesk, type DeskPaths } from './desk';
import { APP_PAGE, CONTENT_SECURITY_POLICY } from './security';
import { fake, FakeBrowserWindow, resetFakeElectron, type FakeFrame, type FakeWebContents } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

let dataDir: string;
let paths: DeskPaths;
let stderr: string[];
let warnings: string[];

beforeEach(() => {
  resetFakeElectron();
  const dir = tempDir();
  dataDir = path.join(dir, 'data');
  paths = bundledPaths(path.join(dir, 'dist', 'electron'));
  fs.mkdirSync(paths.rendererDir, { recursive: true });
  fs.writeFileSync(path.join(paths.rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  stderr = [];
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  return () => {
    fake.app.emit('will-quit');
    vi.restoreAllMocks();
  };
});

const argv = () => ['/opt/ga-desk/ga-desk', '--data-dir', dataDir];

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  return FakeBrowserWindow.getAllWindows()[0];
}

function ask(from: FakeWebContents, frame: FakeFrame, name: string, args: unknown): Promise<ApiReply> {
  const handler = fake.ipcHandlers.get(API_CALL_CHANNEL);
  if (!handler) throw new Error('no api:call handler');
  const event = { sender: from, senderFrame: frame, frameId: frame.routingId, processId: frame.processId, type: 'frame' } as unknown as IpcMainInvokeEvent;
  return handler(event, name, args) as Promise<ApiReply>;
}

const menuLabels = () => (fake.applicationMenu?.template as { label: string }[]).map((m) => m.label);

describe('the Electron shell', () => {
  it('opens one hardened window on our page, titled from the catalog, with a zh-TW menu', async () => {
    expect(startDesk(argv(), paths)).toBe(true);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.app.getPath('userData')).toBe(path.join(dataDir, 'electron'));
    await fake.app.becomeReady();

    const win = theWindow();
    expect(win.loadedUrl).toBe(APP_PAGE);
    expect(win.title).toBe('GA Desk 總務櫃檯');
    expect(win.options).toMatchObject({ minWidth: 1024, minHeight: 640, show: false });
    expect(win.options.webPreferences).toMatchObject({ preload: paths.preload, contextIsolation: true, nodeIntegration: false, sandbox: true, devTools: true });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(menuLabels()).toEqual(['檔案', '編輯', '檢視', '視窗']);

    // The session is hardened once, however many webContents use it.
    expect(fake.defaultSession.headersListeners).toHaveLength(1);

    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    const pageTitle = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    win.emit('page-title-updated', pageTitle, 'desk');
    expect(pageTitle.defaultPrevented).toBe(true);
  });

  it('pops up the edit menu on a right-click in a text field', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    const editFlags = { canCut: false, canCopy: false, canPaste: true, canSelectAll: true };
    win.webContents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags });
    expect(fake.popups).toHaveLength(1);
    expect((fake.popups[0].template as { label?: string }[]).map((i) => i.label).filter(Boolean)).toEqual(['剪下', '複製', '貼上', '全選']);
    win.webContents.emit('context-menu', {}, { isEditable: false, selectionText: '', editFlags });
    expect(fake.popups).toHaveLength(1);
  });

  it('serves the built screens on app://desk with the CSP', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const serve = fake.protocolHandlers.get('app');
    const response = await serve!(new Request(APP_PAGE));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>desk</title>');
  });

  it('answers the window over api:call, from the workstation in the data folder', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    const reply = await ask(win.webContents, win.webContents.mainFrame, 'app.info', {});
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ shell: 'electron', dataDir, version: '0.1.0-test' }) as unknown });
    expect(fs.existsSync(path.join(dataDir, 'workstation.sqlite'))).toBe(true);
    expect(await ask(win.webContents, win.webContents.subframe(APP_PAGE), 'app.info', {})).toEqual({ ok: false, error: 'refused: the call did not come from the app window' });
    expect(warnings).toEqual([expect.stringContaining('refused an api call from webContents')]);
  });

  it('pushes workstation events to the window as api:event', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    await ask(win.webContents, win.webContents.mainFrame, 'auth.lock', {});
    expect(win.webContents.sent).toEqual([[API_EVENT_CHANNEL, { type: 'session', session: { user: null, locked: false, hasUsers: false } }]]);
  });

  it('relabels the menu and the title when the language is switched', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    expect((await ask(win.webContents, win.webContents.mainFrame, 'app.setLocale', { locale: 'en' })).ok).toBe(true);
    expect(menuLabels()).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(win.title).toBe('GA Desk');
  });

  it('quits when its window closes, and closes the workstation', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    const wal = path.join(dataDir, 'workstation.sqlite-wal');
    expect(fs.existsSync(wal)).toBe(true);
    win.close();
    expect(fake.app.quitCalled).toBe(process.platform !== 'darwin');
    if (!fake.app.quitCalled) fake.app.quit();
    // SQLite folds the write-ahead log back in and removes it when the last connection closes.
    expect(fs.existsSync(wal)).toBe(false);
  });

  it('leaves a second start on the same data folder to the open window', async () => {
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    const win = theWindow();
    fake.app.emit('second-instance', {}, argv(), '/', {});
    expect(fake.focused).toBe(win);
    fake.app.quit();

    resetFakeElectron();
    fake.app.hasLock = false;
    expect(startDesk(argv(), paths)).toBe(false);
    expect(fake.app.quitCalled).toBe(true);
    await fake.app.becomeReady();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('stops on a bad option, naming it', () => {
    expect(startDesk(['/opt/ga-desk/ga-desk', '--server', 'ftp://10.0.0.5'], paths)).toBe(false);
    expect(fake.app.exitCode).toBe(2);
    expect(stderr.join('')).toContain('--server must be an http or https URL');
  });

  it('tells the user, in a dialog, when the data folder holds something that is not its database', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const foreign = new Database(path.join(dataDir, 'workstation.sqlite'));
    foreign.exec('CREATE TABLE spreadsheet (a)');
    foreign.close();
    startDesk(argv(), paths);
    await fake.app.becomeReady();
    expect(fake.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0].title).toBe('總務櫃檯無法啟動');
    expect(fake.errorBoxes[0].content).toContain(dataDir);
    expect(fake.errorBoxes[0].content).toContain('is not a database of this app');
  });
});
