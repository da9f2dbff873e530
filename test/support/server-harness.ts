/**
 * For the server's tests: the storage engines every suite runs on, and a harness that
 * starts a server on a fresh database with an administrator and an enrolled workstation.
 * SQLite and PGlite always; a real PostgreSQL server too when DATABASE_URL_TEST is set.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { completeBookingArgs } from './booking-args';
import { tempDir } from './fresh-db';
import { buildServer, type ServerOptions } from '../../server/app';
import { newId } from '../../domain/ids';
import { hashToken, newToken, USER_TOKEN_PREFIX } from '../../server/auth';
import { makeVerifier } from '../../db/passwords';
import { insertSession, setVerifier } from '../../server/store/auth-data';
import { runAsServer } from '../../server/sync';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type PullResponse } from '../../domain/sync-protocol';
import { openPglite, openPostgres } from '../../server/store/postgres';
import type { SqlDb } from '../../server/store/sql';
import { openSqlite } from '../../server/store/sqlite';

interface Engine {
  name: string;
  start(): Promise<void>;
  /** A fresh, empty database. */
  open(): Promise<SqlDb>;
  /** A second handle on the same database, as a second server process would have. */
  twin(db: SqlDb): SqlDb;
  stop(): Promise<void>;
}

const schemaName = () => `t_${crypto.randomBytes(6).toString('hex')}`;

function sqliteEngine(): Engine {
  const dirs = new WeakMap<SqlDb, string>();
  return {
    name: 'SQLite',
    start: async () => undefined,
    async open() {
      const dir = tempDir('ga-sync-');
      const db = openSqlite(dir);
      dirs.set(db, dir);
      return db;
    },
    twin: (db) => openSqlite(dirs.get(db)!),
    stop: async () => undefined,
  };
}

/** What the server's migrations need of PostgreSQL's contrib (record_span's exclusion constraint). */
export const PGLITE_EXTENSIONS = { btree_gist };

/**
 * A fresh PGlite: its database cluster is made once (initdb in WebAssembly costs seconds
 * of CPU) and kept as a dump in the temp folder, which every later test file loads.
 */
async function freshPglite(): Promise<PGlite> {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const stamp = crypto.createHash('sha256').update(fs.readFileSync(main)).digest('hex').slice(0, 12);
  const dump = path.join(os.tmpdir(), `ga-pglite-cluster-${stamp}.tgz`);
  if (fs.existsSync(dump)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(dump)]), extensions: PGLITE_EXTENSIONS });
    } catch {
      // A damaged dump: make the cluster afresh below, and the dump with it.
    }
  }
  const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const tmp = `${dump}.${process.pid}.part`;
  fs.writeFileSync(tmp, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
  fs.renameSync(tmp, dump);
  return db;
}

function pgliteEngine(): Engine {
  let db: PGlite | undefined;
  const schemas = new WeakMap<SqlDb, string>();
  return {
    name: 'PGlite',
    async start() {
      db = await freshPglite();
    },
    async open() {
      const schema = schemaName();
      const opened = openPglite(db!, { schema });
      schemas.set(opened, schema);
      return opened;
    },
    twin: (opened) => openPglite(db!, { schema: schemas.get(opened)! }),
    async stop() {
      await db?.close();
    },
  };
}

function postgresEngine(url: string): Engine {
  const schemas: string[] = [];
  const opened: SqlDb[] = [];
  const schemaOf = new WeakMap<SqlDb, string>();
  const connect = (schema: string) => {
    const db = openPostgres(url, { schema });
    opened.push(db);
    schemaOf.set(db, schema);
    return db;
  };
  return {
    name: 'PostgreSQL',
    start: async () => undefined,
    async open() {
      const schema = schemaName();
      schemas.push(schema);
      return connect(schema);
    },
    twin: (db) => connect(schemaOf.get(db)!),
    async stop() {
      await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await client.end();
    },
  };
}

export function engines(): Engine[] {
  const list = [sqliteEngine(), pgliteEngine()];
  if (process.env.DATABASE_URL_TEST) list.push(postgresEngine(process.env.DATABASE_URL_TEST));
  return list;
}

export interface EngineUnderTest {
  name: string;
  open(): Promise<SqlDb>;
  twin(db: SqlDb): SqlDb;
}

/** Runs the same suite once per storage engine. */
export function describeEachEngine(title: string, suite: (open: () => Promise<SqlDb>, engine: EngineUnderTest) => void): void {
  describe.each(engines())(`${title} ($name)`, (engine) => {
    const opened: SqlDb[] = [];
    const track = (db: SqlDb) => (opened.push(db), db);
    beforeAll(() => engine.start(), 60_000);
    afterAll(async () => {
      for (const db of opened) await db.close().catch(() => undefined);
      await engine.stop();
    });
    const open = async () => track(await engine.open());
    suite(open, { name: engine.name, open, twin: (db) => track(engine.twin(db)) });
  });
}

export const ADMIN_PASSWORD = 'correct horse 1';
export const VERSIONS = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };
export const T0 = '2022-01-31T02:00:00.000Z';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface Harness {
  app: FastifyInstance;
  db: SqlDb;
  adminId: string;
  adminToken: string;
  call<T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, body?: unknown, token?: string): Promise<Reply<T>>;
  login(username: string, password: string): Promise<Reply<{ token: string; user: { id: string } }>>;
  enroll(name?: string): Promise<{ id: string; token: string }>;
  /** A workstation: one device, one client id, its own mutation counter; it talks to `via` (default: this server). */
  workstation(name?: string, via?: FastifyInstance): Promise<Workstation>;
}

export interface Workstation {
  deviceId: string;
  token: string;
  clientId: string;
  /** Makes the next outbox entry (as the workstation's mutation runner would); `at` defaults to now. */
  outbox(name: string, args: unknown, userId?: string, at?: string): PushedMutation;
  push(mutations: PushedMutation[], extra?: Record<string, unknown>): Promise<Reply>;
  pull(cursor?: string, limit?: number, extra?: Record<string, unknown>): Promise<Reply<PullResponse>>;
  /** Pulls pages until there are no more; returns them. */
  pullAll(cursor?: string, limit?: number): Promise<PullResponse[]>;
}

export interface PushedMutation {
  mutationId: number;
  name: string;
  args: unknown;
  at: string;
  userId: string;
}

let adminVerifier: Promise<string> | undefined;

/**
 * The first administrator, made as `--init-admin` makes one but with a verifier computed
 * once per test file: scrypt is slow on purpose, and the suite must stay fast.
 */
async function makeAdmin(db: SqlDb): Promise<{ userId: string }> {
  const userId = newId();
  const problem = await runAsServer(db, 'user.create', { id: userId, username: 'admin', displayName: '管理者', roles: ['admin'] }, { userId, roles: ['admin'] });
  if (problem) throw new Error(`admin: ${problem.code}`);
  const verifier = await (adminVerifier ??= makeVerifier(ADMIN_PASSWORD));
  await db.write((c) => setVerifier(c, userId, verifier, new Date().toISOString()));
  return { userId };
}

/** A signed-in session, as /login would start it (without checking a password again). */
async function sessionFor(db: SqlDb, userId: string, now: Date, hours: number): Promise<string> {
  const token = newToken(USER_TOKEN_PREFIX);
  await db.write((c) => insertSession(c, { tokenHash: hashToken(token), userId, at: now.toISOString(), expiresAt: new Date(now.getTime() + hours * 3600_000).toISOString() }));
  return token;
}

export async function startHarness(db: SqlDb, opts: Partial<ServerOptions> = {}): Promise<Harness> {
  const app = await buildServer({ db, log: false, ...opts });
  const admin = await makeAdmin(db);

  const callOn =
    (server: FastifyInstance): Harness['call'] =>
    async (method, url, body, token) => {
      const res = await server.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, headers: res.headers } as never;
    };
  const call = callOn(app);
  const login: Harness['login'] = (username, password) => call('POST', '/login', { username, password });
  const adminToken = await sessionFor(db, admin.userId, opts.now?.() ?? new Date(), opts.sessionHours ?? 12);
  const enroll = async (name = 'desk') => {
    const r = await call<{ device: { id: string }; token: string }>('POST', '/devices', { name }, adminToken);
    if (r.status !== 201) throw new Error(`enroll failed: ${JSON.stringify(r.body)}`);
    return { id: r.body.device.id, token: r.body.token };
  };

  const workstation = async (name?: string, via: FastifyInstance = app): Promise<Workstation> => {
    const device = await enroll(name);
    const call = callOn(via);
    const clientId = crypto.randomUUID();
    let next = 1;
    const ws: Workstation = {
      deviceId: device.id,
      token: device.token,
      clientId,
      // Made now, after enrollment: the server checks the user's own roles (earlier changes are a lone workstation's).
      outbox: (n, args, userId = admin.userId, at = new Date().toISOString()) => ({ mutationId: next++, name: n, args, at, userId }),
      push: (mutations, extra = {}) => call('POST', '/push', { clientId, ...VERSIONS, mutations, ...extra }, device.token),
      pull: (cursor = '', limit, extra = {}) => call('POST', '/pull', { clientId, ...VERSIONS, cursor, ...(limit ? { limit } : {}), ...extra }, device.token),
      async pullAll(cursor = '', limit) {
        const pages: PullResponse[] = [];
        for (;;) {
          const r = await ws.pull(cursor, limit);
          if (r.status !== 200) throw new Error(`pull failed: ${JSON.stringify(r.body)}`);
          pages.push(r.body);
          cursor = r.body.cursor;
          if (!r.body.more) return pages;
        }
      },
    };
    return ws;
  };

  return { app, db, adminId: admin.userId, adminToken, call, login, enroll, workstation };
}

/** The records a workstation holds after applying pages in order: kind → id → data. */
export function replay(pages: PullResponse[], into: Map<string, Record<string, unknown>> = new Map()): Map<string, Record<string, unknown>> {
  for (const page of pages) {
    for (const c of page.changes) {
      const key = `${c.kind}/${c.id}`;
      if (c.data === null) into.delete(key);
      else into.set(key, c.data);
    }
  }
  return into;
}

export const site = (id: string, code: string, nameZh = `園區 ${code}`) => ({ id, code, nameZh, nameEn: '', address: '' });

/** Starts the app on a free port of 127.0.0.1; returns its base URL. */
export async function listening(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

export interface EventsClient {
  socket: WebSocket;
  /** Messages received so far. */
  messages: string[];
  /** Resolves with the next message (one already waiting counts), or rejects after `ms`. */
  next(ms?: number): Promise<string>;
  /** Resolves with the close code. */
  closed: Promise<number>;
}

/** A workstation's live connection to /events, as the workstation backend opens it. */
export function connectEvents(baseUrl: string, token: string | undefined, opts: { autoPong?: boolean } = {}): Promise<EventsClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/events`, { headers: token ? { authorization: `Bearer ${token}` } : {}, autoPong: opts.autoPong ?? true });
  const messages: string[] = [];
  let read = 0;
  let waiting: (() => void) | undefined;
  socket.on('message', (data) => {
    messages.push(String(data));
    waiting?.();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const client: EventsClient = {
    socket,
    messages,
    closed,
    next(ms = 2000) {
      return new Promise((resolve, reject) => {
        const take = () => {
          if (read < messages.length) {
            clearTimeout(timer);
            waiting = undefined;
            resolve(messages[read++]);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`no message within ${ms} ms`));
        }, ms);
        if (!take()) waiting = () => void take();
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
    });
    socket.once('error', reject);
  });
}

/** The venue desk's smallest world: a meeting room any agency books without approval, and a venue clerk. */
export const VENUE = { id: 'v-mr2', agencyId: 'ag-cab', clerkId: 'u-clerk' } as const;

export function venueWorld(ws: Workstation): PushedMutation[] {
  return [
    ws.outbox('site.create', site('site-sw', 'SW', '四維行政中心')),
    ws.outbox('building.create', { id: 'b-m', siteId: 'site-sw', code: 'M', nameZh: '行政大樓', nameEn: '' }),
    ws.outbox('floor.create', { id: 'f-1', buildingId: 'b-m', name: '1F', level: 1 }),
    ws.outbox('space.create', { id: 'sp-mr2', floorId: 'f-1', code: 'MR2', nameZh: '第二會議室', nameEn: 'MR2', kind: 'meeting_room', capacity: 20 }),
    ws.outbox('agency.create', { id: VENUE.agencyId, code: 'CAB', nameZh: '民政局' }),
    ws.outbox('venue.create', {
      id: VENUE.id,
      spaceId: 'sp-mr2',
      type: 'meeting_room',
      capacity: 20,
      equipment: [],
      opensAt: '08:00',
      closesAt: '18:00',
      bufferBefore: 0,
      bufferAfter: 0,
      approvalLevels: 0,
      bookableBy: 'agencies',
      fee: 0,
      deposit: 0,
      closures: [],
      notes: '',
    }),
    ws.outbox('user.create', { id: VENUE.clerkId, username: 'clerk', displayName: '場地承辦', roles: ['venue_clerk'] }),
  ];
}

/**
 * A booking of the meeting room in slot `slot` (one hour each, 8 a day, on the working
 * days 2022-03-01 to 03-04 and on), so bookings with different slots never overlap.
 */
export function bookingArgs(id: string, slot: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const days = ['2022-03-01', '2022-03-02', '2022-03-03', '2022-03-04', '2022-03-07', '2022-03-08', '2022-03-09', '2022-03-10'];
  const day = days[Math.floor(slot / 8)];
  const hour = 9 + (slot % 8);
  const at = (h: number) => new Date(`${day}T${String(h).padStart(2, '0')}:00:00+08:00`).toISOString();
  return { ...completeBookingArgs({ id, venueId: VENUE.id, applicantAgencyId: VENUE.agencyId, eventName: `會議 ${id}`, start: at(hour), end: at(hour + 1) }), ...extra };
}

const MAIN = path.join(import.meta.dirname, '../../server/main.ts');

/** `npm run server -- …args` as a real process (DATABASE_URL unset unless given). */
export function spawnServer(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /Server listening at (https?:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  listening.catch(() => undefined); // tests that expect an early exit do not wait for it

  return { child, exited, listening, output: () => out, errors: () => err };
}
