/**
 * One sync server and several workstations for the randomized sync tests. Each
 * workstation is the real thing minus its screens: its own SQLite file, the mutation
 * runner (the one write path) and the sync client, talking real HTTP through the
 * FaultyNetwork relay to a real server (in-process, SQLite or PGlite store).
 *
 * Setup skips what is slow on purpose (scrypt sign-ins): users are made by the server's
 * own mutations and devices are enrolled directly in the server's store, with tokens
 * made as the server makes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../../../db/open';
import { addServerLease } from '../../../db/numbers';
import { setMeta } from '../../../db/meta';
import type { Role } from '../../../domain/roles';
import { MutationRunner, type Actor } from '../../../electron/backend/mutation-runner';
import { SyncClient } from '../../../electron/backend/sync/sync-client';
import { SyncServerApi, VERSIONS } from '../../../electron/backend/sync/server-api';
import { buildServer } from '../../../server/app';
import { DEVICE_TOKEN_PREFIX, hashToken, newToken } from '../../../server/auth';
import { insertDevice } from '../../../server/store/auth-data';
import type { SqlDb } from '../../../server/store/sql';
import { runAsServer } from '../../../server/sync';
import type { FaultyNetwork } from './faulty-network';

/** The server's clock stands still at this instant; workstations' writes come after it. */
export const SERVER_NOW = '2026-03-01T00:00:00.000Z';

export interface StationUser {
  id: string;
  username: string;
  roles: Role[];
}

export interface Station {
  index: number;
  name: string;
  db: Db;
  runner: MutationRunner;
  client: SyncClient;
  api: SyncServerApi;
  clientId: string;
  token: string;
  user: StationUser;
  /** The signed-in user as the workstation knows them now (roles from its local copy of the record). */
  actor(): Actor;
  close(): void;
}

export interface World {
  app: FastifyInstance;
  db: SqlDb;
  stations: Station[];
  close(): Promise<void>;
}

let template: string | undefined;

/** Memory-backed when the machine has it: the simulations make and drop hundreds of databases. */
export function simDir(prefix: string): string {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return fs.mkdtempSync(path.join(base, prefix));
}

/** A migrated, empty workstation database, made once and copied for every workstation. */
function workstationTemplate(): string {
  if (!template) {
    const dir = simDir('ga-sim-template-');
    template = path.join(dir, 'workstation.sqlite');
    openDb(template).$client.close();
  }
  return template;
}

/** Removes the template database (after the last world). */
export function removeTemplate(): void {
  if (template) fs.rmSync(path.dirname(template), { recursive: true, force: true });
  template = undefined;
}

export interface WorldOptions {
  network: FaultyNetwork;
  openServerDb: () => Promise<SqlDb>;
  /** Workstation users, one per workstation; made on the server before anyone joins. */
  users: StationUser[];
  /** Runs on the server before the workstations join (the base data, as an administrator). */
  seed: (run: (name: string, args: unknown) => Promise<void>) => Promise<void>;
  /** Printed numbers leased to each workstation at join (0: none, so it gives provisional ones). */
  leaseBookingNumbers?: (index: number) => number;
  /** The year the leased numbers are for. */
  year: number;
  tag: string;
}

export async function makeWorld(opts: WorldOptions): Promise<World> {
  const db = await opts.openServerDb();
  const app = await buildServer({ db, log: false, now: () => new Date(SERVER_NOW) });
  opts.network.reset(app);
  const at = new Date(SERVER_NOW);
  const admin = opts.users.find((u) => u.roles.includes('admin'));
  if (!admin) throw new Error('the world needs an administrator');
  const asAdmin = { userId: admin.id, roles: admin.roles };
  for (const u of opts.users) {
    const problem = await runAsServer(db, 'user.create', { id: u.id, username: u.username, displayName: u.username, roles: u.roles }, asAdmin, at);
    if (problem) throw new Error(`user ${u.username}: ${problem.code}`);
  }
  await opts.seed(async (name, args) => {
    const problem = await runAsServer(db, name, args, asAdmin, at);
    if (problem) throw new Error(`seed ${name}: ${problem.code} ${JSON.stringify(problem.params)}`);
  });

  const stations: Station[] = [];
  for (const [index, user] of opts.users.entries()) {
    const name = `w${index}`;
    const token = newToken(DEVICE_TOKEN_PREFIX);
    await db.write((c) => insertDevice(c, { id: `dev-${opts.tag}-${index}`, name, tokenHash: hashToken(token), enrolledBy: admin.id, at: SERVER_NOW }));
    const dir = simDir('ga-sim-ws-');
    const file = path.join(dir, 'workstation.sqlite');
    fs.copyFileSync(workstationTemplate(), file);
    const wsDb = openDb(file);
    const clientId = `c-${opts.tag}-${index}`;
    setMeta(wsDb, 'clientId', clientId);
    setMeta(wsDb, 'deviceToken', token);
    setMeta(wsDb, 'serverUrl', opts.network.baseUrl(name));
    const runner = new MutationRunner(wsDb);
    runner.joinedToServer = true;
    const api = new SyncServerApi(opts.network.baseUrl(name), 10_000);
    const leased = opts.leaseBookingNumbers?.(index) ?? 0;
    if (leased > 0) {
      const res = await app.inject({
        method: 'POST',
        url: '/leases',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ clientId, ...VERSIONS, kind: 'booking', year: opts.year, count: leased }),
      });
      if (res.statusCode !== 200) throw new Error(`lease: ${res.body}`);
      const lease = JSON.parse(res.body) as { from: number; to: number };
      addServerLease(wsDb, { kind: 'booking', year: opts.year, from: lease.from, to: lease.to });
    }
    const client = new SyncClient(
      () => wsDb,
      () => runner,
      api,
      () => undefined,
    );
    stations.push({
      index,
      name,
      db: wsDb,
      runner,
      client,
      api,
      clientId,
      token,
      user,
      actor: () => ({ userId: user.id, roles: runner.records.getSync('user', user.id)?.roles ?? user.roles, locale: 'zh-TW' }),
      close() {
        client.stop();
        wsDb.$client.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    });
  }

  return {
    app,
    db,
    stations,
    async close() {
      for (const s of stations) s.close();
      await app.close();
      await db.close();
    },
  };
}
