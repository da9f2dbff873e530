/**
 * The browser shell: the workstation backend behind a loopback-only HTTP server, for
 * machines without the Electron binary and for the end-to-end tests. It serves the built
 * renderer and carries the same typed API as Electron's IPC: `POST /api/<name>` and a
 * WebSocket at `/events` for pushed events.
 *
 * Any page and any local process can reach 127.0.0.1, so every API and event request
 * must carry the per-launch secret (handed to the browser in the URL fragment), name our
 * own host (DNS rebinding) and, if it says where it comes from, come from our own origin.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiName } from '../../domain/api';
import { CONTENT_TYPES } from '../content-types';
import { ApiInputError, Workstation } from '../backend/workstation';

export interface BrowserShellOptions {
  dataDir: string;
  /** 0 picks any free port. */
  port: number;
  serverUrl?: string | null;
  version?: string;
  /** Minutes between automatic backups (default 30); 0 turns them off. */
  backupEveryMinutes?: number;
  /** The built renderer; found beside the bundle or in dist/ when not given. */
  rendererDir?: string;
}

export interface BrowserShell {
  /** The address to open, secret included: http://127.0.0.1:<port>/#k=<secret> */
  url: string;
  port: number;
  workstation: Workstation;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

function defaultRendererDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/browser-shell.cjs beside dist/renderer. From source: electron/browser-shell.
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[0];
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // antd writes its styles inline at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Compares two secrets in constant time, whatever their lengths. */
function sameSecret(given: string, secret: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(secret).digest();
  return crypto.timingSafeEqual(a, b);
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const workstation = new Workstation({
    dataDir: options.dataDir,
    serverUrl: options.serverUrl ?? null,
    shell: 'browser',
    version: options.version,
    backupEveryMinutes: options.backupEveryMinutes,
  });
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  const secret = crypto.randomBytes(32).toString('base64url');
  let port = options.port;
  let hosts = new Set<string>();
  let origins = new Set<string>();
  let baseHeaders: Record<string, string> = {};

  /** Host and Origin checks shared by HTTP and the WebSocket upgrade; null when fine. */
  const foreign = (req: http.IncomingMessage): string | null => {
    if (!hosts.has(req.headers.host ?? '')) return 'unexpected Host header';
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return 'unexpected Origin header';
    return null;
  };

  const send = (res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...baseHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...extra });
    res.end(text);
  };

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, { error: 'bad path' });
    }
    const file = path.resolve(rendererDir, '.' + rel);
    if (rel.includes('\0') || !file.startsWith(rendererDir + path.sep)) return send(res, 404, { error: 'not found' });
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        if (rel === '/index.html') {
          // Nothing built yet: say so instead of a bare 404.
          const text = 'The screens are not built yet: run npm run build.\n';
          res.writeHead(404, { ...baseHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
          return res.end(req.method === 'HEAD' ? undefined : text);
        }
        return send(res, 404, { error: 'not found' });
      }
      res.writeHead(200, {
        ...baseHeaders,
        'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };

  const readBody = (req: http.IncomingMessage): Promise<Buffer | 'too large'> =>
    new Promise((resolve, reject) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return resolve('too large');
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          done = true;
          resolve('too large');
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (!done) resolve(Buffer.concat(chunks));
      });
      req.on('error', reject);
    });

  const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice('Bearer '.length), secret)) return send(res, 401, { error: 'missing or wrong key' });
    if (req.method !== 'POST') return send(res, 405, { error: 'only POST' }, { allow: 'POST' });
    if (!/^[A-Za-z][\w.]{0,79}$/.test(name)) return send(res, 404, { error: 'unknown call' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return send(res, 415, { error: 'the body must be application/json' });
    const body = await readBody(req);
    if (body === 'too large') return send(res, 413, { error: `the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB` }, { connection: 'close' });
    let args: unknown;
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'the body is not valid JSON' });
    }
    try {
      send(res, 200, await workstation.call(name as ApiName, args));
    } catch (err) {
      if (err instanceof ApiInputError) return send(res, err.status, { error: err.message });
      // Never the arguments: they may hold passwords or people's data.
      console.error(`[browser-shell] ${name} failed:`, err);
      send(res, 500, { error: 'internal error' });
    }
  };

  const server = http.createServer((req, res) => {
    const problem = foreign(req);
    if (problem) return send(res, 403, { error: problem });
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      serveApi(req, res, pathname.slice('/api/'.length)).catch((err) => {
        console.error('[browser-shell] request failed:', err);
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
        else res.destroy();
      });
      return;
    }
    serveStatic(req, res, pathname);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (foreign(req)) return refuse(socket, 403, 'Forbidden');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/events') return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('k') ?? '', secret)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (client: WebSocket) => {
      // The screens only listen; anything they send is ignored.
      client.on('error', () => client.terminate());
    });
  });

  const stopEvents = workstation.onEvent((event) => {
    const text = JSON.stringify(event);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    stopEvents();
    workstation.close();
    throw err;
  }
  port = (server.address() as { port: number }).port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  baseHeaders = {
    'content-security-policy': contentSecurityPolicy(port),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      stopEvents();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }).then(() => workstation.close()));

  return { url: `http://127.0.0.1:${port}/#k=${secret}`, port, workstation, close };
}
