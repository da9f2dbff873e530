import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workstation } from '../backend/workstation';
import { tempDir } from '../../test/support/fresh-db';
import {
  APP_PAGE,
  CONTENT_SECURITY_POLICY,
  guardApiCalls,
  hardenSession,
  hardenWebContents,
  installSecurity,
  isOwnPage,
  registerAppScheme,
  rendererFileServer,
  secureWebPreferences,
} from './security';
import { fake, fakeEvent, FakeSession, FakeWebContents, resetFakeElectron, type FakeFrame } from './testing/fake-electron';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const asContents = (c: FakeWebContents) => c as unknown as WebContents;
const asSession = (s: FakeSession) => s as unknown as Session;
const ipcEvent = (sender: FakeWebContents, frame: FakeFrame | null) =>
  ({ sender, senderFrame: frame, frameId: frame?.routingId ?? 0, processId: frame?.processId ?? 0, type: 'frame' }) as unknown as IpcMainInvokeEvent;

/** A window showing our page, as the shell creates it. */
function appWindowContents(): FakeWebContents {
  const contents = new FakeWebContents();
  contents.mainFrame.url = APP_PAGE;
  return contents;
}

beforeEach(() => resetFakeElectron());

describe('window preferences', () => {
  it('isolate and sandbox the page, with no Node, no webview and no insecure content', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs')).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('allow developer tools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('what the page may do', () => {
  it('cannot open windows', () => {
    const contents = appWindowContents();
    hardenWebContents(asContents(contents));
    for (const url of ['https://example.com/', APP_PAGE, 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('cannot navigate or be redirected away from our page, in any frame', () => {
    const contents = appWindowContents();
    hardenWebContents(asContents(contents));
    const away = ['https://example.com/', 'http://127.0.0.1:8787/api/app.info', 'file:///C:/Windows/win.ini', 'app://other/index.html', 'app://desk/other.html', 'javascript:alert(1)', 'not a url'];
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of away) {
        const e = fakeEvent({ url });
        contents.emit(event, e, url);
        expect({ event, url, prevented: e.defaultPrevented }).toEqual({ event, url, prevented: true });
      }
    }
  });

  it('may navigate within our own page', () => {
    const contents = appWindowContents();
    hardenWebContents(asContents(contents));
    for (const url of [APP_PAGE, `${APP_PAGE}#/settings`, `${APP_PAGE}?lang=en`]) {
      const e = fakeEvent({ url });
      contents.emit('will-navigate', e, url);
      expect({ url, prevented: e.defaultPrevented }).toEqual({ url, prevented: false });
    }
  });

  it('cannot attach a <webview>', () => {
    const contents = appWindowContents();
    hardenWebContents(asContents(contents));
    const e = fakeEvent();
    contents.emit('will-attach-webview', e, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('is refused every permission, asked or checked', () => {
    const ses = new FakeSession();
    hardenSession(asSession(ses));
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const answers: boolean[] = [];
      ses.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), {});
      expect({ permission, answers }).toEqual({ permission, answers: [false] });
      expect(ses.permissionCheckHandler?.(null, permission, 'app://desk', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('gets our CSP on every http(s) response, on top of any CSP the response has', () => {
    const ses = new FakeSession();
    hardenSession(asSession(ses));
    expect(ses.headersListeners).toHaveLength(1);
    const answer = (responseHeaders?: Record<string, string[]>) => {
      let out: Record<string, string[]> | undefined;
      ses.headersListeners[0]({ url: 'https://example.com/', responseHeaders }, (r) => (out = r.responseHeaders));
      return out;
    };
    expect(answer({ 'content-type': ['text/html'] })).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(answer(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(answer({ 'content-security-policy': ["default-src 'none'"] })).toEqual({ 'Content-Security-Policy': ["default-src 'none'", CONTENT_SECURITY_POLICY] });
  });

  it('the CSP allows only our own scripts, styles, images and connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('applies to every webContents the app ever creates, and to its session once', () => {
    installSecurity();
    expect(fake.app.sandboxEnabled).toBe(true);
    const ses = new FakeSession();
    const first = new FakeWebContents(ses);
    const second = new FakeWebContents(ses);
    fake.app.emit('web-contents-created', fakeEvent(), first);
    fake.app.emit('web-contents-created', fakeEvent(), second);
    expect(first.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(second.listenerCount('will-navigate')).toBe(1);
    expect(second.listenerCount('will-attach-webview')).toBe(1);
    expect(ses.permissionRequestHandler).not.toBeNull();
    expect(ses.headersListeners).toHaveLength(1);
  });
});

describe('our page', () => {
  it('is app://desk/index.html, whatever the fragment', () => {
    expect(isOwnPage(APP_PAGE)).toBe(true);
    expect(isOwnPage(`${APP_PAGE}#/maintenance`)).toBe(true);
    expect(isOwnPage('app://desk/')).toBe(false);
    expect(isOwnPage('app://user:pw@desk/index.html')).toBe(false);
    expect(isOwnPage('file:///app/dist/renderer/index.html')).toBe(false);
  });

  it('is served under a privileged scheme that does not bypass the CSP', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }]);
    expect(fake.privilegedSchemes[0].privileges?.bypassCSP).toBeUndefined();
  });
});

describe('the app:// file server', () => {
  let root: string;
  let serve: (request: Request) => Promise<Response>;

  beforeEach(() => {
    const dir = tempDir();
    root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');
    fs.writeFileSync(path.join(root, 'notes.exe'), 'MZ');
    serve = rendererFileServer(root);
  });

  it('serves our page and its assets with their type and the CSP', async () => {
    const page = await serve(new Request(APP_PAGE));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>x</title>');
    const script = await serve(new Request('app://desk/assets/app-1a2b.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('serves nothing outside the renderer folder, from another host, of an unknown type, or for a POST', async () => {
    const refused = [
      new Request('app://desk/../secret.txt'),
      new Request('app://desk/%2e%2e/secret.txt'),
      new Request('app://desk/..%2Fsecret.txt'),
      new Request('app://desk/..%5Csecret.txt'),
      new Request('app://desk/assets/%00.js'),
      new Request('app://other/index.html'),
      new Request('app://desk/notes.exe'),
      new Request('app://desk/missing.js'),
      new Request(APP_PAGE, { method: 'POST', body: 'x' }),
    ];
    for (const request of refused) {
      const response = await serve(request);
      const body = await response.text();
      expect({ url: request.url, method: request.method, ok: response.ok, body }).toEqual({ url: request.url, method: request.method, ok: false, body: '' });
    }
  });
});

describe('the IPC guard', () => {
  let ws: Workstation;
  let main: FakeWebContents;
  let warnings: string[];
  let handle: ReturnType<typeof guardApiCalls>;

  beforeEach(() => {
    ws = new Workstation({ dataDir: tempDir(), shell: 'electron', backupEveryMinutes: 0 });
    main = appWindowContents();
    warnings = [];
    handle = guardApiCalls(
      () => asContents(main),
      (name, args) => ws.call(name, args),
      (m) => warnings.push(m),
    );
  });
  afterEach(() => ws.close());

  it('lets the main window ask the workstation', async () => {
    expect(await handle(ipcEvent(main, main.mainFrame), 'app.setLocale', { locale: 'en' })).toEqual({ ok: true, value: expect.objectContaining({ locale: 'en', shell: 'electron' }) as unknown });
    expect(ws.locale).toBe('en');
  });

  it('refuses another window, a subframe, another page, a frame that is gone, or a closed window, and changes nothing', async () => {
    const other = appWindowContents();
    const senders: [string, IpcMainInvokeEvent][] = [
      ['another window', ipcEvent(other, other.mainFrame)],
      ['a subframe of our page', ipcEvent(main, main.subframe(APP_PAGE))],
      ['a frame of another process', ipcEvent(main, { ...main.mainFrame, processId: 9999 })],
      ['a frame that is gone', ipcEvent(main, null)],
      // Each check on its own: the sender's webContents, then the frame's place in the tree.
      ['another window, whatever frame it names', ipcEvent(other, main.mainFrame)],
      ['a child frame, whatever ids it has', ipcEvent(main, { ...main.mainFrame, parent: main.mainFrame })],
    ];
    for (const url of ['https://example.com/', 'file:///app/dist/renderer/index.html', 'app://desk/other.html']) {
      const elsewhere = appWindowContents();
      elsewhere.mainFrame.url = url;
      const h = guardApiCalls(
        () => asContents(elsewhere),
        (name, args) => ws.call(name, args),
        (m) => warnings.push(m),
      );
      expect(await h(ipcEvent(elsewhere, elsewhere.mainFrame), 'app.setLocale', { locale: 'en' })).toEqual({ ok: false, error: 'refused: the call did not come from the app window' });
    }
    for (const [who, event] of senders) {
      expect({ who, reply: await handle(event, 'app.setLocale', { locale: 'en' }) }).toEqual({ who, reply: { ok: false, error: 'refused: the call did not come from the app window' } });
    }
    main.destroyed = true;
    expect((await handle(ipcEvent(main, main.mainFrame), 'app.setLocale', { locale: 'en' })).ok).toBe(false);
    expect(ws.locale).toBe('zh-TW');
    expect(warnings).toHaveLength(senders.length + 4);
    expect(warnings[0]).toContain('refused an api call from webContents');
  });

  it('refuses a name that is not an API call, saying which', async () => {
    expect(await handle(ipcEvent(main, main.mainFrame), 'db.dropAll', {})).toEqual({ ok: false, error: 'unknown call: db.dropAll' });
    expect(await handle(ipcEvent(main, main.mainFrame), 'constructor', {})).toEqual({ ok: false, error: 'unknown call: constructor' });
    expect(await handle(ipcEvent(main, main.mainFrame), { name: 'app.info' }, {})).toEqual({ ok: false, error: 'unknown call: [object Object]' });
  });

  it('refuses arguments that do not fit the call, naming the call and the field, and changes nothing', async () => {
    const reply = await handle(ipcEvent(main, main.mainFrame), 'app.setLocale', { locale: 'fr' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^app\.setLocale: locale is not valid/);
    const extra = await handle(ipcEvent(main, main.mainFrame), 'app.setLocale', { locale: 'en', admin: true });
    expect(extra.ok).toBe(false);
    const notAnObject = await handle(ipcEvent(main, main.mainFrame), 'app.setLocale', 'DROP TABLE');
    expect(!notAnObject.ok && notAnObject.error).toMatch(/^app\.setLocale: /);
    expect(ws.locale).toBe('zh-TW');
  });
});
