import { describe, expect, it } from 'vitest';
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

  it('explains its options when given a wrong one', async () => {
    const server = start(['--port', 'eighty']);
    expect(await server.exited).toBe(2);
    expect(server.errors()).toMatch(/--port must be a number[\s\S]*Usage: npm run server/);
  }, 30_000);
});
