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
 *                                number, due time, outbox, audit and search index
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
import { SqliteRecords } from '../db/records';
import { newId } from '../domain/ids';
import { addWorkingHours, DEFAULT_SLA_HOURS } from '../domain/maintenance/sla';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type Ticket, type TicketCategory, type TicketStatus } from '../domain/maintenance/tickets';
import type { TicketFilter, TicketSort } from '../domain/maintenance/tickets-query';
import { formatPrintedNumber } from '../domain/numbering';
import { MutationRunner } from '../electron/backend/mutation-runner';
import { adminActor, buildWorld, clerk, ticketArgs, world } from '../electron/backend/handlers/tickets.fixture';

const COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = 200;

// A fixed seed: every run measures the same data.
let seed = 20220131;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

const SUBJECTS: Record<TicketCategory, string[]> = {
  plumbing: ['漏水', '水管破裂', '馬桶阻塞', '水龍頭故障', '燈管不亮', '插座沒電', '跳電', '抽水馬達異常'],
  civil: ['牆面龜裂', '天花板掉落', '地磚破損', '門鎖故障', '窗戶無法關閉', '油漆剝落'],
  telecom: ['電話無聲', '網路斷線', '分機故障', '監視器畫面異常'],
  fire: ['滅火器過期', '緊急照明不亮', '火警受信總機故障', '灑水頭漏水', '排煙窗故障'],
  hvac: ['冷氣不冷', '冷氣機漏水', '空調異音', '出風口滴水', '冷氣機無法啟動'],
  elevator: ['電梯異音', '電梯門關不上', '電梯按鈕失靈', '電梯停在樓層間', '電梯照明不亮'],
  other: ['百葉窗損壞', '投影機故障', '飲水機故障', '桌椅損壞'],
};
const DETAILS = ['請儘速派員處理', '上午開會前需修復', '已影響辦公', '民眾反映多次', '下班後可進入施工', '請先電話聯絡', '現場已放置警示牌', '疑似管線老舊'];
const STATUS_MIX: [TicketStatus, number][] = [
  ['closed', 0.7],
  ['completed', 0.1],
  ['in_progress', 0.08],
  ['waiting_parts', 0.04],
  ['assigned', 0.04],
  ['reported', 0.02],
  ['cancelled', 0.01],
  ['returned', 0.01],
];
function status(): TicketStatus {
  let r = random();
  for (const [s, p] of STATUS_MIX) if ((r -= p) < 0) return s;
  return 'closed';
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}
const ms = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ga-desk-bench-tickets-'));
  const db = openDb(path.join(dir, 'workstation.sqlite'));
  const runner = new MutationRunner(db);
  const records = new SqliteRecords(db);
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
        placeMutations.push({ name: 'space.create', args: { id, floorId, code: `${f}${String(r).padStart(2, '0')}`, nameZh: pick(['辦公室', '會議室', '男廁', '女廁', '茶水間', '檔案室', '機房']), kind: 'other' } });
        spaces.push({ id, siteId: site, buildingId });
      }
    }
  }
  const placed = await runner.runBatch(placeMutations, adminActor);
  if (!placed.ok) throw new Error(placed.message);
  const assignees = [world.people.tech, world.people.tech2, world.people.contractor];

  console.log(`generating ${COUNT.toLocaleString('en-US')} tickets in ${dir} …`);
  const genStart = performance.now();
  const start = Date.parse('2019-01-02T00:00:00Z');
  const span = Date.parse('2022-01-31T00:00:00Z') - start;
  const perYear = new Map<number, number>();
  db.$client.exec('BEGIN');
  for (let i = 0; i < COUNT; i++) {
    const reportedAt = new Date(start + Math.floor((i / COUNT) * span) + Math.floor(random() * 3_600_000)).toISOString();
    const year = Number(reportedAt.slice(0, 4));
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const category = pick(TICKET_CATEGORIES);
    const priority = pick(TICKET_PRIORITIES);
    const space = pick(spaces);
    const s = status();
    const assigned = !['reported', 'returned'].includes(s) || random() < 0.2;
    const completedAt = ['completed', 'closed'].includes(s) ? new Date(Date.parse(reportedAt) + Math.floor(random() * 5 * 86_400_000)).toISOString() : null;
    const subject = pick(SUBJECTS[category]);
    const id = newId(Date.parse(reportedAt));
    const t: Ticket = {
      id,
      number: formatPrintedNumber('ticket', year, n),
      spaceId: space.id,
      siteId: space.siteId,
      buildingId: space.buildingId,
      category,
      priority,
      status: s,
      subject,
      description: `${subject}，${pick(DETAILS)}。${pick(DETAILS)}。`,
      reporterName: pick(['周雅婷', '鄭宇翔', '徐慧敏', '王小明', '陳美華']),
      reporterAgencyId: world.agency,
      reporterPhoneExt: String(3000 + Math.floor(random() * 999)),
      source: pick(['phone', 'counter', 'inspection', 'paper'] as const),
      reportedAt,
      dueAt: addWorkingHours(reportedAt, DEFAULT_SLA_HOURS[priority], new Map()),
      assigneeId: assigned ? pick(assignees) : null,
      completedAt,
      closedAt: s === 'closed' ? completedAt : null,
      relatedTicketId: null,
      assetId: null,
      roundId: null,
      projectId: null,
      attachments: [],
      createdAt: reportedAt,
      updatedAt: reportedAt,
    };
    records.insertSync('ticket', t);
    const change = { ticketId: id, userId: clerk.userId, note: '', createdAt: reportedAt, updatedAt: reportedAt };
    records.insertSync('ticketStatusChange', { ...change, id: `${id}:0`, fromStatus: null, toStatus: 'reported', at: reportedAt });
    if (completedAt) records.insertSync('ticketStatusChange', { ...change, id: `${id}:c`, fromStatus: 'in_progress', toStatus: 'completed', at: completedAt });
  }
  db.$client.exec('COMMIT');
  db.$client.exec('ANALYZE');
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
  for (let r = 0; r < ROUNDS; r++) {
    const i = r % shapes.length;
    const offset = pageAt();
    const twin = rawTwin(i, offset);
    let t0 = performance.now();
    queryTickets(db, shapes[i].filter, shapes[i].sort, offset, 100, now);
    ours.push(performance.now() - t0);
    t0 = performance.now();
    for (const s of twin) {
      if (s.get) s.stmt.get(...s.params);
      else s.stmt.all(...s.params);
    }
    raw.push(performance.now() - t0);
  }

  const searches = ['電梯', '漏水', '冷氣', '跳電', '龜裂', '冷氣機', '灑水頭', '網路斷', '會議室', '辦公室'];
  const searchTimes: number[] = [];
  const totals: Record<string, number> = {};
  for (let r = 0; r < ROUNDS; r++) {
    const text = searches[r % searches.length];
    const t0 = performance.now();
    const page = queryTickets(db, { text }, undefined, 0, 100, now);
    searchTimes.push(performance.now() - t0);
    totals[text] = page.total;
  }

  const creates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const space = pick(spaces);
    const args = ticketArgs({ spaceId: space.id, category: pick(TICKET_CATEGORIES), subject: pick(SUBJECTS.plumbing) });
    const t0 = performance.now();
    const res = await runner.run('ticket.create', args, clerk);
    creates.push(performance.now() - t0);
    if (!res.ok) throw new Error(res.message);
  }

  console.log(`search totals: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const filterP95 = p95(ours);
  const rawP95 = p95(raw);
  console.log(`tickets.filter_p95_ms: ${ms(filterP95)}`);
  console.log(`tickets.filter_raw_p95_ms: ${ms(rawP95)}`);
  console.log(`tickets.filter_overhead_ratio: ${ms(filterP95 / rawP95)}`);
  console.log(`tickets.search_p95_ms: ${ms(p95(searchTimes))}`);
  console.log(`tickets.create_p95_ms: ${ms(p95(creates))}`);
  db.$client.close();
  // BENCH_KEEP=1 leaves the database for a closer look.
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

void main();
