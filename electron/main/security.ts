/**
 * Every hardening rule of the Electron shell, in one place (Electron's security
 * checklist is the bar). The window shows only our own page; it cannot open windows,
 * navigate away, embed webviews or get any browser permission; every IPC call is
 * checked for its sender and its name before the workstation sees it.
 *
 * Our page is served from a custom scheme, app://desk/, rather than file://
 * (checklist item "avoid file://"): the page gets a real origin, so the CSP's 'self'
 * and the IPC sender check mean exactly "our bundled files"; a file:// page could reach
 * any local file, and ES module scripts are not reliable over file://. The scheme's
 * handler serves only files inside dist/renderer and puts the CSP on every response:
 * Chromium does not run webRequest's header hooks for custom schemes, so the
 * onHeadersReceived hook below only covers anything fetched over http(s).
 */
import { app, protocol, type IpcMainInvokeEvent, type Session, type WebContents, type WebPreferences } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { API_NAMES, type ApiName } from '../../domain/api';
import { CONTENT_TYPES } from '../content-types';
import type { ApiReply } from '../preload/channels';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** The one page the window may show and the only sender the IPC guard trusts. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time (CSS-in-JS), so inline styles must stay allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string, opts: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
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
    devTools: opts.devTools ?? false,
  };
}

/** True only for our own page (any #fragment or ?query; the renderer routes in the fragment). */
export function isOwnPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html' && !parsed.username && !parsed.password;
}

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: a real origin and relative URLs; secure: a secure context like https;
    // corsEnabled: Vite's <script type="module" crossorigin> is fetched in CORS mode.
    // Never bypassCSP.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
}

/**
 * The app:// handler: serves files from inside `rendererDir` only, with the CSP.
 * Anything else (another host, a path that climbs out, an unknown file type, a
 * non-GET request) gets an empty error response.
 */
export function rendererFileServer(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  const refuse = (status: number) => new Response(null, { status, headers: securityHeaders() });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let url: URL;
    let relative: string;
    try {
      url = new URL(request.url);
      relative = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || relative.includes('\0')) return refuse(404);
    const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
    if (!file.startsWith(root + path.sep)) return refuse(404);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!type) return refuse(404);
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { 'Content-Type': type, ...securityHeaders() } });
  };
}

/**
 * Adds our CSP to a response's headers. A CSP the response already carries is kept:
 * with several policies the browser enforces all of them, so this can only tighten.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const existing: string[] = [];
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') existing.push(...values);
    else out[name] = values;
  }
  out['Content-Security-Policy'] = [...existing, CONTENT_SECURITY_POLICY]; // eng-disable CSP_GLOBAL_CHECK — the policy is CONTENT_SECURITY_POLICY above, reviewed: only 'self', inline styles for antd
  return out;
}

/** No new windows, no navigation or redirect away from our page, no <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const hardenedSessions = new WeakSet<Session>();

/** Every permission (camera, notifications, clipboard read, geolocation, USB…) is refused. */
export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}

/** Call once before the app is ready: every webContents ever created gets the rules. */
export function installSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    hardenSession(contents.session);
  });
}

/**
 * An IPC message is trusted only if it comes from the main frame of the main window,
 * showing our own page. Subframes, other windows and other pages are refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, mainContents: WebContents | null): boolean {
  if (!mainContents || mainContents.isDestroyed()) return false;
  if (event.sender.id !== mainContents.id) return false;
  const frame = event.senderFrame;
  const main = mainContents.mainFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOwnPage(frame.url);
}

function describeSender(event: IpcMainInvokeEvent): string {
  const url = event.senderFrame?.url ?? 'a frame that is gone';
  return `webContents ${event.sender.id}, ${url.slice(0, 200)}`;
}

export type ApiCaller = (name: ApiName, args: unknown) => Promise<unknown>;

/**
 * The handler behind `api:call`. The guard checks who is asking and that the name is
 * an API call; the arguments are checked once, by Workstation.call (the authoritative
 * place, shared with the browser shell). Errors come back as a reply, never a throw.
 */
export function guardApiCalls(
  mainContents: () => WebContents | null,
  call: ApiCaller,
  warn: (message: string) => void = (m) => console.warn(m),
): (event: IpcMainInvokeEvent, name: unknown, args: unknown) => Promise<ApiReply> {
  return async (event, name, args) => {
    if (!isTrustedSender(event, mainContents())) {
      warn(`refused an api call from ${describeSender(event)}`);
      return { ok: false, error: 'refused: the call did not come from the app window' };
    }
    if (typeof name !== 'string' || !API_NAMES.includes(name as ApiName)) {
      return { ok: false, error: `unknown call: ${String(name).slice(0, 80)}` };
    }
    try {
      return { ok: true, value: await call(name as ApiName, args) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
