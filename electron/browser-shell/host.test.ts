import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiEvent } from '../../domain/api';
import { tempDir } from '../../test/support/fresh-db';
import { startBrowserShell, type BrowserShell } from './host';

let shell: BrowserShell;
let secret: string;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = tempDir('ga-desk-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>GA Desk</title><script type="module" src="./app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  shell = await startBrowserShell({ dataDir: tempDir(), port: 0, version: '9.9.9', backupEveryMinutes: 0, rendererDir });
  secret = new URL(shell.url).hash.replace('#k=', '');
});

afterEach(async () => {
  await shell.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be anything a hostile page or process would send. */
function request(pathname: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: opts.host ?? '127.0.0.1', port: shell.port, path: pathname, method: opts.method ?? 'POST', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function call(name: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(`/api/${name}`, { headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, ...headers }, body: JSON.stringify(args) });
}

/** Resolves with the HTTP status the server answered a WebSocket upgrade with (101 when it opened). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    socket.on('error', reject);
  });
}

describe('browser shell', () => {
  it('answers a call that carries the key with the handler result', async () => {
    const reply = await call('app.info', {});
    expect(reply.status).toBe(200);
    const info = JSON.parse(reply.body);
    expect(info).toMatchObject({ version: '9.9.9', shell: 'browser', locale: 'zh-TW' });
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/#k=[A-Za-z0-9_-]{43}$`));
  });

  it('refuses a call without the key or with a wrong key', async () => {
    const none = await request('/api/app.info', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await call('app.info', {}, { authorization: `Bearer ${secret.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const otherScheme = await call('app.info', {}, { authorization: `Basic ${secret}` });
    expect(otherScheme.status).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding), even with the key', async () => {
    expect((await call('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('app.info', {}, { origin: `http://127.0.0.1:${shell.port + 1}` })).status).toBe(403);
    expect((await call('app.info', {}, { host: `evil.example:${shell.port}` })).status).toBe(403);
    expect((await request('/', { method: 'GET', headers: { host: `evil.example:${shell.port}` } })).status).toBe(403);
    // Our own origin, under either name, is fine.
    expect((await call('app.info', {}, { origin: `http://localhost:${shell.port}`, host: `localhost:${shell.port}` })).status).toBe(200);
  });

  it('opens the event socket only with the key, from our own origin', async () => {
    const base = `ws://127.0.0.1:${shell.port}/events`;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?k=wrong`)).toBe(401);
    expect(await upgradeStatus(`${base}?k=${secret}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${base}?k=${secret}`, { origin: `http://127.0.0.1:${shell.port}` })).toBe(101);
  });

  it('pushes the events of a change to the event socket', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${shell.port}/events?k=${secret}`);
    const events: ApiEvent[] = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as ApiEvent));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));

    const reply = await call('auth.createFirstAdmin', { username: 'admin', displayName: '總務管理員', password: 'a long enough password' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    await expect.poll(() => events.find((e) => e.type === 'changed')).toEqual({ type: 'changed', kinds: ['user'] });
    expect(events.some((e) => e.type === 'session' && e.session.user?.username === 'admin')).toBe(true);
    socket.close();
  });

  it('refuses a malformed body with 400 and writes nothing', async () => {
    const broken = await request('/api/auth.createFirstAdmin', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: '{"username": "admin", "displayName": "x", "password": ',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error).toMatch(/JSON/);

    const badArgs = await call('auth.createFirstAdmin', { username: 'admin', displayName: 'x', password: 'a long enough password', extra: 1 });
    expect(badArgs.status).toBe(400);
    expect(JSON.parse(badArgs.body).error).toMatch(/auth\.createFirstAdmin/);

    expect(JSON.parse((await call('auth.status', {})).body)).toMatchObject({ hasUsers: false });
    expect(shell.workstation.runner.pendingCount()).toBe(0);
  });

  it('answers unknown calls with 404, other methods with 405 and oversized bodies with 413', async () => {
    expect((await call('no.such', {})).status).toBe(404);
    expect((await request('/api/app.info', { method: 'GET', headers: { authorization: `Bearer ${secret}` } })).status).toBe(405);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    expect((await request('/api/app.info', { headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: huge })).status).toBe(413);
  });

  it('serves the screens with a strict content security policy', async () => {
    const page = await request('/', { method: 'GET', headers: { host: `127.0.0.1:${shell.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>GA Desk</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${shell.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const script = await request('/app.js', { method: 'GET' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request('/../../etc/passwd', { method: 'GET' })).status).toBe(404);
    expect((await request('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' })).status).toBe(404);
  });

  it('listens on 127.0.0.1 only', async () => {
    const elsewhere = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    // All of 127/8 is loopback on Linux: a server bound to every address would answer here.
    if (process.platform === 'linux') elsewhere.push('127.0.0.2');
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const address of elsewhere) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: address, port: shell.port });
        s.setTimeout(2000, () => {
          s.destroy();
          resolve('timeout');
        });
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
