/**
 * Crashes with real processes, counted: writes lost and writes applied twice must both
 * be 0.
 * - The workstation backend (its own process, the real Workstation) is killed with
 *   SIGKILL at random moments, mostly while a push is in flight, and started again on
 *   the same data folder; at least 20 kills land mid-push.
 * - The sync server (its own process, server/main.ts) dies inside a pushed mutation's
 *   transaction, after the mutator ran and before COMMIT (server/faults.ts), at least 20
 *   times; it is started again on the same data and the workstation pushes again.
 * Afterwards the server's records, history and mutation results and the workstation's
 * database are compared: every write processed once, the workstation equal to the server.
 *
 *   SYNC_FAULT_KILLS=100   more kills of each kind (default 20)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { setMeta } from '../../db/meta';
import { MutationRunner } from '../../electron/backend/mutation-runner';
import { SyncClient } from '../../electron/backend/sync/sync-client';
import { SyncServerApi } from '../../electron/backend/sync/server-api';
import pg from 'pg';
import { openPostgres } from '../../server/store/postgres';
import type { SqlDb } from '../../server/store/sql';
import { openSqlite } from '../../server/store/sqlite';
import { tempDir } from '../support/fresh-db';
import { exactlyOnce, readServer, sameAsServer, type SavedWrite } from './support/checks';
import { bundle, PushWatch, removeBundles, run, type Proc } from './support/processes';
import { Random } from './support/random';

const KILLS = Number(process.env.SYNC_FAULT_KILLS ?? 20);
const PASSWORD = 'fault-test-admin-1';
const seed = Number(process.env.SYNC_SEED ?? Date.now() % 1_000_000);
const rnd = new Random(seed);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let deskBundle = '';
let serverBundle = '';
const dirs: string[] = [];
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  console.log(`faults: seed ${seed} (SYNC_SEED=${seed} repeats the same kill plan)`);
  [deskBundle, serverBundle] = await Promise.all([bundle('test/sync/support/desk-process.ts', 'desk'), bundle('server/main.ts', 'server')]);
}, 120_000);

afterAll(() => {
  removeBundles();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Signs in as the administrator and enrolls a workstation: its device token. */
async function enroll(url: string): Promise<{ token: string; adminId: string }> {
  const api = new SyncServerApi(url);
  const login = await api.login('admin', PASSWORD);
  const { token } = await api.enroll(login.token, `fault desk ${crypto.randomBytes(3).toString('hex')}`);
  return { token, adminId: login.user.id };
}

function savedLines(out: string): SavedWrite[] {
  return [...out.matchAll(/^saved (\S+) (\d+)$/gm)].map((m) => ({ clientId: m[1], mutationId: Number(m[2]), name: '', args: {} }));
}

/** Agencies the workstation created: each exactly once on the server, none that were never made. */
function agenciesOnce(server: Awaited<ReturnType<typeof readServer>>, creates: number): string[] {
  const agencies = [...(server.records.get('agency')?.keys() ?? [])].filter((id) => id.startsWith('ag-'));
  const applied = server.results.filter((r) => r.ok && r.name === 'agency.create').length;
  return agencies.length === applied && applied === creates ? [] : [`${agencies.length} agencies on the server, ${applied} creates applied, ${creates} made`];
}

describe('a workstation backend killed with SIGKILL mid-push', () => {
  it(`loses no write and applies none twice over ${KILLS}+ kills mid-push`, async () => {
    const serverData = dir('ga-fault-server-');
    const server = run(serverBundle, ['--data', serverData, '--port', '0', '--init-admin', 'admin'], { GA_ADMIN_PASSWORD: PASSWORD });
    const port = Number((await server.waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const watch = new PushWatch(() => port);
    const url = await watch.start();
    try {
      const { token, adminId } = await enroll(url);
      const data = dir('ga-fault-desk-');
      const args = (life: number, writes: number) => ['--data', data, '--server', url, '--token', token, '--user', adminId, '--writes', String(writes), '--life', String(life)];
      const saved: SavedWrite[] = [];
      let midPush = 0;
      let kills = 0;
      let life = 0;
      const started = Date.now();
      while ((midPush < KILLS || kills < KILLS + 5) && life < KILLS * 4) {
        life += 1;
        const desk: Proc = run(deskBundle, args(life, 40));
        await desk.waitFor(/^ready$/m);
        const before = watch.pushes;
        // Mostly: a few milliseconds after this life's first push goes out; else at any moment.
        if (rnd.chance(0.8)) {
          const until = Date.now() + 5_000;
          while (watch.pushes === before && Date.now() < until && desk.child.exitCode === null) await sleep(1);
          await sleep(rnd.int(0, 30));
        } else {
          await sleep(rnd.int(0, 600));
        }
        const pushing = watch.inFlight > 0;
        await desk.kill9();
        kills += 1;
        if (pushing) midPush += 1;
        if (process.env.SYNC_FAULT_DEBUG) console.log(`life ${life}: pushes ${watch.pushes - before}, in flight ${pushing}`);
        saved.push(...savedLines(desk.output()));
        if (/desk failed/.test(desk.output())) throw new Error(desk.output());
      }
      // Once more, left alone: it pushes what is left and pulls everything.
      const last = run(deskBundle, args(life + 1, 0));
      await last.waitFor(/^synced$/m, 120_000);
      expect(await last.exited).toEqual({ code: 0, signal: null });
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);

      const local = openDb(path.join(data, 'workstation.sqlite'));
      const db = openSqlite(serverData);
      try {
        const clientId = (local.$client.prepare("SELECT value FROM meta WHERE key = 'clientId'").get() as { value: string }).value;
        const state = await readServer(db);
        const desk = { name: 'desk', db: local, clientId };
        const once = exactlyOnce([desk], saved, state, false);
        const problems = [...once.problems, ...sameAsServer(desk, state)];
        // Creates made in the last moment before a kill were never printed: the workstation's own history counts them.
        const made = (local.$client.prepare("SELECT count(*) AS n FROM audit WHERE mutation = 'agency.create' AND client_id = ?").get(clientId) as { n: number }).n;
        problems.push(...agenciesOnce(state, made));
        console.log(
          `faults (workstation): ${kills} kills, ${midPush} while a push was in flight, ${saved.length} writes reported saved, ` +
            `${state.results.filter((r) => r.clientId === clientId).length} processed; lost ${once.tally.lost}, twice ${once.tally.twice}; ${Math.round((Date.now() - started) / 1000)} s`,
        );
        expect(problems).toEqual([]);
        expect(once.tally.lost).toBe(0);
        expect(once.tally.twice).toBe(0);
        expect(midPush).toBeGreaterThanOrEqual(KILLS);
      } finally {
        local.$client.close();
        await db.close();
      }
    } finally {
      await watch.stop();
      await server.kill9();
    }
  }, 600_000);
});

interface ServerStore {
  /** The server process's environment and arguments for this store. */
  env: Record<string, string>;
  args: string[];
  open(): SqlDb;
  drop(): Promise<void>;
}

const sqliteStore = (): ServerStore => {
  const data = dir('ga-fault-server-proc-');
  return { env: {}, args: ['--data', data], open: () => openSqlite(data), drop: async () => undefined };
};

/** A database of its own on the PostgreSQL of DATABASE_URL_TEST, as `npm run server` with DATABASE_URL uses it. */
async function postgresStore(url: string): Promise<ServerStore> {
  const name = `ga_fault_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: own.toString() },
    args: [],
    open: () => openPostgres(own.toString()),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.each([
  { engine: 'SQLite', store: async () => sqliteStore() },
  ...(process.env.DATABASE_URL_TEST ? [{ engine: 'PostgreSQL', store: () => postgresStore(process.env.DATABASE_URL_TEST!) }] : []),
])('the sync server killed between BEGIN and COMMIT ($engine)', ({ store: makeStore }) => {
  it(`loses no write and applies none twice over ${KILLS} crashes`, async () => {
    const store = await makeStore();
    let port = 0;
    const startServer = async (faultAt: number | null): Promise<Proc> => {
      const proc = run(serverBundle, [...store.args, '--port', String(port), '--init-admin', 'admin'], {
        GA_ADMIN_PASSWORD: PASSWORD,
        ...store.env,
        ...(faultAt === null ? {} : { GA_FAULT: 'crash-before-commit', GA_FAULT_AT: String(faultAt) }),
      });
      const m = await proc.waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      port = Number(m[1]);
      return proc;
    };

    let server = await startServer(null);
    const url = `http://127.0.0.1:${port}`;
    const { token, adminId } = await enroll(url);
    await server.kill9();

    const deskDir = dir('ga-fault-desk-inproc-');
    const local = openDb(path.join(deskDir, 'workstation.sqlite'));
    const clientId = `fault-${seed}`;
    setMeta(local, 'clientId', clientId);
    setMeta(local, 'deviceToken', token);
    const runner = new MutationRunner(local);
    runner.joinedToServer = true;
    const client = new SyncClient(
      () => local,
      () => runner,
      new SyncServerApi(url, 10_000),
      () => undefined,
    );
    const actor = { userId: adminId, roles: ['admin' as const], locale: 'zh-TW' as const };
    const saved: SavedWrite[] = [];
    let creates = 0;
    let n = 0;
    const write = async () => {
      n += 1;
      const update = n % 5 === 0;
      const r = update
        ? await runner.run('agency.update', { id: `ag-${n - 1}`, phone: `07-${String(n).padStart(7, '0')}` }, actor)
        : await runner.run('agency.create', { id: `ag-${n}`, code: `S${n}`, nameZh: `伺服器測試機關 ${n}` }, actor);
      if (!r.ok) throw new Error(r.message);
      if (!update) creates += 1;
      saved.push({ clientId: r.clientId, mutationId: r.mutationId, name: update ? 'agency.update' : 'agency.create', args: {} });
    };

    let crashes = 0;
    const started = Date.now();
    try {
      for (let life = 0; crashes < KILLS && life < KILLS * 2; life++) {
        const fresh = rnd.int(3, 25);
        for (let i = 0; i < fresh; i++) await write();
        // Writes made since the last push are surely unprocessed: the crash lands inside this push.
        server = await startServer(rnd.int(1, fresh));
        await client.syncNow();
        if (!client.state.lastError) {
          await server.kill9();
          continue;
        }
        const end = await server.exited;
        if (end.signal === 'SIGKILL') crashes += 1;
      }
      // Back for good: the workstation pushes the rest and pulls everything.
      server = await startServer(null);
      for (let i = 0; i < 50 && (runner.pendingCount() > 0 || client.state.lastError || i === 0); i++) {
        await client.syncNow();
        if (runner.pendingCount() > 0) await sleep(100);
      }
      client.stop();
      server.child.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);

      const db = store.open();
      try {
        const state = await readServer(db);
        const desk = { name: 'desk', db: local, clientId };
        const once = exactlyOnce([desk], saved, state);
        const problems = [...once.problems, ...sameAsServer(desk, state), ...agenciesOnce(state, creates)];
        console.log(
          `faults (server): ${crashes} crashes inside a push transaction, ${saved.length} writes, ${once.tally.applied} applied, ${once.tally.refused} refused; ` +
            `lost ${once.tally.lost}, twice ${once.tally.twice}; ${Math.round((Date.now() - started) / 1000)} s`,
        );
        expect(problems).toEqual([]);
        expect(once.tally.lost).toBe(0);
        expect(once.tally.twice).toBe(0);
        expect(crashes).toBeGreaterThanOrEqual(KILLS);
      } finally {
        await db.close();
      }
    } finally {
      client.stop();
      await server.kill9();
      local.$client.close();
      await store.drop();
    }
  }, 600_000);
});
