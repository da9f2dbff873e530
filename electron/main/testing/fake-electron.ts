/**
 * A stand-in for the 'electron' module, for tests only (the Electron binary cannot run
 * on the build machines). It records what the shell asks of Electron and lets a test
 * fire the events Electron would fire. Use it with
 *   vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);
 */
import { EventEmitter } from 'node:events';

/** An Electron event: records preventDefault(). */
export class FakeEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(props?: T) {
    Object.assign(this, props);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export function fakeEvent<T extends object>(props?: T): FakeEvent & T {
  return new FakeEvent(props) as FakeEvent & T;
}

export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: FakeFrame | null;
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListeners: HeadersListener[] = [];
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListeners.push(listener);
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];
  destroyed = false;
  constructor(readonly session: FakeSession = fake.defaultSession) {
    super();
    this.mainFrame = { url: '', processId: this.id + 100, routingId: 1, parent: null };
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  /** A child frame of this page, e.g. an <iframe>. */
  subframe(url: string): FakeFrame {
    return { url, processId: this.mainFrame.processId, routingId: this.mainFrame.routingId + 1, parent: this.mainFrame };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents: FakeWebContents;
  title: string;
  loadedUrl: string | null = null;
  visible = false;
  destroyed = false;
  constructor(readonly options: { title?: string; webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    this.title = options.title ?? '';
    this.webContents = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  show(): void {
    this.visible = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    fake.focused = this;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) fake.app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  hasLock = true;
  quitCalled = false;
  exitCode: number | null = null;
  appUserModelId: string | null = null;
  readonly paths = new Map<string, string>();
  private readyResolve: (() => void) | null = null;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** What Electron does once Chromium is up. */
  async becomeReady(): Promise<void> {
    this.readyResolve?.();
    this.emit('ready');
    // Let the shell's whenReady().then(...) run.
    await new Promise((r) => setTimeout(r, 0));
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  quit(): void {
    this.quitCalled = true;
    this.emit('before-quit', fakeEvent());
    this.emit('will-quit', fakeEvent());
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

type Invoker = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  reply: (channel: string, ...args: unknown[]) => unknown = () => undefined;
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve(this.reply(channel, ...args));
  }
}

interface FakeState {
  app: FakeApp;
  defaultSession: FakeSession;
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
  ipcHandlers: Map<string, Invoker>;
  applicationMenu: { template: unknown[] } | null;
  errorBoxes: { title: string; content: string }[];
  popups: { template: unknown[]; options: unknown }[];
  exposed: Map<string, unknown>;
  ipcRenderer: FakeIpcRenderer;
  focused: FakeBrowserWindow | null;
}

function freshState(): FakeState {
  return {
    app: new FakeApp(),
    defaultSession: new FakeSession(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    applicationMenu: null,
    errorBoxes: [],
    popups: [],
    exposed: new Map(),
    ipcRenderer: new FakeIpcRenderer(),
    focused: null,
  };
}

/** The recorded state; `resetFakeElectron()` starts it over between tests. */
export const fake: FakeState = freshState();

export function resetFakeElectron(): void {
  Object.assign(fake, freshState());
  FakeBrowserWindow.all = [];
}

/** The module object that stands in for `require('electron')`. Getters follow resets. */
export const fakeElectron = {
  get app() {
    return fake.app;
  },
  BrowserWindow: FakeBrowserWindow,
  get session() {
    return { defaultSession: fake.defaultSession };
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: FakeState['privilegedSchemes']) {
      fake.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  ipcMain: {
    handle(channel: string, handler: Invoker) {
      if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.ipcHandlers.set(channel, handler);
    },
  },
  Menu: {
    buildFromTemplate(template: unknown[]) {
      return {
        template,
        popup(options: unknown) {
          fake.popups.push({ template, options });
        },
      };
    },
    setApplicationMenu(menu: { template: unknown[] } | null) {
      fake.applicationMenu = menu;
    },
  },
  dialog: {
    showErrorBox(title: string, content: string) {
      fake.errorBoxes.push({ title, content });
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      if (fake.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      fake.exposed.set(key, api);
    },
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
};
