import { afterEach, expect, it } from 'vitest';
import { closeWorkstations, joinedWorkstation, SERVER_ADMIN, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

it('tells the user in minutes how long to wait when the server slows down sign-ins', async () => {
  server = await startSyncServer();
  const ws = await joinedWorkstation(server.url, 'desk A', { firstSync: false });
  await ws.call('auth.logout', {});
  // Someone at another desk of the same address guesses the administrator's password.
  for (let i = 0; i < 5; i++) {
    const r = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: SERVER_ADMIN.username, password: `wrong ${i}` }),
    });
    expect(r.status).toBe(401);
  }
  // Here the server's limit for this name is met: not a wrong password, and said in minutes.
  const limited = await ws.call('auth.login', SERVER_ADMIN);
  expect(limited).toMatchObject({ ok: false, problem: { code: 'login.tooManyAtServer', params: { minutes: 1 } } });
  expect(!limited.ok && limited.message).toBe('登入嘗試過多，伺服器暫停此帳號登入，請 1 分鐘後再試');
}, 60_000);
