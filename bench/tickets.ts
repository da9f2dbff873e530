/**
 * npm run bench -- tickets [count]
 * 100,000 repair tickets (or `count`) written straight into a fresh workstation database
 * through the app's own record SQL (db/records.ts, so the search triggers fill the index as
 * they do for every write) in one transaction; then, on that database:
 *
 *   tickets.filter_p95_ms        a page of 100 through queryTickets (filters + sort + total)
 *   tickets.filter_raw_p95_ms    the same SQL run directly on prepared statements
 *   tickets.filter_overhead_ratio  ours / raw
 *   tickets.search_p95_ms        2- and 3-character Chinese searches (capped list + total)
 *   tickets.create_p95_ms        ticket.create through the mutation runner: validation,
 *                                number, due time, outbox, audit and search index (WAL
 *                                checkpoints and search-index merges run between writes,
 *                                as on the workstation)
 *
 * Targets: filter ≤ 30 ms, ratio ≤ 1.5, search ≤ 50 ms, create ≤ 5 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Statement } from 'better-sqlite3';
import { openDb } from '../db/open';
import { queryTickets, sqlTrace } from '../db/queries/tickets';
import { mergeSearchIndex } from '../db/search';
import { TICKET_CATEGORIES } from '../domain/maintenance/tickets';
import type { TicketFilter, TicketSort } from '../domain/maintenance/tickets-query';
import { checkpointBetweenWrites } from '../electron/backend/checkpoints';
import { MutationRunner } from '../electron/backend/mutation-runner';
import { adminActor, buildWorld, clerk, insertGeneratedTickets, pick, SUBJECTS, ticketArgs, world } from '../test/support/ticket-desk';

const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 600);
/** Runs before the timed ones, so statement caches and pages are warm for every shape. */
const WARMUP = 30;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}
function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const ms = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ga-desk-bench-tickets-'));
  const db = openDb(path.join(dir, 'workstation.sqlite'));
  // As the workstation does: WAL checkpoints between writes, not inside them.
  const stopCheckpoints = checkpointBetweenWrites(db);
  const runner = new MutationRunner(db);
  await buildWorld(runner);

  // More places: both centres, four buildings, eight floors each, ten rooms a floor.
  const spaces: { id: string; siteId: string; buildingId: string }[] = [];
  const placeMutations: { name: string; args: unknown }[] = [];
  for (const [b, site] of [
    ['A', world.sites.siwei],
    ['B', world.sites.siwei],
    ['F', world.sites.fengshan],
    ['R', world.sites.fengshan],
  ] as const) {
    const buildingId = `bench-b-${b}`;
    placeMutations.push({ name: 'building.create', args: { id: buildingId, siteId: site, code: b, nameZh: `${b}棟`, nameEn: '' } });
    for (let f = 1; f <= 8; f++) {
      const floorId = `${buildingId}-${f}F`;
      placeMutations.push({ name: 'floor.create', args: { id: floorId, buildingId, name: `${f}F` } });
      for (let r = 1; r <= 10; r++) {
        const id = `${floorId}-${r}`;
        placeMutations.push({
          name: 'space.create',
          args: { id, floorId, code: `${f}${String(r).padStart(2, '0')}`, nameZh: pick(['辦公室', '會議室', '男廁', '女廁', '茶水間', '檔案室', '機房']), kind: 'other' },
        });
        spaces.push({ id, siteId: site, buildingId });
      }
    }
  }
  const placed = await runner.runBatch(placeMutations, adminActor);
  if (!placed.ok) throw new Error(placed.message);
  const assignees = [world.people.tech, world.people.tech2, world.people.contractor];

  console.log(`generating ${COUNT.toLocaleString('en-US')} tickets in ${dir} …`);
  const genStart = performance.now();
  insertGeneratedTickets(db, { count: COUNT, spaces, assignees, agencyId: world.agency, userId: clerk.userId });
  db.$client.exec('ANALYZE');
  // The generating transaction left the search index in many segments and the whole
  // database in the WAL: merge the one and fold in the other, as a workstation's timer
  // between writes has long done (electron/backend/checkpoints.ts).
  while (mergeSearchIndex(db.$client, 1000));
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`generated in ${Math.round((performance.now() - genStart) / 1000)} s`);

  // Filters a desk uses: open work of a site, a category over a quarter, overdue, an assignee, several at once.
  const now = '2022-01-31T06:00:00.000Z';
  const shapes: { filter: TicketFilter; sort: TicketSort }[] = [
    { filter: {}, sort: { key: 'reportedAt', dir: 'desc' } },
    { filter: { siteId: world.sites.siwei, statuses: ['reported', 'assigned', 'in_progress', 'waiting_parts'] }, sort: { key: 'dueAt', dir: 'asc' } },
    { filter: { categories: ['elevator'], from: '2021-10-01', to: '2021-12-31' }, sort: { key: 'reportedAt', dir: 'desc' } },
    { filter: { overdue: true }, sort: { key: 'dueAt', dir: 'asc' } },
    { filter: { assigneeId: world.people.tech, statuses: ['in_progress'] }, sort: { key: 'dueAt', dir: 'asc' } },
    { filter: { buildingId: 'bench-b-F', categories: ['plumbing', 'hvac'], priorities: ['urgent', 'high'] }, sort: { key: 'number', dir: 'desc' } },
    { filter: { siteId: world.sites.fengshan, statuses: ['closed'], from: '2021-01-01', to: '2021-12-31' }, sort: { key: 'reportedAt', dir: 'desc' } },
  ];
  const pageAt = () => pick([0, 0, 0, 100, 500, 2000]);

  const ours: number[] = [];
  const raw: number[] = [];
  // The raw twin of each call: the very statements queryTickets ran (SQL text and
  // parameters, caught once), prepared once and run directly, without building, choosing
  // or mapping anything.
  const rawFor = new Map<string, { stmt: Statement; params: unknown[]; get: boolean }[]>();
  function rawTwin(i: number, offset: number) {
    const key = `${i}:${offset}`;
    let twin = rawFor.get(key);
    if (!twin) {
      sqlTrace.on = true;
      sqlTrace.seen = [];
      queryTickets(db, shapes[i].filter, shapes[i].sort, offset, 100, now);
      sqlTrace.on = false;
      twin = sqlTrace.seen.map((s, k) => ({ stmt: db.$client.prepare(s.sql), params: s.params, get: k === 0 }));
      rawFor.set(key, twin);
    }
    return twin;
  }
  const runOurs = (i: number, offset: number) => queryTickets(db, shapes[i].filter, shapes[i].sort, offset, 100, now);
  const runRaw = (i: number, offset: number) => {
    for (const st of rawTwin(i, offset)) {
      if (st.get) st.stmt.get(...st.params);
      else st.stmt.all(...st.params);
    }
  };
  for (let r = -WARMUP; r < ROUNDS; r++) {
    const i = ((r % shapes.length) + shapes.length) % shapes.length;
    const offset = pageAt();
    rawTwin(i, offset);
    // Alternate which goes first, so neither always finds the pages the other just read.
    const order = r % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
    for (const which of order) {
      const t0 = performance.now();
      if (which === 'ours') runOurs(i, offset);
      else runRaw(i, offset);
      if (r >= 0) (which === 'ours' ? ours : raw).push(performance.now() - t0);
    }
  }

  const searches = ['電梯', '漏水', '冷氣', '跳電', '龜裂', '冷氣機', '灑水頭', '網路斷', '會議室', '辦公室'];
  const searchTimes: number[] = [];
  const totals: Record<string, number> = {};
  for (let r = -WARMUP; r < ROUNDS; r++) {
    const text = searches[(r + WARMUP) % searches.length];
    const t0 = performance.now();
    const page = queryTickets(db, { text }, undefined, 0, 100, now);
    if (r >= 0) searchTimes.push(performance.now() - t0);
    totals[text] = page.total;
  }

  const creates: number[] = [];
  // CPU time as well: on a shared machine the wall time also counts the turns other processes take.
  const createsCpu: number[] = [];
  for (let r = -WARMUP; r < ROUNDS; r++) {
    const space = pick(spaces);
    const args = ticketArgs({ spaceId: space.id, category: pick(TICKET_CATEGORIES), subject: pick(SUBJECTS.plumbing) });
    // Each filing arrives as its own request: the event loop turns (and timers, such as the
    // WAL checkpoint, run) between them, outside the measured time.
    await new Promise((resolve) => setImmediate(resolve));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await runner.run('ticket.create', args, clerk);
    if (r >= 0) {
      creates.push(performance.now() - t0);
      const cpu = process.cpuUsage(c0);
      createsCpu.push((cpu.user + cpu.system) / 1000);
    }
    if (!res.ok) throw new Error(res.message);
  }

  console.log(
    `search totals: ${Object.entries(totals)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const filterP95 = p95(ours);
  const rawP95 = p95(raw);
  console.log(`tickets.filter_p95_ms: ${ms(filterP95)}`);
  console.log(`tickets.filter_raw_p95_ms: ${ms(rawP95)}`);
  console.log(`tickets.filter_overhead_ratio: ${ms(filterP95 / rawP95)}`);
  console.log(`tickets.search_p95_ms: ${ms(p95(searchTimes))}`);
  console.log(`tickets.create_p95_ms: ${ms(p95(creates))}`);
  console.log(
    `(p50: filter ${ms(p50(ours))} ms, search ${ms(p50(searchTimes))} ms, create ${ms(p50(creates))} ms; create CPU time p50 ${ms(p50(createsCpu))} ms, p95 ${ms(p95(createsCpu))} ms; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  stopCheckpoints();
  db.$client.close();
  // BENCH_KEEP=1 leaves the database for a closer look.
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

void main();
