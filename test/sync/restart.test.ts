/**
 * Two sync server processes (server/main.ts) on one PostgreSQL database, restarted while
 * workstations push: none of the writes is lost or applied twice, and every workstation
 * ends holding exactly the server's data.
 *
 * Four workstations (the real mutation runner and sync client, with their live
 * connections) each reach the servers through a relay of their own that prefers one of
 * the two processes and fails over to the other when it cannot connect, as a LAN name
 * in front of two servers would. While they save and push, server A is stopped with
 * SIGTERM (it finishes the requests in flight) and started again; server B is killed
 * with SIGKILL while a push is in flight to it, started again, and killed once more
 * inside a pushed mutation's transaction (server/faults.ts), then started for good.
 *
 * Runs when DATABASE_URL_TEST names a PostgreSQL server (CI sets it); SQLite has one
 * server process per database, so there is nothing to fail over to.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { setMeta } from '../../db/meta';
import { MutationRunner } from '../../electron/backend/mutation-runner';
import { SyncClient } from '../../electron/backend/sync/sync-client';
import { SyncServerApi } from '../../electron/backend/sync/server-api';
import { openPostgres } from '../../server/store/postgres';
import { tempDir } from '../support/fresh-db';
import { exactlyOnce, readServer, sameAsServer, type SavedWrite } from './support/checks';
import { bundle, removeBundles, run, type Proc } from './support/processes';

const DATABASE_URL = process.env.DATABASE_URL_TEST;
const PASSWORD = 'restart-test-admin-1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP relay for one workstation: each connection goes to the first server in `order`
 * that accepts it. It also tells whether a push is on its way through it to a server
 * and not answered yet (HTTP/1.1, one request at a time per connection).
 */
class FailoverRelay {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  /** Per server port, pushes sent to it and not answered yet. */
  readonly pushing = new Map<number, number>();
  /** Connections that went to the server it prefers second (its first was down). */
  failovers = 0;
  port = 0;

  constructor(private readonly order: () => number[]) {
    this.server = net.createServer((client) => this.relay(client));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  private relay(client: net.Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const targets = this.order();
    const attempt = (i: number) => {
      if (i >= targets.length) return void client.destroy();
      const port = targets[i];
      const upstream = net.connect({ host: '127.0.0.1', port });
      let open = false;
      let waiting = 0;
      upstream.once('connect', () => {
        open = true;
        if (i > 0) this.failovers += 1;
        this.sockets.add(upstream);
        client.on('data', (chunk: Buffer) => {
          if (chunk.subarray(0, 11).toString('latin1') === 'POST /push ') {
            waiting += 1;
            this.pushing.set(port, (this.pushing.get(port) ?? 0) + 1);
          }
          upstream.write(chunk);
        });
        upstream.on('data', (chunk: Buffer) => {
          if (waiting > 0 && chunk.subarray(0, 9).toString('latin1') === 'HTTP/1.1 ') {
            waiting -= 1;
            this.pushing.set(port, (this.pushing.get(port) ?? 1) - 1);
          }
          client.write(chunk);
        });
        client.resume();
      });
      upstream.on('error', () => {
        if (!open) return attempt(i + 1);
        upstream.destroy();
      });
      upstream.on('close', () => {
        this.sockets.delete(upstream);
        if (waiting > 0) this.pushing.set(port, (this.pushing.get(port) ?? waiting) - waiting);
        waiting = 0;
        if (open) client.destroy();
      });
      client.on('close', () => upstream.destroy());
    };
    attempt(0);
  }

  /** Ends every connection: the workstation's next request goes to the server it prefers, if that is up. */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface Desk {
  name: string;
  db: Db;
  clientId: string;
  runner: MutationRunner;
  client: SyncClient;
  relay: FailoverRelay;
  creates: number;
}

let serverBundle = '';
let database: { url: string; drop(): Promise<void> } | null = null;
const dirs: string[] = [];

async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ga_restart_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.skipIf(!DATABASE_URL)('two server processes on one PostgreSQL database, restarted while workstations push', () => {
  beforeAll(async () => {
    serverBundle = await bundle('server/main.ts', 'server');
    database = await freshDatabase(DATABASE_URL!);
  }, 120_000);

  afterAll(async () => {
    removeBundles();
    await database?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('loses no write and applies none twice; every workstation converges', async () => {
    const ports = { a: 0, b: 0 };
    const procs: { a: Proc | null; b: Proc | null } = { a: null, b: null };
    const start = async (which: 'a' | 'b', env: Record<string, string> = {}) => {
      const proc = run(serverBundle, ['--port', String(ports[which]), '--init-admin', 'admin'], { GA_ADMIN_PASSWORD: PASSWORD, DATABASE_URL: database!.url, ...env });
      ports[which] = Number((await proc.waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/))[1]);
      procs[which] = proc;
      return proc;
    };
    await start('a');
    await start('b');

    const api = new SyncServerApi(`http://127.0.0.1:${ports.a}`);
    const login = await api.login('admin', PASSWORD);
    const actor = { userId: login.user.id, roles: ['admin' as const], locale: 'zh-TW' as const };
    const desks: Desk[] = [];
    for (let i = 0; i < 4; i++) {
      const relay = new FailoverRelay(() => (i < 2 ? [ports.a, ports.b] : [ports.b, ports.a]));
      const url = await relay.start();
      const { token } = await api.enroll(login.token, `restart desk ${i}`);
      const dir = tempDir('ga-restart-desk-');
      dirs.push(dir);
      const db = openDb(path.join(dir, 'workstation.sqlite'));
      const clientId = `restart-${i}-${crypto.randomBytes(3).toString('hex')}`;
      setMeta(db, 'clientId', clientId);
      setMeta(db, 'deviceToken', token);
      const runner = new MutationRunner(db);
      runner.joinedToServer = true;
      const client = new SyncClient(
        () => db,
        () => runner,
        new SyncServerApi(url, 5_000),
        () => undefined,
      );
      client.start();
      desks.push({ name: `desk ${i}`, db, clientId, runner, client, relay, creates: 0 });
    }

    const saved: SavedWrite[] = [];
    let writing = true;
    // Each desk saves every few milliseconds and syncs after each save, as a busy desk does.
    const writers = desks.map(async (d, i) => {
      for (let n = 1; writing; n++) {
        const update = n % 4 === 0;
        const name = update ? 'agency.update' : 'agency.create';
        const args = update ? { id: `ag-r${i}-${n - 1}`, phone: `07-${String(n).padStart(7, '0')}` } : { id: `ag-r${i}-${n}`, code: `R${i}N${n}`, nameZh: `重啟測試機關 ${i}-${n}` };
        const r = await d.runner.run(name, args, actor);
        if (!r.ok) throw new Error(r.message);
        if (!update) d.creates += 1;
        saved.push({ clientId: r.clientId, mutationId: r.mutationId, name, args });
        void d.client.syncNow();
        await sleep(10 + crypto.randomInt(0, 20));
      }
    });

    const pushingTo = (port: number) => desks.reduce((n, d) => n + (d.relay.pushing.get(port) ?? 0), 0);
    const waitForPush = async (port: number) => {
      const until = Date.now() + 10_000;
      while (pushingTo(port) === 0 && Date.now() < until) await sleep(1);
      return pushingTo(port) > 0;
    };
    const events: string[] = [];
    try {
      await sleep(800);
      // A: a graceful stop (as systemd's restart does) while pushes flow, then back.
      procs.a!.child.kill('SIGTERM');
      const stopped = await procs.a!.exited;
      events.push(`A stopped by SIGTERM (exit ${stopped.code})`);
      expect(stopped.code).toBe(0);
      await sleep(300);
      await start('a');
      await sleep(800);
      // B: killed outright while a push is on its way to it.
      const inFlight = await waitForPush(ports.b);
      await procs.b!.kill9();
      events.push(`B killed by SIGKILL${inFlight ? ' with a push in flight' : ''}`);
      expect(inFlight).toBe(true);
      await sleep(300);
      // B again, dying inside the transaction of the third mutation pushed to it.
      const faulty = await start('b', { GA_FAULT: 'crash-before-commit', GA_FAULT_AT: '3' });
      // Kept-alive connections went on to A while B was down: the desks that prefer B come back to it.
      for (const d of desks) d.relay.dropConnections();
      const end = await Promise.race([faulty.exited, sleep(15_000).then(() => null)]);
      events.push(`B died inside a push transaction: ${end?.signal ?? 'no'}`);
      expect(end?.signal).toBe('SIGKILL');
      await start('b');
      await sleep(800);
    } finally {
      writing = false;
      await Promise.all(writers);
    }

    // Left alone: every desk pushes the rest and pulls everything (pokes, retries).
    const settled = async () => {
      for (const d of desks) await d.client.syncNow();
      return desks.every((d) => d.runner.pendingCount() === 0 && !d.client.state.lastError);
    };
    for (let i = 0; i < 100 && !(await settled()); i++) await sleep(100);
    for (const d of desks) await d.client.syncNow();
    for (const d of desks) d.client.stop();

    for (const which of ['a', 'b'] as const) {
      procs[which]!.child.kill('SIGTERM');
      expect((await procs[which]!.exited).code).toBe(0);
    }
    for (const d of desks) await d.relay.stop();

    const db = openPostgres(database!.url);
    try {
      const state = await readServer(db);
      const once = exactlyOnce(desks, saved, state);
      const problems = [...once.problems, ...desks.flatMap((d) => sameAsServer(d, state))];
      const agencies = [...(state.records.get('agency')?.keys() ?? [])].filter((id) => id.startsWith('ag-r')).length;
      const creates = desks.reduce((n, d) => n + d.creates, 0);
      const failovers = desks.map((d) => d.relay.failovers);
      console.log(
        `restarts: ${events.join('; ')}; failovers per workstation ${failovers.join(', ')}; ${saved.length} writes by ${desks.length} workstations, ${once.tally.applied} applied; lost ${once.tally.lost}, twice ${once.tally.twice}`,
      );
      expect(problems).toEqual([]);
      expect(once.tally.lost).toBe(0);
      expect(once.tally.twice).toBe(0);
      expect(agencies).toBe(creates);
      expect(saved.length).toBeGreaterThan(100);
      // Every workstation lost its server once and carried on with the other.
      expect(failovers.every((n) => n > 0)).toBe(true);
    } finally {
      await db.close();
      for (const d of desks) d.db.$client.close();
    }
  }, 180_000);
});
