import { Writable } from 'node:stream';
import { beforeEach, expect, it } from 'vitest';
import { createFirstAdmin, hasUsers } from './first-admin';
import { migrate } from './store/migrations';
import { headSeq } from './store/sync-data';
import { ADMIN_PASSWORD, describeEachEngine, site, startHarness, VERSIONS, type Harness } from '../test/support/server-harness';

const FORGED = 'gad_' + 'A'.repeat(43);

describeEachEngine('who may talk to the server', (open) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(await open());
  });

  it('refuses a missing, malformed or forged token with 401 and writes nothing', async () => {
    const ws = await h.workstation();
    const head = await h.db.read(headSeq);
    const push = { clientId: 'c1', ...VERSIONS, mutations: [ws.outbox('site.create', site('s1', 'S1'))] };
    for (const token of [undefined, 'nonsense', FORGED, 'gau_' + 'B'.repeat(43), ws.token.slice(0, -1) + (ws.token.endsWith('A') ? 'B' : 'A')]) {
      const r = await h.call('POST', '/push', push, token);
      expect(r.status, String(token)).toBe(401);
      expect(r.body.code).toMatch(/^auth\.(missingToken|invalidToken)$/);
      expect(r.body.message).toBeTruthy();
    }
    const raw = await h.app.inject({ method: 'POST', url: '/pull', headers: { authorization: `Basic ${ws.token}`, 'content-type': 'application/json' }, payload: '{}' });
    expect(raw.statusCode).toBe(401);
    expect(await h.db.read(headSeq)).toBe(head);
  });

  it('refuses a revoked workstation at its next request; another keeps syncing', async () => {
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B');
    expect((await a.pull()).status).toBe(200);
    expect((await h.call('POST', `/devices/${a.deviceId}/revoke`, undefined, h.adminToken)).status).toBe(200);
    const pushed = await a.push([a.outbox('site.create', site('s1', 'S1'))]);
    expect(pushed.status).toBe(401);
    expect(pushed.body).toMatchObject({ code: 'auth.revoked' });
    expect((await a.pull()).status).toBe(401);
    expect((await b.push([b.outbox('site.create', site('s2', 'S2'))])).body).toMatchObject({ lastMutationId: 1 });
    const list = await h.call<{ devices: { id: string; revokedAt: string | null }[] }>('GET', '/devices', undefined, h.adminToken);
    expect(list.body.devices.map((d) => [d.id, d.revokedAt !== null])).toEqual([
      [a.deviceId, true],
      [b.deviceId, false],
    ]);
    expect((await h.call('POST', '/devices/nope/revoke', undefined, h.adminToken)).status).toBe(404);
  });

  it('refuses a revoked user: the token, a new sign-in and the writes a workstation pushes for them', async () => {
    const ws = await h.workstation();
    await ws.push([ws.outbox('user.create', { id: 'u-clerk', username: 'clerk', displayName: '承辦人', roles: ['admin'] })]);
    expect((await h.call('POST', '/users/u-clerk/password', { password: 'clerk-password' }, h.adminToken)).status).toBe(200);
    const login = await h.login('Clerk', 'clerk-password');
    expect(login.status).toBe(200);
    const clerkToken = login.body.token;
    expect((await h.call('GET', '/devices', undefined, clerkToken)).status).toBe(200);

    expect((await h.call('POST', '/users/u-clerk/revoke', undefined, h.adminToken)).status).toBe(200);
    expect((await h.call('GET', '/devices', undefined, clerkToken)).status).toBe(401);
    expect((await h.login('clerk', 'clerk-password')).status).toBe(401);
    await ws.push([ws.outbox('site.create', site('s1', 'S1'), 'u-clerk')]);
    const refusals = (await ws.pullAll()).flatMap((p) => p.refusals);
    expect(refusals).toEqual([{ clientId: ws.clientId, mutationId: 2, problem: { code: 'error.forbidden', params: { action: 'site.create' } } }]);
    // An administrator cannot lock themself out.
    expect((await h.call('POST', `/users/${h.adminId}/revoke`, undefined, h.adminToken)).body).toMatchObject({ code: 'auth.cannotRevokeSelf' });
  });

  it('slows down a flood of sign-ins with 429 and says when to try again', async () => {
    for (let i = 0; i < 5; i++) expect((await h.login('admin', `wrong ${i}`)).status).toBe(401);
    const limited = await h.login('admin', ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'auth.tooManyAttempts' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another name from the same address is still let in.
    expect((await h.login('someone', 'whatever')).status).toBe(401);
  });

  it('locks an account out after repeated failures from any address, and only that account', async () => {
    const strict = await startHarness(await open(), { loginAttemptsPerMinute: 100, lockout: { failures: 3, minutes: 15 } });
    for (let i = 0; i < 3; i++) expect((await strict.login('admin', `wrong ${i}`)).status).toBe(401);
    const locked = await strict.login('admin', ADMIN_PASSWORD);
    expect(locked).toMatchObject({ status: 429, body: { code: 'auth.tooManyAttempts' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await strict.login('someone', 'whatever')).status).toBe(401);
  });

  it('gives each token only its own powers', async () => {
    const ws = await h.workstation();
    await ws.push([ws.outbox('user.create', { id: 'u-viewer', username: 'viewer', displayName: '檢視者', roles: ['viewer'] })]);
    await h.call('POST', '/users/u-viewer/password', { password: 'viewer-password' }, h.adminToken);
    const viewer = (await h.login('viewer', 'viewer-password')).body.token;

    expect((await h.call('POST', '/push', { clientId: 'x', ...VERSIONS, mutations: [] }, h.adminToken)).body).toMatchObject({ code: 'auth.deviceTokenRequired' });
    expect((await h.call('POST', '/devices', { name: 'x' }, ws.token)).body).toMatchObject({ code: 'auth.userTokenRequired' });
    const forbidden = await h.call('POST', '/devices', { name: 'x' }, viewer);
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'auth.forbidden' } });
    // Users set their own password, not someone else's.
    expect((await h.call('POST', '/users/u-viewer/password', { password: 'another-password' }, viewer)).status).toBe(200);
    expect((await h.call('POST', `/users/${h.adminId}/password`, { password: 'taken-over!' }, viewer)).status).toBe(403);
    expect((await h.call('POST', '/users/u-viewer/password', { password: 'short' }, viewer)).body).toMatchObject({ code: 'request.invalid', field: 'password' });
    expect((await h.login('viewer', 'another-password')).status).toBe(200);
  });

  it('ends a session at sign-out', async () => {
    const token = (await h.login('admin', ADMIN_PASSWORD)).body.token;
    expect((await h.call('POST', '/logout', undefined, token)).status).toBe(200);
    expect((await h.call('GET', '/devices', undefined, token)).status).toBe(401);
    expect((await h.call('GET', '/devices', undefined, h.adminToken)).status).toBe(200);
  });

  it('makes a first administrator only on a server without users, and only with a long enough password', async () => {
    expect(await createFirstAdmin(h.db, 'intruder', 'long enough password')).toEqual({ created: false, reason: 'usersExist' });
    const fresh = await open();
    await migrate(fresh);
    await expect(createFirstAdmin(fresh, 'boss', 'short')).rejects.toThrow(/GA_ADMIN_PASSWORD/);
    expect(await hasUsers(fresh)).toBe(false);
  });

  it('refuses a session once it has expired', async () => {
    let now = new Date('2022-01-31T08:00:00Z');
    const db = await open();
    const timed = await startHarness(db, { now: () => now, sessionHours: 1 });
    expect((await timed.call('GET', '/devices', undefined, timed.adminToken)).status).toBe(200);
    now = new Date('2022-01-31T09:00:01Z');
    expect((await timed.call('GET', '/devices', undefined, timed.adminToken)).body).toMatchObject({ code: 'auth.expired' });
  });

  it('never writes a password or token into the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await startHarness(await open(), { log: { level: 'trace', stream } });
    const ws = await logged.workstation();
    await ws.push([ws.outbox('site.create', site('s1', 'S1'))]);
    await logged.login('admin', 'a wrong password');
    await logged.call('POST', '/push', '{"broken', ws.token);
    await logged.call('POST', '/users/nobody/password', { password: 'secret-new-password' }, logged.adminToken);
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [ADMIN_PASSWORD, 'a wrong password', 'secret-new-password', ws.token, logged.adminToken]) expect(all).not.toContain(secret);
  });
});
