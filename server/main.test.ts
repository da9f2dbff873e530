import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import tls from 'node:tls';
import { tempDir } from '../test/support/fresh-db';
import { spawnServer as start } from '../test/support/server-harness';

describe('npm run server', () => {
  it('starts on SQLite in the data folder with a first administrator, and stops cleanly on SIGTERM', async () => {
    const data = tempDir('ga-sync-main-');
    const server = start(['--data', data, '--port', '0', '--init-admin', 'boss'], { GA_ADMIN_PASSWORD: 'first-admin-pw' });
    const base = await server.listening;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: 'sqlite' });
    const login = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'boss', password: 'first-admin-pw' }) });
    expect(login.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['first administrator created', 'finishing requests in flight, then stopping']));
    expect(server.output()).not.toContain('first-admin-pw');
  }, 30_000);

  it('will not make an administrator without a password, and says where to put it', async () => {
    const server = start(['--data', tempDir('ga-sync-main-'), '--port', '0', '--init-admin', 'boss'], { GA_ADMIN_PASSWORD: '' });
    expect(await server.exited).toBe(2);
    expect(server.errors()).toContain('GA_ADMIN_PASSWORD');
  }, 30_000);

  it('serves HTTPS with its own certificate, prints its fingerprint at start, and `fingerprint` prints the same', async () => {
    const data = tempDir('ga-sync-main-');
    const server = start(['--data', data, '--port', '0', '--https']);
    const base = await server.listening;
    expect(base).toMatch(/^https:/);
    const printed = /fingerprint ([0-9A-F:]{95})/.exec(server.output())?.[1];
    const url = new URL(base);
    const presented = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate().fingerprint256);
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(presented).toBe(printed);
    expect(fs.statSync(path.join(data, 'tls-key.pem')).mode & 0o077).toBe(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const asked = start(['fingerprint', '--data', data]);
    expect(await asked.exited).toBe(0);
    expect(asked.output().trim()).toBe(printed);
  }, 30_000);

  it('explains its options when given a wrong one', async () => {
    const server = start(['--port', 'eighty']);
    expect(await server.exited).toBe(2);
    expect(server.errors()).toMatch(/--port must be a number[\s\S]*Usage: npm run server/);
  }, 30_000);
});
