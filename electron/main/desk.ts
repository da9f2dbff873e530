/**
 * The Electron shell's lifecycle: one window per data folder, showing our own page,
 * talking to one Workstation through the guarded `api:call` channel. Everything
 * Electron-specific is here and in security.ts; the workstation itself knows nothing
 * of Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { OptionError, parseShellOptions, type ShellOptions } from '../cli-options';
import { Workstation } from '../backend/workstation';
import { translate } from '../../domain/i18n';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from '../preload/channels';
import { applicationMenu, editContextMenu } from './menu';
import { nativeModuleAdvice } from './native-module';
import { getMeta, setMeta } from '../../db/meta';
import { desktopUpdates } from './updates';
import { APP_PAGE, APP_SCHEME, guardApiCalls, hardenSession, installSecurity, registerAppScheme, rendererFileServer, secureWebPreferences } from './security';

export interface DeskPaths {
  /** dist/renderer: the built screens. */
  rendererDir: string;
  /** dist/electron/preload.cjs */
  preload: string;
}

/** main.cjs and preload.cjs sit in dist/electron, the screens in dist/renderer. */
export function bundledPaths(electronDir: string): DeskPaths {
  return { rendererDir: path.join(electronDir, '..', 'renderer'), preload: path.join(electronDir, 'preload.cjs') };
}

function readOptions(argv: readonly string[]): ShellOptions | null {
  try {
    return parseShellOptions(argv);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    process.stderr.write(`GA Desk: ${e.message}\n`);
    return null;
  }
}

/** The installer's application id (build/electron-builder.yml); Windows groups the taskbar button under it. */
export const APP_ID = 'tw.gov.gadesk.desk';

/**
 * Starts the shell. Returns false when it is not going on: bad options, or another
 * window already has this data folder (that window is brought to the front instead).
 */
export function startDesk(argv: readonly string[], paths: DeskPaths): boolean {
  const options = readOptions(argv);
  if (!options) {
    app.exit(2);
    return false;
  }
  registerAppScheme();
  installSecurity();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Chromium's profile, and with it the single-instance lock, lives in the data folder:
  // a second start on the same folder focuses the open window, while a workstation
  // started with another --data-dir runs beside it.
  app.setPath('userData', path.join(options.dataDir, 'electron'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  const devTools = !app.isPackaged;
  let ws: Workstation | null = null;
  let win: BrowserWindow | null = null;
  let updates: ReturnType<typeof desktopUpdates> | null = null;

  const applyLocale = () => {
    if (!ws) return;
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(ws.locale, { devTools })));
    if (win && !win.isDestroyed()) win.setTitle(translate(ws.locale, 'electron.windowTitle'));
  };

  const createWindow = (workstation: Workstation): BrowserWindow => {
    // secureWebPreferences (security.ts, tested in security.test.ts) sets contextIsolation and sandbox; a middle
    // click cannot open anything since hardenWebContents denies every new window.
    // (prettier-ignore keeps the eng-disable on the line electronegativity reports.)
    // prettier-ignore
    const w = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK — set by secureWebPreferences, see above
      title: translate(workstation.locale, 'electron.windowTitle'),
      width: 1366,
      height: 860,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      backgroundColor: '#f5f5f5',
      webPreferences: secureWebPreferences(paths.preload, { devTools }),
    });
    // The title comes from the catalog, not from whatever the page's <title> says.
    w.on('page-title-updated', (event) => event.preventDefault());
    w.once('ready-to-show', () => w.show());
    w.webContents.on('context-menu', (_event, params) => {
      const items = editContextMenu(workstation.locale, params);
      if (items.length > 0) Menu.buildFromTemplate(items).popup({ window: w });
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    w.loadURL(APP_PAGE).catch((e: unknown) => process.stderr.write(`GA Desk: the window could not load ${APP_PAGE}: ${String(e)}\n`));
    return w;
  };

  const fail = (e: unknown) => {
    const advice = nativeModuleAdvice(e);
    if (advice) {
      process.stderr.write(advice);
    } else {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(`GA Desk could not start: ${reason}\n`);
      dialog.showErrorBox(translate('zh-TW', 'electron.startFailed.title'), translate('zh-TW', 'electron.startFailed.body', { dataDir: options.dataDir, reason }));
    }
    app.exit(1);
  };

  const ready = async () => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, rendererFileServer(paths.rendererDir));
    // Updates from the paired sync server (electron/main/updates.ts); reads the workstation once it exists.
    const updater = desktopUpdates({
      feed: () => {
        const serverUrl = ws?.serverUrl;
        const deviceToken = ws && getMeta(ws.db, 'deviceToken');
        return serverUrl && deviceToken ? { serverUrl, deviceToken } : null;
      },
      agreement: { read: () => (ws ? (getMeta(ws.db, 'updateAgreed') ?? null) : null), write: (text) => ws && setMeta(ws.db, 'updateAgreed', text ?? '') },
      onChange: (update) => ws?.emit({ type: 'update', update }),
    });
    ws = new Workstation({ dataDir: options.dataDir, serverUrl: options.serverUrl, shell: 'electron', version: app.getVersion(), updates: updater });
    updates = updater;
    const workstation = ws;
    ipcMain.handle(
      API_CALL_CHANNEL,
      guardApiCalls(
        () => (win && !win.isDestroyed() ? win.webContents : null),
        async (name, args) => {
          const result = await workstation.call(name, args);
          if (name === 'app.setLocale') applyLocale();
          return result;
        },
      ),
    );
    workstation.onEvent((event) => {
      if (win && !win.isDestroyed()) win.webContents.send(API_EVENT_CHANNEL, event);
    });
    applyLocale();
    // An update the user agreed to installs now, before any window: wait for it a little.
    if (updater.hasAgreement()) await Promise.race([updater.check(), new Promise((r) => setTimeout(r, 15_000))]);
    if (updater.installing) return;
    updater.start();
    win = createWindow(workstation);
  };

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (ws && !win) win = createWindow(ws);
  });
  app.on('will-quit', () => {
    updates?.stop();
    ws?.close();
    ws = null;
  });
  app
    .whenReady()
    .then(ready)
    .catch((e: unknown) => fail(e));
  return true;
}
