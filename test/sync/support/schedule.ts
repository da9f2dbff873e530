/**
 * One random schedule of the convergence test: workstations write (conflicting on
 * purpose: the same fields, the same unique codes, the same hour of the same venue),
 * go offline and back, push and pull in random order and page sizes, while the network
 * loses requests and replies and delivers some twice or late. Then everyone comes
 * online and syncs until nothing moves, and the checks run. Everything random comes
 * from the seed.
 */
import { applyPulledPage } from '../../../electron/backend/sync/rebase';
import type { Role } from '../../../domain/roles';
import { taipeiInstant } from '../../../domain/dates';
import type { SqlDb } from '../../../server/store/sql';
import { exactlyOnce, readServer, rulesHold, sameAsServer, type SavedWrite, type Tally } from './checks';
import type { Fault, FaultyNetwork, NetworkStats } from './faulty-network';
import { Random } from './random';
import { makeWorld, SERVER_NOW, type Station, type StationUser } from './sim-world';
import { completeBookingArgs } from '../../support/booking-args';

export const YEAR = 2026;

const USERS: StationUser[] = [
  { id: 'u-admin', username: 'admin', roles: ['admin', 'supervisor', 'venue_clerk'] },
  { id: 'u-lin', username: 'lin', roles: ['admin', 'venue_clerk'] },
  { id: 'u-chen', username: 'chen', roles: ['admin'] },
  { id: 'u-wang', username: 'wang', roles: ['venue_clerk'] },
  { id: 'u-huang', username: 'huang', roles: ['venue_clerk'] },
  { id: 'u-tsai', username: 'tsai', roles: ['admin', 'venue_clerk'] },
  { id: 'u-liu', username: 'liu', roles: ['venue_clerk'] },
  { id: 'u-kuo', username: 'kuo', roles: ['admin', 'venue_clerk'] },
];
/** Whose roles the administrator at w0 takes away and gives back (their workstation may not know yet). */
const TOGGLED_USER = 'u-huang';

const SITE_CODES = ['A', 'B', 'C', 'D', 'E'];
const AGENCY_CODES = ['CAB', 'PWB', 'EDU', 'FIN'];
const NAMES = ['四維行政中心', '鳳山行政中心', '前鎮辦公室', '苓雅服務處', '左營分處', 'Siwei Center', '新興大樓'];
const PHONES = ['07-3368333', '07-7995678', '07-3373222', '07-5316111'];
const EVENTS = ['市政會議', '社區說明會', '防災演練', '志工訓練', '藝文展覽'];
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'];
const VENUES = ['v-aud', 'v-room'];

const BASE_SEED: [string, unknown][] = [
  ['site.create', { id: 'site-hq', code: 'HQ', nameZh: '四維行政中心', nameEn: 'Siwei', address: '高雄市苓雅區四維三路2號' }],
  ['building.create', { id: 'b-main', siteId: 'site-hq', code: 'M', nameZh: '行政大樓', nameEn: 'Main' }],
  ['floor.create', { id: 'f-1', buildingId: 'b-main', name: '1F', level: 1 }],
  ['space.create', { id: 'sp-aud', floorId: 'f-1', code: 'AUD', nameZh: '大禮堂', nameEn: 'Auditorium', kind: 'auditorium', capacity: 800 }],
  ['space.create', { id: 'sp-room', floorId: 'f-1', code: 'R1', nameZh: '第一會議室', nameEn: 'Room 1', kind: 'meeting_room', capacity: 30 }],
  ['agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局', nameEn: 'Civil Affairs Bureau', shortName: '民政局', phone: '07-1234567' }],
  [
    'venue.create',
    {
      id: 'v-aud',
      spaceId: 'sp-aud',
      type: 'auditorium',
      capacity: 800,
      equipment: ['projector'],
      opensAt: '08:00',
      closesAt: '22:00',
      bufferBefore: 15,
      bufferAfter: 15,
      approvalLevels: 1,
      bookableBy: 'anyone',
      fee: 0,
      deposit: 0,
      closures: [],
      notes: '',
    },
  ],
  [
    'venue.create',
    {
      id: 'v-room',
      spaceId: 'sp-room',
      type: 'meeting_room',
      capacity: 30,
      equipment: [],
      opensAt: '08:00',
      closesAt: '18:00',
      bufferBefore: 0,
      bufferAfter: 0,
      approvalLevels: 0,
      bookableBy: 'anyone',
      fee: 0,
      deposit: 0,
      closures: [],
      notes: '',
    },
  ],
];

export interface ScheduleOptions {
  seed: number;
  stations: number;
  steps: number;
  network: FaultyNetwork;
  openServerDb: () => Promise<SqlDb>;
}

export interface ScheduleResult {
  seed: number;
  problems: string[];
  tally: Tally;
  network: NetworkStats;
  localRefusals: number;
  /** Refusals by the server, by problem code. */
  refusals: Record<string, number>;
  /** Milliseconds spent in each part of the schedule. */
  phases: Record<string, number>;
}

type Action = 'write' | 'sync' | 'pull' | 'pushOnly' | 'offline' | 'online' | 'late';

const has = (st: Station, role: Role) => st.actor().roles.includes(role);

interface Write {
  name: string;
  args: Record<string, unknown>;
}

/** A write this workstation's user could make on what the workstation holds now. */
function randomWrite(rnd: Random, st: Station, fresh: () => string): Write {
  const admin = has(st, 'admin');
  const clerk = has(st, 'venue_clerk');
  const r = st.runner.records;
  const sites = r.findSync('site', {});
  const mySites = sites.filter((s) => s.id.startsWith('s-'));
  const agencies = r.findSync('agency', {});
  const bookings = r.findSync('booking', {});
  const live = bookings.filter((b) => b.status === 'pending' || b.status === 'approved');
  const pending = bookings.filter((b) => b.status === 'pending');
  const options: Partial<Record<string, number>> = {};
  if (admin) {
    Object.assign(options, { siteCreate: 5, siteName: 8, siteCode: 3, siteAddress: 4, siteArchive: 2, agencyCreate: 3, agencyEdit: 4 });
    if (mySites.length > 0) options.siteDelete = 1;
    if (st.index === 0) options.roles = 2;
  }
  if (clerk) {
    Object.assign(options, { bookingCreate: 10 });
    if (pending.length > 0) options.bookingApprove = 9;
    if (live.length > 0) Object.assign(options, { bookingMove: 3, bookingCancel: 1, bookingRename: 3 });
  }
  // Someone whose roles were all taken away still tries (and is refused on the spot).
  if (Object.keys(options).length === 0) options.bookingCreate = 1;
  const kind = rnd.weighted(options as Record<string, number>);
  const slot = () => {
    const day = rnd.pick(DAYS);
    const startMin = 9 * 60 + rnd.int(0, 12) * 30;
    const length = rnd.pick([60, 90, 120]);
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return { start: taipeiInstant(day, clock(startMin)), end: taipeiInstant(day, clock(startMin + length)) };
  };
  switch (kind) {
    case 'siteCreate':
      return { name: 'site.create', args: { id: `s-${fresh()}`, code: rnd.pick(SITE_CODES), nameZh: rnd.pick(NAMES), nameEn: '', address: '' } };
    case 'siteName':
      return { name: 'site.update', args: { id: rnd.pick(sites).id, nameZh: rnd.pick(NAMES) } };
    case 'siteCode':
      return { name: 'site.update', args: { id: rnd.pick(sites).id, code: rnd.pick(SITE_CODES) } };
    case 'siteAddress':
      return { name: 'site.update', args: { id: rnd.pick(sites).id, address: `${rnd.pick(['苓雅區', '鳳山區', '前鎮區'])}${rnd.int(1, 99)}號` } };
    case 'siteArchive': {
      const s = rnd.pick(sites);
      return { name: s.archived ? 'site.restore' : 'site.archive', args: { id: s.id } };
    }
    case 'siteDelete':
      return { name: 'site.delete', args: { id: rnd.pick(mySites).id } };
    case 'agencyCreate':
      return { name: 'agency.create', args: { id: `ag-${fresh()}`, code: rnd.pick(AGENCY_CODES), nameZh: rnd.pick(['工務局', '教育局', '財政局', '民政局']) } };
    case 'agencyEdit': {
      const a = rnd.pick(agencies);
      return rnd.chance(0.5) ? { name: 'agency.update', args: { id: a.id, phone: rnd.pick(PHONES) } } : { name: 'agency.update', args: { id: a.id, code: rnd.pick(AGENCY_CODES) } };
    }
    case 'roles': {
      const u = r.getSync('user', TOGGLED_USER);
      const roles = u?.roles.includes('venue_clerk') ? ['viewer'] : ['venue_clerk'];
      return { name: 'user.update', args: { id: TOGGLED_USER, roles } };
    }
    case 'bookingCreate':
      return {
        name: 'booking.create',
        args: completeBookingArgs({
          id: `bk-${fresh()}`,
          venueId: rnd.pick(VENUES),
          applicantOrg: '苓雅社區發展協會',
          contactPhone: '0912-345678',
          eventName: rnd.pick(EVENTS),
          attendees: rnd.int(5, 30),
          ...slot(),
        }),
      };
    case 'bookingApprove':
      return { name: 'booking.approve', args: { id: rnd.pick(pending).id } };
    case 'bookingMove':
      return { name: 'booking.move', args: { id: rnd.pick(live).id, ...slot() } };
    case 'bookingCancel':
      return { name: 'booking.cancel', args: { id: rnd.pick(live).id, reason: '活動延期' } };
    case 'bookingRename':
      return { name: 'booking.update', args: { id: rnd.pick(live).id, eventName: rnd.pick(EVENTS) } };
    default:
      throw new Error(`no write ${kind}`);
  }
}

/** The network's mood for one request while the workstation is online. */
function faultFor(rnd: Random): Fault {
  return rnd.weighted<Fault>({ pass: 78, loseRequest: 4, loseReply: 7, duplicate: 5, duplicateLater: 3, delay: 3 });
}

/** Pulls up to `pages` pages of `limit` changes, each applied with its cursor (a sync cut short is fine). */
async function pullPages(st: Station, limit: number, pages: number): Promise<void> {
  for (let i = 0; i < pages; i++) {
    const cursor = (st.db.$client.prepare("SELECT value FROM meta WHERE key = 'syncCursor'").get() as { value: string } | undefined)?.value ?? '';
    let page;
    try {
      page = await st.api.pull(st.token, st.clientId, cursor, limit);
    } catch {
      return; // the network lost it; a later sync picks up from the saved cursor
    }
    await applyPulledPage(st.db, st.runner, page);
    if (!page.more) return;
  }
}

export async function runSchedule(opts: ScheduleOptions): Promise<ScheduleResult> {
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - mark;
    mark = now;
  };
  const rnd = new Random(opts.seed);
  const netRnd = rnd.fork();
  const { network } = opts;
  const world = await makeWorld({
    network,
    openServerDb: opts.openServerDb,
    users: USERS.slice(0, opts.stations),
    seed: async (run) => {
      for (const [name, args] of BASE_SEED) await run(name, args);
    },
    // Some workstations hold a few leased numbers, the others give provisional ones.
    leaseBookingNumbers: (i) => (i % 2 === 0 ? 3 : 0),
    year: YEAR,
    tag: String(opts.seed),
  });
  phase('setup');
  const saved: SavedWrite[] = [];
  let localRefusals = 0;
  let clock = Date.parse(SERVER_NOW) + 60_000;
  let n = 0;
  const fresh = () => `${opts.seed}-${++n}`;
  const serve = async (st: Station, work: () => Promise<unknown>) => {
    network.active.add(st.name);
    try {
      await work();
    } finally {
      network.active.delete(st.name);
    }
  };

  try {
    // Joining: everyone takes the server's data first.
    for (const st of world.stations) await serve(st, () => st.client.syncNow());
    network.decide = () => faultFor(netRnd);
    phase('join');

    for (let step = 0; step < opts.steps; step++) {
      const st = rnd.pick(world.stations);
      const offline = network.offline.has(st.name);
      const action = rnd.weighted<Action>({ write: 45, sync: 18, pull: 10, pushOnly: 6, offline: offline ? 0 : 6, online: offline ? 10 : 0, late: network.held.length > 0 ? 5 : 0 });
      switch (action) {
        case 'write': {
          const w = randomWrite(rnd, st, fresh);
          clock += 1000;
          const result = await st.runner.run(w.name, w.args, st.actor(), new Date(clock).toISOString());
          if (result.ok) saved.push({ clientId: result.clientId, mutationId: result.mutationId, name: w.name, args: w.args });
          else localRefusals += 1;
          break;
        }
        case 'sync':
          await serve(st, () => st.client.syncNow());
          break;
        case 'pull':
          await serve(st, () => pullPages(st, rnd.pick([1, 2, 3, 7, 50]), rnd.int(1, 4)));
          break;
        case 'pushOnly':
          network.blockedPaths.add('/pull');
          await serve(st, () => st.client.syncNow());
          network.blockedPaths.clear();
          break;
        case 'offline':
          network.offline.add(st.name);
          break;
        case 'online':
          network.offline.delete(st.name);
          break;
        case 'late':
          await network.redeliver(rnd.int(0, network.held.length - 1));
          break;
      }
    }

    phase('steps');
    // Everyone back online on a quiet network; what was held arrives late, then all sync until nothing moves.
    network.offline.clear();
    network.decide = () => 'pass';
    while (network.held.length > 0) await network.redeliver(rnd.int(0, network.held.length - 1));
    for (let round = 0; round < 4; round++) {
      for (const st of world.stations) await serve(st, () => st.client.syncNow());
      if (round >= 1 && world.stations.every((s) => s.runner.pendingCount() === 0)) break;
    }
    for (const st of world.stations) await serve(st, () => st.client.syncNow());

    phase('final');
    const server = await readServer(world.db);
    const problems: string[] = [];
    for (const st of world.stations) {
      if (st.client.state.lastError) problems.push(`${st.name}: last sync failed: ${st.client.state.lastError.code} ${st.client.state.lastError.message}`);
      problems.push(...sameAsServer(st, server));
    }
    problems.push(...rulesHold(server));
    const once = exactlyOnce(world.stations, saved, server);
    problems.push(...once.problems);
    phase('checks');
    const refusals: Record<string, number> = {};
    for (const r of server.results) if (r.problem) refusals[r.problem.code] = (refusals[r.problem.code] ?? 0) + 1;
    return { seed: opts.seed, problems, tally: once.tally, network: network.stats, localRefusals, refusals, phases };
  } finally {
    await world.close();
    phase('close');
  }
}
