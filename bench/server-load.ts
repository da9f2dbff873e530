/**
 * npm run bench -- server-load [--stations 200] [--pushers 50] [--seconds 20] [--every-ms 1000] [--engine sqlite|postgres]
 *
 * The sync server (server/main.ts, its own process, embedded SQLite by default; with
 * --engine postgres on a fresh database of DATABASE_URL_TEST's PostgreSQL) under an
 * office's load: 200 workstations enrolled through POST /devices, each with its live
 * connection to /events open and pulling whenever poked (as the workstation's sync
 * client does: one sync at a time, once more if poked meanwhile), and 50 of them pushing
 * what their desk saved about once a second (1 to 5 named mutations of the catalog: new
 * agencies and people, edits of them). The clients are lean protocol clients in this
 * process, not 200 Electron backends.
 *
 *   server.load_mutations_per_s      mutations the server applied per second under the load
 *   server.load_propagation_p95_ms   a push sent → each other workstation poked and holding
 *                                    the change after its pull; p95 over every receiver
 *   server.load_errors               failed requests, refusals, dropped sockets, changes never received
 *
 * Everything is on 127.0.0.1: the server binds it, the clients connect to it, and every
 * socket's far end is checked. Stops by itself: load for --seconds, then at most 10 s
 * for the last changes to arrive.
 *
 *   LOAD_PROF=1   the server writes a CPU profile to /tmp/loadprof (open it in DevTools)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import { EVENTS_PATH, pokeCovers, PROTOCOL_VERSION, SCHEMA_VERSION } from '../domain/sync-protocol';
import { pokedChanges } from '../electron/backend/sync/server-api';
import { bundle, removeBundles, run, type Proc } from '../test/sync/support/processes';

const { values: opt } = parseArgs({
  options: {
    stations: { type: 'string', default: '200' },
    pushers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    'every-ms': { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'sqlite' },
  },
});
const STATIONS = Number(opt.stations);
const PUSHERS = Math.min(STATIONS, Number(opt.pushers));
const LOAD_MS = Number(opt.seconds) * 1000;
const EVERY_MS = Number(opt['every-ms']);
const PASSWORD = 'load-bench-admin-1';
const VERSIONS = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1']);

const errors: string[] = [];
function error(what: string) {
  if (errors.length < 20) console.error(`error: ${what}`);
  errors.push(what);
}

/** One keep-alive connection per workstation, as its sync client holds one. */
function post<T>(agent: http.Agent, port: number, path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        if (!LOOPBACK.has(res.socket.remoteAddress ?? '')) error(`a reply came from ${res.socket.remoteAddress}`);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Change {
  kind: string;
  id: string;
  data: Record<string, unknown> | null;
}
interface PullReply {
  changes: Change[];
  cursor: string;
  more: boolean;
  refusals: { clientId: string; mutationId: number; problem: { code: string } }[];
}

/** A pushed change each workstation must receive: its pusher's agency phone, sent at `sentAt`. */
const sentAt = new Map<string, number>();
/** A receiver's delay for each marker: pusher/counter → ms. */
const delays: number[] = [];
let pulls = 0;
let expected = 0;
let received = 0;
let applied = 0;
let loadStarted = 0;
let loadEnded = 0;

/** Markers are agency phones `07-<pusher 3 digits><counter 4 digits>`. */
const marker = (pusher: number, n: number) => `07-${String(pusher).padStart(3, '0')}${String(n).padStart(4, '0')}`;
const agencyOf = (pusher: number) => `ag-load-${pusher}`;

class Station {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  readonly clientId = crypto.randomUUID();
  cursor = '';
  socket: WebSocket | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Per pusher, the highest marker counter this workstation holds. */
  readonly seen = new Map<number, number>();
  nextMutationId = 1;
  closing = false;
  pushing = false;

  constructor(
    readonly index: number,
    readonly token: string,
    readonly port: number,
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${this.port}${EVENTS_PATH}`, { headers: { authorization: `Bearer ${this.token}` } });
      this.socket = ws;
      ws.once('open', () => {
        const far = (ws as unknown as { _socket: { remoteAddress?: string } })._socket.remoteAddress ?? '';
        if (!LOOPBACK.has(far)) error(`a live connection goes to ${far}`);
        resolve();
      });
      ws.once('error', reject);
      ws.on('message', (data) => this.poked(String(data)));
      ws.on('close', () => {
        if (!this.closing) error(`workstation ${this.index}: its live connection closed`);
      });
    });
  }

  /**
   * As the sync client: a poke's changes are applied when this workstation holds the
   * cursor they follow and nothing of its own is on the way; otherwise it syncs.
   */
  private poked(message: string): void {
    const p = pokedChanges(message);
    const covers = p ? pokeCovers(this.cursor, p) : 'pull';
    if (!p || covers === 'pull' || this.running || this.pushing) return void this.sync();
    if (covers === 'have') return;
    this.receive(p.changes as Change[]);
    this.cursor = p.to;
  }

  /** As the sync client: one at a time, once more if asked meanwhile. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pullAll().catch((e: unknown) => error(`workstation ${this.index}: pull failed: ${(e as Error).message}`));
      } while (this.again && !this.closing);
    })().finally(() => (this.running = null));
    return this.running;
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      pulls += 1;
      const r = await post<PullReply>(this.agent, this.port, '/pull', { clientId: this.clientId, ...VERSIONS, cursor: this.cursor, limit: 1000 }, this.token);
      if (r.status !== 200) return error(`workstation ${this.index}: pull answered ${r.status} ${JSON.stringify(r.body)}`);
      for (const refusal of r.body.refusals) error(`workstation ${this.index}: mutation ${refusal.mutationId} refused: ${refusal.problem.code}`);
      this.receive(r.body.changes);
      this.cursor = r.body.cursor;
      if (!r.body.more) return;
    }
  }

  /** Counts each marker received, with its delay since it was pushed. */
  private receive(changes: Change[]): void {
    const now = performance.now();
    for (const c of changes) {
      if (c.kind !== 'agency' || !c.id.startsWith('ag-load-') || !c.data) continue;
      const m = /^07-(\d{3})(\d{4})$/.exec(String(c.data.phone ?? ''));
      if (!m) continue;
      const pusher = Number(m[1]);
      const n = Number(m[2]);
      if (pusher === this.index) continue;
      // Changes come in their latest state: a later phone stands for the earlier ones too.
      for (let k = (this.seen.get(pusher) ?? 0) + 1; k <= n; k++) {
        const at = sentAt.get(marker(pusher, k));
        if (at === undefined) continue;
        delays.push(now - at);
        received += 1;
      }
      if (n > (this.seen.get(pusher) ?? 0)) this.seen.set(pusher, n);
    }
  }

  async push(mutations: { name: string; args: unknown }[], adminId: string): Promise<boolean> {
    const at = new Date().toISOString();
    const list = mutations.map((m) => ({ mutationId: this.nextMutationId++, name: m.name, args: m.args, at, userId: adminId }));
    // Until the pull after it, the workstation has writes on the way and pulls when poked.
    this.pushing = true;
    const r = await post<{ processed: number; gap?: unknown }>(this.agent, this.port, '/push', { clientId: this.clientId, ...VERSIONS, mutations: list }, this.token);
    if (r.status !== 200 || r.body.processed !== list.length || r.body.gap) {
      error(`workstation ${this.index}: push answered ${r.status} ${JSON.stringify(r.body)}`);
      return false;
    }
    return true;
  }

  close() {
    this.closing = true;
    this.socket?.close();
    this.agent.destroy();
  }
}

/** What pusher `w`'s desk saved since its last push: 1 to 5 named mutations, the last one its agency's phone (the marker). */
function desksWork(w: number, n: number, made: { people: number }): { name: string; args: unknown }[] {
  const list: { name: string; args: unknown }[] = [];
  const extra = crypto.randomInt(0, 5);
  for (let i = 0; i < extra; i++) {
    if (made.people > 0 && crypto.randomInt(0, 2) === 0) {
      list.push({ name: 'person.update', args: { id: `p-load-${w}-${crypto.randomInt(0, made.people)}`, title: ['科長', '專員', '科員'][crypto.randomInt(0, 3)] } });
    } else {
      list.push({
        name: 'person.create',
        args: { id: `p-load-${w}-${made.people++}`, name: '王小明', kind: 'staff', agencyId: agencyOf(w), company: '', title: '科員', phoneExt: String(1000 + i), phone: '', email: '' },
      });
    }
  }
  list.push({ name: 'agency.update', args: { id: agencyOf(w), phone: marker(w, n) } });
  return list;
}

async function postgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ga_load_${crypto.randomBytes(5).toString('hex')}`;
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

async function main() {
  const dataDir = fs.mkdtempSync(`${os.tmpdir()}/ga-load-server-`);
  let server: Proc | null = null;
  let database: Awaited<ReturnType<typeof postgresDatabase>> | null = null;
  const stations: Station[] = [];
  try {
    if (opt.engine === 'postgres') {
      if (!process.env.DATABASE_URL_TEST) throw new Error('--engine postgres needs DATABASE_URL_TEST (a PostgreSQL on 127.0.0.1)');
      database = await postgresDatabase(process.env.DATABASE_URL_TEST);
      if (!LOOPBACK.has(new URL(database.url).hostname)) throw new Error('DATABASE_URL_TEST must be on 127.0.0.1: the benchmark stays on the loopback addresses');
    }
    const serverBundle = await bundle('server/main.ts', 'server');
    server = run(
      serverBundle,
      ['--data', dataDir, '--port', '0', '--host', '127.0.0.1', '--init-admin', 'admin'],
      {
        GA_ADMIN_PASSWORD: PASSWORD,
        DATABASE_URL: database?.url ?? '',
      },
      process.env.LOAD_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/loadprof'] : [],
    );
    const port = Number((await server.waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/, 120_000))[1]);
    // The server logs every request, as it does in service; the bench keeps none of it.
    server.child.stdout!.removeAllListeners('data').resume();

    const adminAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const login = await post<{ token: string; user: { id: string } }>(adminAgent, port, '/login', { username: 'admin', password: PASSWORD });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const adminId = login.body.user.id;
    const t0 = performance.now();
    for (let i = 0; i < STATIONS; i++) {
      const r = await post<{ token: string }>(adminAgent, port, '/devices', { name: `負載測試 ${i}` }, login.body.token);
      if (r.status !== 201) throw new Error(`enrolling answered ${r.status} ${JSON.stringify(r.body)}`);
      stations.push(new Station(i, r.body.token, port));
    }
    adminAgent.destroy();
    // Each pusher's agency exists before the load (one push each).
    for (let w = 0; w < PUSHERS; w++) {
      if (!(await stations[w].push([{ name: 'agency.create', args: { id: agencyOf(w), code: `LD${w}`, nameZh: `負載測試機關 ${w}`, phone: marker(w, 0) } }], adminId)))
        throw new Error('the agencies could not be made');
    }
    await Promise.all(stations.map((s) => s.connect()));
    await Promise.all(stations.map((s) => s.sync()));
    console.log(`${STATIONS} workstations enrolled, connected and synced in ${round((performance.now() - t0) / 1000)} s; ${PUSHERS} of them push about every ${EVERY_MS} ms for ${LOAD_MS / 1000} s`);

    loadStarted = performance.now();
    const cpuBefore = serverCpu(server.child.pid);
    const ownBefore = process.cpuUsage();
    const pullsBefore = pulls;
    const pushers = stations.slice(0, PUSHERS).map(async (s, w) => {
      const made = { people: 0 };
      let n = 0;
      // Spread out: the desks do not all save at the same moment.
      await sleep(crypto.randomInt(0, EVERY_MS));
      while (performance.now() - loadStarted < LOAD_MS) {
        n += 1;
        const work = desksWork(w, n, made);
        sentAt.set(marker(w, n), performance.now());
        expected += STATIONS - 1;
        if (await s.push(work, adminId)) applied += work.length;
        // The pusher pulls after its push, as the sync client does.
        void s.sync().then(() => (s.pushing = false));
        await sleep(crypto.randomInt(EVERY_MS / 2, (EVERY_MS * 3) / 2));
      }
    });
    await Promise.all(pushers);
    loadEnded = performance.now();
    const cpuAfter = serverCpu(server.child.pid);
    const pullsDuring = pulls - pullsBefore;
    const deadline = performance.now() + 10_000;
    while (received < expected && performance.now() < deadline) await sleep(50);
    await Promise.all(stations.map((s) => s.sync()));
    if (received < expected) error(`${expected - received} of ${expected} changes never reached their workstation`);

    const seconds = (loadEnded - loadStarted) / 1000;
    const sorted = [...delays].sort((a, b) => a - b);
    console.log(
      `${applied} mutations in ${sentAt.size} pushes over ${round(seconds)} s; ${received} of ${expected} receipts; propagation p50 ${round(percentile(sorted, 50))} ms, p99 ${round(percentile(sorted, 99))} ms, max ${round(sorted.at(-1) ?? 0)} ms; server CPU ${cpuBefore === null || cpuAfter === null ? '?' : round(cpuAfter - cpuBefore)} s, this process's ${round((process.cpuUsage(ownBefore).user + process.cpuUsage(ownBefore).system) / 1e6)} s; ${pullsDuring} pulls`,
    );
    console.log(`server.load_mutations_per_s: ${Math.round(applied / seconds)} mutations/s`);
    console.log(`server.load_propagation_p95_ms: ${round(percentile(sorted, 95))} ms  (target ≤ 100)`);
    console.log(`server.load_errors: ${errors.length}  (target 0)`);
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((l) => round(l))
        .join(', ')} on ${os.cpus().length} cores`,
    );
  } catch (e) {
    if (server) console.error(`--- output of the server:\n${server.output().slice(-4000)}`);
    throw e;
  } finally {
    for (const s of stations) s.close();
    if (server) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, sleep(5000)]);
      await server.kill9();
    }
    await database?.drop();
    removeBundles();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** CPU seconds the server process has used (Linux /proc; null elsewhere). */
function serverCpu(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

main().then(
  () => process.exit(errors.length === 0 ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
