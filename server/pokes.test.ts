import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { buildServer } from './app';
import { PokeHub } from './pokes';
import { POKE, pokeCovers } from '../domain/sync-protocol';
import { connectEvents, describeEachEngine, listening, site, spawnServer, startHarness, VERSIONS, type EventsClient } from '../test/support/server-harness';

const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pokeOf = (message: string) => JSON.parse(message) as { type: string; from?: string; to?: string; changes?: { kind: string; id: string; data: unknown }[] };
/** The hub composes a poke before sending it: let that run. */
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describeEachEngine('live pokes', (open, engine) => {
  const clients: EventsClient[] = [];
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.terminate();
    for (const close of closers.splice(0)) await close();
  });
  const connect = async (base: string, token: string, opts?: { autoPong?: boolean }) => {
    const c = await connectEvents(base, token, opts);
    clients.push(c);
    // Right after connecting: one poke, so a workstation that was away catches up.
    expect(await c.next()).toBe(POKE);
    return c;
  };

  it('a push pokes the other connected workstations at once, not the one that pushed; a refused one pokes nobody', async () => {
    const h = await startHarness(await open());
    const base = await listening(h.app);
    closers.push(() => h.app.close());
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B');
    const c = await h.workstation('desk C');
    const [onA, onB, onC] = [await connect(base, a.token), await connect(base, b.token), await connect(base, c.token)];

    const started = performance.now();
    const pushed = a.push([a.outbox('site.create', site('s1', 'S1'))]);
    expect(pokeOf(await onB.next(1000)).type).toBe('poke');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(pokeOf(await onC.next(1000)).type).toBe('poke');
    expect((await pushed).body).toMatchObject({ processed: 1 });
    await quiet(80);
    expect(onA.messages).toEqual([POKE]);

    // A duplicate code: refused, nothing changed that B or C hold.
    await a.push([a.outbox('site.create', site('s2', 'S1'))]);
    await quiet(80);
    expect([onA.messages.length, onB.messages.length, onC.messages.length]).toEqual([1, 2, 2]);
  });

  it('a poke carries the changes since the one before, as a pull from its `from` cursor gives them; too many, and it only says pull', async () => {
    const h = await startHarness(await open());
    const base = await listening(h.app);
    closers.push(() => h.app.close());
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B');
    const onB = await connect(base, b.token);
    await a.push([a.outbox('site.create', site('s0', 'S0'))]);
    await quiet(80);
    const held = (await b.pullAll()).at(-1)!.cursor;
    /** The pokes B hears while `work` runs, once they have all arrived. */
    const pokesDuring = async (work: () => Promise<unknown>) => {
      const before = onB.messages.length;
      await work();
      await quiet(80);
      return onB.messages.slice(before).map(pokeOf);
    };

    /** What a workstation at `cursor` following the rules (pokeCovers) ends with: the cursor and the sites it applied, or null when it had to pull. */
    const follow = (cursor: string, pokes: ReturnType<typeof pokeOf>[]) => {
      const sites: string[] = [];
      for (const p of pokes) {
        if (p.changes === undefined) return null;
        const covers = pokeCovers(cursor, { from: p.from!, to: p.to! });
        if (covers === 'pull') return null;
        if (covers === 'have') continue;
        sites.push(...p.changes.filter((c) => c.kind === 'site').map((c) => c.id));
        cursor = p.to!;
      }
      return { cursor, sites };
    };

    const pokes = await pokesDuring(() => a.push([a.outbox('site.create', site('s1', 'S1')), a.outbox('site.create', site('s2', 'S2'))]));
    const pulled = await b.pullAll(held);
    const head = pulled.at(-1)!.cursor;
    // Following the pokes alone, the workstation holds what a pull from its cursor gives.
    expect(follow(held, pokes)).toEqual({ cursor: head, sites: ['s1', 's2'] });

    const next = await pokesDuring(() => a.push([a.outbox('site.update', { id: 's1', nameZh: 'S1 新館' })]));
    expect(follow(head, next)?.sites).toEqual(['s1']);
    expect(next.flatMap((p) => p.changes ?? []).find((c) => c.kind === 'site')).toMatchObject({ id: 's1', data: { nameZh: 'S1 新館' } });
  });

  if (engine.name !== 'SQLite') {
    it('two server processes on one database: a push to one pokes a workstation connected to the other (LISTEN/NOTIFY)', async () => {
      const db = await open();
      const h = await startHarness(db);
      const second = await buildServer({ db: engine.twin(db), log: false });
      const base = await listening(second);
      closers.push(() => second.close());
      const a = await h.workstation('desk A');
      const b = await h.workstation('desk B');
      const onB = await connect(base, b.token);
      const started = performance.now();
      const pushed = a.push([a.outbox('site.create', site('s1', 'S1'))]);
      expect(pokeOf(await onB.next(2000)).type).toBe('poke');
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await pushed).body).toMatchObject({ processed: 1 });
      // B's pull then has the change.
      expect((await b.pullAll()).flatMap((p) => p.changes).some((ch) => ch.kind === 'site' && ch.id === 's1')).toBe(true);
    });
  }

  /** Resolves with the close code and reason, or 'still open' after `ms`. */
  const closing = (c: EventsClient, ms = 1000) =>
    Promise.race([new Promise<string>((resolve) => c.socket.once('close', (code, reason) => resolve(`${code} ${String(reason)}`))), quiet(ms).then(() => 'still open')]);

  it('revoking a workstation closes its live connection at once (4401 auth.revoked); the others stay open and keep hearing pokes', async () => {
    const h = await startHarness(await open());
    const base = await listening(h.app);
    closers.push(() => h.app.close());
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B');
    const c = await h.workstation('desk C');
    const [onA, onB] = [await connect(base, a.token), await connect(base, b.token)];
    const onASecond = await connect(base, a.token);
    const closedA = [closing(onA), closing(onASecond)];
    const started = performance.now();
    expect((await h.call('POST', `/devices/${a.deviceId}/revoke`, undefined, h.adminToken)).status).toBe(200);
    expect(await Promise.all(closedA)).toEqual(['4401 auth.revoked', '4401 auth.revoked']);
    expect(performance.now() - started).toBeLessThan(1000);
    await quiet(80);
    expect(onB.socket.readyState).toBe(onB.socket.OPEN);
    await c.push([c.outbox('site.create', site('s1', 'S1'))]);
    expect(pokeOf(await onB.next(1000)).type).toBe('poke');
  });

  if (engine.name !== 'SQLite') {
    it("two server processes on one database: revoking through one closes the workstation's connection to the other", async () => {
      const db = await open();
      const h = await startHarness(db);
      const second = await buildServer({ db: engine.twin(db), log: false });
      const base = await listening(second);
      closers.push(() => second.close());
      const a = await h.workstation('desk A');
      const b = await h.workstation('desk B');
      const [onA, onB] = [await connect(base, a.token), await connect(base, b.token)];
      const closedA = closing(onA, 2000);
      const started = performance.now();
      expect((await h.call('POST', `/devices/${a.deviceId}/revoke`, undefined, h.adminToken)).status).toBe(200);
      expect(await closedA).toBe('4401 auth.revoked');
      expect(performance.now() - started).toBeLessThan(1000);
      await quiet(80);
      expect(onB.socket.readyState).toBe(onB.socket.OPEN);
    });
  }

  it("takes only an enrolled workstation's token, and says so", async () => {
    const h = await startHarness(await open());
    const base = await listening(h.app);
    closers.push(() => h.app.close());
    const a = await h.workstation('desk A');
    const refusal = (token: string | undefined) =>
      connectEvents(base, token).then(
        (c) => (c.socket.terminate(), { status: 101, body: '' }),
        (e: { status: number; body: string }) => ({ status: e.status, body: e.body }),
      );
    expect(await refusal(undefined)).toMatchObject({ status: 401, body: expect.stringContaining('auth.missingToken') });
    expect(await refusal('gad_' + 'A'.repeat(43))).toMatchObject({ status: 401, body: expect.stringContaining('auth.invalidToken') });
    expect(await refusal(h.adminToken)).toMatchObject({ status: 403, body: expect.stringContaining('auth.deviceTokenRequired') });
    expect((await h.call('POST', `/devices/${a.deviceId}/revoke`, undefined, h.adminToken)).status).toBe(200);
    expect(await refusal(a.token)).toMatchObject({ status: 401, body: expect.stringContaining('auth.revoked') });
    const plain = await fetch(`${base}/events`);
    expect(plain.status).toBe(426);
    expect(await plain.json()).toMatchObject({ code: 'events.upgradeRequired' });
  });

  it('closes a connection that stops answering pings; one that answers stays', async () => {
    const h = await startHarness(await open(), { heartbeatMs: 40 });
    const base = await listening(h.app);
    closers.push(() => h.app.close());
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B');
    const dead = await connect(base, a.token, { autoPong: false });
    const alive = await connect(base, b.token);
    expect(await Promise.race([dead.closed, quiet(2000).then(() => 'still open')])).toBe(1006);
    await quiet(150);
    expect(alive.socket.readyState).toBe(alive.socket.OPEN);
  });

  it('closes live connections when the server stops, and stops in time', async () => {
    const h = await startHarness(await open());
    const base = await listening(h.app);
    const a = await h.workstation('desk A');
    const onA = await connect(base, a.token);
    const started = performance.now();
    await h.app.close();
    expect(await onA.closed).toBe(1001);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('the poke hub', () => {
  /** A socket as the hub sees one: it only sends, pings and hears pongs and close. */
  const socket = () =>
    Object.assign(new EventEmitter(), {
      OPEN: 1,
      readyState: 1,
      sent: [] as string[],
      send(m: string) {
        this.sent.push(m);
      },
      ping() {},
      terminate() {},
      close() {},
    });

  it('sends pokes close together as one at the end of a short window; the workstation that alone made them is not poked', async () => {
    vi.useFakeTimers();
    try {
      const hub = new PokeHub();
      const a = socket();
      const b = socket();
      hub.add(a as unknown as WebSocket, 'A');
      hub.add(b as unknown as WebSocket, 'B');
      for (let i = 0; i < 200; i++) hub.poke('A');
      await flush();
      expect([a.sent.length, b.sent.length]).toEqual([1, 2]);
      vi.advanceTimersByTime(1000);
      await flush();
      expect([a.sent.length, b.sent.length]).toEqual([1, 3]);
      // Changes from two workstations close together: each hears of the other's.
      hub.poke('A');
      hub.poke('B');
      vi.advanceTimersByTime(1000);
      await flush();
      expect([a.sent.length, b.sent.length]).toEqual([2, 4]);
      hub.poke('A');
      hub.poke('A');
      hub.poke('B');
      vi.advanceTimersByTime(1000);
      await flush();
      expect([a.sent.length, b.sent.length]).toEqual([3, 6]);
      expect(new Set([...a.sent, ...b.sent])).toEqual(new Set([POKE]));
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * Two real server processes on one PostgreSQL database: only with DATABASE_URL_TEST (the
 * server .ci/run starts), as PGlite cannot be shared between processes.
 */
const url = process.env.DATABASE_URL_TEST;

if (url) {
  describe('two server processes on one PostgreSQL', () => {
    const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
    const processes: ReturnType<typeof spawnServer>[] = [];
    afterAll(async () => {
      for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    });

    it('a push to one process pokes a workstation connected to the other, both ways, within a second; a revocation through one closes the connection to the other', async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.end();
      const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const env = { DATABASE_URL: databaseUrl, GA_ADMIN_PASSWORD: 'two-process-pw' };
      const first = spawnServer(['--port', '0', '--init-admin', 'boss'], env);
      processes.push(first);
      const baseA = await first.listening;
      const second = spawnServer(['--port', '0'], env);
      processes.push(second);
      const baseB = await second.listening;

      const post = async (base: string, path: string, body: unknown, token?: string) => {
        const r = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: (await r.json()) as unknown };
      };
      const login = await post(baseA, '/login', { username: 'boss', password: 'two-process-pw' });
      expect(login.status).toBe(200);
      const admin = login.body as { token: string; user: { id: string } };
      const enroll = async (name: string) => ((await post(baseA, '/devices', { name }, admin.token)).body as { token: string }).token;
      const [x, y] = [await enroll('desk X'), await enroll('desk Y')];

      const onY = await connectEvents(baseB, y);
      const onX = await connectEvents(baseA, x);
      try {
        expect(await onY.next()).toBe(POKE);
        expect(await onX.next()).toBe(POKE);
        const pushVia = (base: string, token: string, clientId: string, id: string) =>
          post(
            base,
            '/push',
            { clientId, ...VERSIONS, mutations: [{ mutationId: 1, name: 'site.create', args: site(id, id.toUpperCase()), at: new Date().toISOString(), userId: admin.user.id }] },
            token,
          );

        let started = performance.now();
        const toA = pushVia(baseA, x, 'client-x', 's1');
        expect(pokeOf(await onY.next(1000)).type).toBe('poke');
        expect(performance.now() - started).toBeLessThan(1000);
        expect((await toA).body).toMatchObject({ processed: 1 });

        started = performance.now();
        const toB = pushVia(baseB, y, 'client-y', 's2');
        expect(pokeOf(await onX.next(1000)).type).toBe('poke');
        expect(performance.now() - started).toBeLessThan(1000);
        expect((await toB).body).toMatchObject({ processed: 1 });

        const pulled = await post(baseB, '/pull', { clientId: 'client-y', ...VERSIONS, cursor: '' }, y);
        expect((pulled.body as { changes: { kind: string; id: string }[] }).changes.filter((c) => c.kind === 'site').map((c) => c.id)).toEqual(['s1', 's2']);

        // Revoking Y through the first process closes Y's connection to the second at once; X's stays.
        const devices = (await fetch(`${baseA}/devices`, { headers: { authorization: `Bearer ${admin.token}` } }).then((r) => r.json())) as { devices: { id: string; name: string }[] };
        const yId = devices.devices.find((d) => d.name === 'desk Y')!.id;
        const closedY = new Promise<string>((resolve) => onY.socket.once('close', (code, reason) => resolve(`${code} ${String(reason)}`)));
        started = performance.now();
        expect((await post(baseA, `/devices/${yId}/revoke`, {}, admin.token)).status).toBe(200);
        expect(await Promise.race([closedY, quiet(2000).then(() => 'still open')])).toBe('4401 auth.revoked');
        expect(performance.now() - started).toBeLessThan(1000);
        await quiet(80);
        expect(onX.socket.readyState).toBe(onX.socket.OPEN);
      } finally {
        onX.socket.terminate();
        onY.socket.terminate();
      }
      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      expect([await first.exited, await second.exited]).toEqual([0, 0]);
    }, 60_000);
  });
}
