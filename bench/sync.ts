/**
 * npm run bench -- sync [part…]
 * Sync speed, with the server and the workstations as separate processes on 127.0.0.1:
 *   initial      sync.initial_100k_s, sync.client_peak_rss_mb — a new workstation's first
 *                sync of 100,000 records (plus a breakdown: requests vs applying pages)
 *   pouchdb      sync.initial_vs_pouchdb_ratio — the same count of ~240-byte booking
 *                documents replicated by PouchDB (leveldb, express-pouchdb, batch_size 1000)
 *   propagation  sync.propagation_p50_ms / _p95_ms — saved on one workstation → in the
 *                other's database (server pokes, then a pull)
 *   throughput   sync.server_mutations_per_s — 20 workstations pushing at once (SQLite)
 * With no part named, all of them. Not part of npm test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setMeta } from '../db/meta';
import { newId } from '../domain/ids';
import { taipeiInstant } from '../domain/dates';
import type { PushedMutation } from '../electron/backend/sync/server-api';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../domain/sync-protocol';
import { Workstation } from '../electron/backend/workstation';
import { DEVICE_TOKEN_PREFIX, hashToken, newToken } from '../server/auth';
import { insertDevice } from '../server/store/auth-data';
import { migrate } from '../server/store/migrations';
import { openSqlite } from '../server/store/sqlite';
import { runAsServer } from '../server/sync';
import { run, type Proc } from '../test/sync/support/processes';
import { pouchBooking, seedServer } from './sync/dataset';
import { completeBookingArgs } from '../test/support/booking-args';

const TSX = ['--import', 'tsx'];

/**
 * The workstation runs as a bundle (scripts/build.mjs), not through tsx, whose loader and
 * on-the-fly compiling alone hold about 100 MB. The clients whose memory is measured (ours
 * and PouchDB's) run bundled the same way, so the figure is the shipped app's.
 */
async function bundled(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  // Inside the repository, as dist/ is: the workstation finds its migrations by walking up from its code.
  const out = path.join('bench', 'output', `${path.basename(entry, '.ts')}.cjs`);
  await esbuild.build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Packages stay where npm put them (native modules cannot be bundled): the code that differs is ours.
    packages: 'external',
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return out;
}
const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);
const results: Record<string, number> = {};
const dirs: string[] = [];
const procs: Proc[] = [];

function tmp(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function line(name: string, value: number, unit: string, note = '') {
  results[name] = value;
  console.log(`${name}: ${value} ${unit}${note ? `  (${note})` : ''}`);
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A server database with an administrator and `devices` enrolled workstations (their tokens). */
async function prepareServer(dataDir: string, devices: number, seed?: number) {
  const db = openSqlite(dataDir);
  await migrate(db);
  const seeded = seed ? await seedServer(db, seed) : null;
  const adminId = newId();
  const problem = await runAsServer(db, 'user.create', { id: adminId, username: 'admin', displayName: '管理者', roles: ['admin', 'venue_clerk', 'supervisor'] }, { userId: adminId, roles: ['admin'] });
  if (problem) throw new Error(problem.code);
  const tokens: string[] = [];
  for (let i = 0; i < devices; i++) {
    const token = newToken(DEVICE_TOKEN_PREFIX);
    await db.write((c) => insertDevice(c, { id: newId(), name: `bench ${i}`, tokenHash: hashToken(token), enrolledBy: adminId, at: new Date(Date.now() - 60_000).toISOString() }));
    tokens.push(token);
  }
  await db.close();
  return { adminId, tokens, seeded };
}

async function startServer(dataDir: string): Promise<string> {
  const server = run('server/main.ts', ['--data', dataDir, '--port', '0'], { LOG_LEVEL: 'warn' }, TSX);
  procs.push(server);
  const m = await server.waitFor(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 120_000);
  serverPids.set(m[1], server.child.pid!);
  return m[1];
}

const serverPids = new Map<string, number>();

/**
 * CPU seconds a process has used so far (Linux /proc; null elsewhere). On a machine
 * others load, wall times swing; CPU times say whether the work itself changed.
 */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function stopServers() {
  for (const p of procs.splice(0)) {
    p.child.kill('SIGTERM');
    await Promise.race([p.exited, new Promise((r) => setTimeout(r, 5000))]);
    await p.kill9();
  }
}

interface FirstSync {
  seconds: number;
  /** CPU seconds of the workstation's process, and of the server's during the sync. */
  cpuS: number;
  serverCpuS?: number | null;
  records: number;
  rssMb: number;
  pages?: number;
  requestS?: number;
  applyS?: number;
}

let firstSyncBundle: Promise<string> | null = null;

async function firstSync(url: string, token: string, extra: string[] = []): Promise<FirstSync> {
  const server = serverPids.get(url);
  firstSyncBundle ??= bundled('bench/sync/first-sync.ts');
  const client = run(await firstSyncBundle, ['--server', url, '--token', token, '--data', tmp('ga-bench-desk-'), ...extra]);
  // The server is idle until the workstation has started and asks; its CPU before that is not the sync's.
  const before = cpuSeconds(server);
  const m = await client.waitFor(/^(\{.*\})$/m, 600_000);
  const after = cpuSeconds(server);
  await client.exited;
  return { ...(JSON.parse(m[1]) as FirstSync), serverCpuS: before === null || after === null ? null : after - before };
}

let oursSeconds = 0;

/** The server holding a year's data (100,000 records) and enrolled workstations, started once for the parts that need it. */
let big: Promise<{ url: string; tokens: string[]; adminId: string }> | null = null;
function bigServer() {
  big ??= (async () => {
    const data = tmp('ga-bench-server-');
    const t0 = performance.now();
    const { tokens, seeded, adminId } = await prepareServer(data, 30, 100_000);
    console.log(`seeded ${seeded!.records} records (${Math.round(seeded!.bytes / 1e6)} MB of JSON: ${JSON.stringify(seeded!.byKind)}) in ${round((performance.now() - t0) / 1000, 1)} s`);
    return { url: await startServer(data), tokens, adminId };
  })();
  return big;
}

async function initial() {
  const { url, tokens } = await bigServer();
  const runs: FirstSync[] = [];
  for (const token of tokens.slice(0, 2)) runs.push(await firstSync(url, token));
  for (const r of runs) if (r.records !== 100_000) throw new Error(`the workstation holds ${r.records} records, not 100000`);
  const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
  oursSeconds = best.seconds;
  console.log(`first syncs: ${runs.map((r) => `${round(r.seconds)} s (CPU: workstation ${round(r.cpuS, 1)} s, server ${r.serverCpuS == null ? '?' : round(r.serverCpuS, 1)} s)`).join(', ')}`);
  line('sync.initial_100k_s', round(best.seconds), 's', 'target ≤ 5');
  line('sync.client_peak_rss_mb', Math.round(Math.max(...runs.map((r) => r.rssMb))), 'MB');
  const parts = await firstSync(url, tokens[2], ['--breakdown']);
  console.log(`breakdown (pages of 2000 by hand): ${parts.pages} pages in ${round(parts.seconds)} s — requests and JSON ${round(parts.requestS!)} s, applying pages ${round(parts.applyS!)} s`);
}

async function pouchdb() {
  const dir = tmp('ga-bench-pouch-');
  const t0 = performance.now();
  const server = run('bench/sync/pouch-server.ts', ['--dir', dir, '--docs', '100000'], {}, TSX);
  procs.push(server);
  const port = Number((await server.waitFor(/^listening (\d+)$/m, 900_000))[1]);
  console.log(`PouchDB server seeded with 100000 booking documents of ${Buffer.byteLength(JSON.stringify(pouchBooking(12345)))} bytes in ${round((performance.now() - t0) / 1000, 1)} s`);
  const client = run(await bundled('bench/sync/pouch-client.ts'), ['--url', `http://127.0.0.1:${port}/bookings`, '--dir', tmp('ga-bench-pouch-client-')]);
  const m = await client.waitFor(/^(\{.*\})$/m, 900_000);
  const pouch = JSON.parse(m[1]) as { seconds: number; docs: number; rssMb: number };
  if (pouch.docs !== 100_000) throw new Error(`PouchDB replicated ${pouch.docs} documents`);
  server.child.kill('SIGKILL');
  console.log(`PouchDB replication: ${round(pouch.seconds)} s (client peak RSS ${Math.round(pouch.rssMb)} MB); ours: ${round(oursSeconds)} s`);
  if (oursSeconds > 0) line('sync.initial_vs_pouchdb_ratio', round(pouch.seconds / oursSeconds), '', 'PouchDB time / ours; target ≥ 4');
  else console.log('(run the initial part too for sync.initial_vs_pouchdb_ratio)');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function propagation() {
  const data = tmp('ga-bench-prop-server-');
  const { tokens, adminId } = await prepareServer(data, 2);
  const url = await startServer(data);
  const desks = tokens.map((token) => {
    const ws = new Workstation({ dataDir: tmp('ga-bench-prop-desk-'), shell: 'browser', backupEveryMinutes: 0, serverUrl: url });
    setMeta(ws.db, 'deviceToken', token);
    ws.startSync();
    return ws;
  });
  const [a, b] = desks;
  try {
    const actor = { userId: adminId, roles: ['admin' as const], locale: 'zh-TW' as const };
    await Promise.all(desks.map((d) => d.sync!.syncNow()));
    const phoneOnB = () => b.runner.records.getSync('agency', 'ag-prop')?.phone;
    const seen = (value: string) =>
      new Promise<number>((resolve) => {
        if (phoneOnB() === value) return resolve(performance.now());
        const stop = b.onEvent((e) => {
          if (e.type === 'changed' && phoneOnB() === value) {
            stop();
            resolve(performance.now());
          }
        });
      });
    const created = seen('07-0000000');
    await a.runner.run('agency.create', { id: 'ag-prop', code: 'PROP', nameZh: '傳播測試機關', phone: '07-0000000' }, actor);
    await created;
    const ms: number[] = [];
    for (let i = 1; i <= 100; i++) {
      const value = `07-${String(i).padStart(7, '0')}`;
      const arrived = seen(value);
      const t0 = performance.now();
      const r = await a.runner.run('agency.update', { id: 'ag-prop', phone: value }, actor);
      if (!r.ok) throw new Error(r.message);
      ms.push((await arrived) - t0);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const sorted = [...ms].sort((x, y) => x - y);
    console.log(`propagation over ${ms.length} saves: min ${round(sorted[0], 1)} ms, max ${round(sorted[sorted.length - 1], 1)} ms`);
    line('sync.propagation_p50_ms', round(percentile(sorted, 50), 1), 'ms', 'target ≤ 50');
    line('sync.propagation_p95_ms', round(percentile(sorted, 95), 1), 'ms');
  } finally {
    for (const d of desks) d.close();
  }
}

/** Each workstation's outbox: renamed agencies and people, new bookings and their approval. */
function outboxOf(w: number, count: number, adminId: string): PushedMutation[] {
  const at = new Date().toISOString();
  const list: PushedMutation[] = [];
  let booking = 0;
  for (let k = 0; list.length < count; k++) {
    const m = (name: string, args: unknown) => list.push({ mutationId: list.length + 1, name, args, at, userId: adminId });
    switch (k % 4) {
      case 0:
        m('agency.update', { id: `ag-${(w * 10 + k) % 200}`, phone: `07-${String(w * 100000 + k).padStart(7, '0')}` });
        break;
      case 1:
        m('person.update', { id: `p-${w * 1000 + k}`, title: k % 8 === 1 ? '專員' : '科長' });
        break;
      case 2: {
        const j = booking++;
        const day = new Date(Date.UTC(2027, 2, 1) + (Math.floor(j / 75) * 7 + (Math.floor(j / 15) % 5)) * 86_400_000).toISOString().slice(0, 10);
        m(
          'booking.create',
          completeBookingArgs({
            id: `bk-w${w}-${j}`,
            venueId: `v-${w * 15 + (j % 15)}`,
            applicantAgencyId: `ag-${w}`,
            contactName: '陳怡君',
            attendees: 12,
            start: taipeiInstant(day, '09:00'),
            end: taipeiInstant(day, '10:00'),
          }),
        );
        break;
      }
      case 3:
        m('booking.approve', { id: `bk-w${w}-${booking - 1}` });
        break;
    }
  }
  return list;
}

/** 20 workstations push their outboxes at once; mutations processed per second. */
async function pushAtOnce(url: string, tokens: string[], adminId: string, perStation: number): Promise<{ processed: number; seconds: number }> {
  const stations = 20;
  const outboxes = Array.from({ length: stations }, (_, w) => outboxOf(w, perStation, adminId));
  const push = async (token: string, clientId: string, mutations: PushedMutation[]) => {
    const res = await fetch(`${url}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId, protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, mutations }),
    });
    if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { processed: number };
  };
  const t0 = performance.now();
  const replies = await Promise.all(outboxes.map((list, w) => push(tokens[tokens.length - stations + w], `bench-client-${w}`, list)));
  const seconds = (performance.now() - t0) / 1000;
  const processed = replies.reduce((n, r) => n + r.processed, 0);
  if (processed !== stations * perStation) throw new Error(`processed ${processed} of ${stations * perStation}`);
  return { processed, seconds };
}

async function throughput() {
  // The reference data only (places, agencies, people, venues; no bookings yet).
  const data = tmp('ga-bench-tp-server-');
  const small = await prepareServer(data, 20, 22_556);
  const smallUrl = await startServer(data);
  const first = await pushAtOnce(smallUrl, small.tokens, small.adminId, 250);
  console.log(
    `20 workstations × 250 mutations (agency and person edits, bookings made and approved) at once, server holding the reference data (22,556 records): ${first.processed} in ${round(first.seconds)} s`,
  );
  line('sync.server_mutations_per_s', Math.round(first.processed / first.seconds), 'mutations/s');
  // The same mix on a server holding a year of bookings as well.
  const { url, tokens, adminId } = await bigServer();
  const second = await pushAtOnce(url, tokens, adminId, 60);
  console.log(`the same mix, 20 × 60, on the server holding 100,000 records (77,444 bookings): ${second.processed} in ${round(second.seconds)} s`);
  line('sync.server_mutations_per_s_100k', Math.round(second.processed / second.seconds), 'mutations/s');
}

async function main() {
  try {
    if (wanted('initial')) await initial();
    if (wanted('pouchdb')) await pouchdb();
    if (wanted('propagation')) await propagation();
    if (wanted('throughput')) await throughput();
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((l) => round(l, 1))
        .join(', ')} on ${os.cpus().length} cores`,
    );
  } catch (e) {
    for (const p of procs) console.error(`--- output of a process:\n${p.output().slice(-4000)}`);
    throw e;
  } finally {
    await stopServers();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    for (const p of procs) console.error(`--- output of a process:\n${p.output().slice(-4000)}`);
    process.exit(1);
  },
);
