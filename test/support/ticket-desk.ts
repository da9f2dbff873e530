/**
 * A small maintenance world for tests and the benchmark: two centres with a few spaces, an
 * agency, two technicians, a contractor, a clerk and a technician who sign in. Written
 * through the mutation runner like data typed in by hand.
 */
import type { Db } from '../../db/open';
import { SqliteRecords } from '../../db/records';
import { newId } from '../../domain/ids';
import { addWorkingHours, DEFAULT_SLA_HOURS } from '../../domain/maintenance/sla';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type Ticket, type TicketCategory, type TicketStatus } from '../../domain/maintenance/tickets';
import { formatPrintedNumber, parsePrintedNumber } from '../../domain/numbering';
import type { Actor, MutationRunner } from '../../electron/backend/mutation-runner';

/** An instant given as Taipei wall-clock time. */
export const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

export const world = {
  sites: { siwei: 'site-siwei', fengshan: 'site-fengshan' },
  buildings: { admin: 'bld-admin', front: 'bld-front' },
  spaces: { room1: 'sp-room1', toilet3: 'sp-toilet3', lobby: 'sp-lobby', fsOffice: 'sp-fs-office', archived: 'sp-old' },
  agency: 'ag-cab',
  people: { tech: 'p-zhang', tech2: 'p-xu', contractor: 'p-guo', staff: 'p-zhou' },
  users: { clerk: 'u-clerk', tech: 'u-tech', tech2: 'u-tech2', supervisor: 'u-sup', viewer: 'u-viewer' },
};

export const adminActor: Actor = { userId: 'u-admin', roles: ['admin'], locale: 'zh-TW' };
export const clerk: Actor = { userId: world.users.clerk, roles: ['maintenance_clerk'], locale: 'zh-TW' };
export const tech: Actor = { userId: world.users.tech, roles: ['technician'], locale: 'zh-TW' };
export const tech2: Actor = { userId: world.users.tech2, roles: ['technician'], locale: 'zh-TW' };
export const supervisor: Actor = { userId: world.users.supervisor, roles: ['supervisor'], locale: 'zh-TW' };
export const viewer: Actor = { userId: world.users.viewer, roles: ['viewer'], locale: 'zh-TW' };

export function worldMutations(): { name: string; args: unknown }[] {
  const { sites, buildings, spaces, people, users } = world;
  return [
    { name: 'site.create', args: { id: sites.siwei, code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei', address: '' } },
    { name: 'site.create', args: { id: sites.fengshan, code: 'FS', nameZh: '鳳山行政中心', nameEn: 'Fengshan', address: '' } },
    { name: 'building.create', args: { id: buildings.admin, siteId: sites.siwei, code: 'A', nameZh: '行政大樓', nameEn: '' } },
    { name: 'building.create', args: { id: buildings.front, siteId: sites.fengshan, code: 'F', nameZh: '前棟', nameEn: '' } },
    { name: 'floor.create', args: { id: 'fl-1f', buildingId: buildings.admin, name: '1F' } },
    { name: 'floor.create', args: { id: 'fl-3f', buildingId: buildings.admin, name: '3F' } },
    { name: 'floor.create', args: { id: 'fl-fs-2f', buildingId: buildings.front, name: '2F' } },
    { name: 'space.create', args: { id: spaces.room1, floorId: 'fl-3f', code: '301', nameZh: '市府第一會議室', kind: 'meeting_room' } },
    { name: 'space.create', args: { id: spaces.toilet3, floorId: 'fl-3f', nameZh: '男廁', kind: 'other' } },
    { name: 'space.create', args: { id: spaces.lobby, floorId: 'fl-1f', nameZh: '大廳', kind: 'other' } },
    { name: 'space.create', args: { id: spaces.fsOffice, floorId: 'fl-fs-2f', nameZh: '社會局辦公室', kind: 'office' } },
    { name: 'space.create', args: { id: spaces.archived, floorId: 'fl-1f', nameZh: '舊倉庫', kind: 'other' } },
    { name: 'space.archive', args: { id: spaces.archived } },
    { name: 'agency.create', args: { id: world.agency, code: 'CAB', nameZh: '民政局' } },
    { name: 'person.create', args: { id: people.tech, name: '張文雄', kind: 'technician', title: '水電技工' } },
    { name: 'person.create', args: { id: people.tech2, name: '許志偉', kind: 'technician', title: '空調技工' } },
    { name: 'person.create', args: { id: people.contractor, name: '郭俊傑', kind: 'contractor', company: '永昇電梯' } },
    { name: 'person.create', args: { id: people.staff, name: '周雅婷', kind: 'staff', agencyId: world.agency } },
    { name: 'user.create', args: { id: adminActor.userId, username: 'admin', displayName: '管理者', roles: ['admin'] } },
    { name: 'user.create', args: { id: users.clerk, username: 'maint', displayName: '王建國', roles: ['maintenance_clerk'] } },
    { name: 'user.create', args: { id: users.tech, username: 'tech', displayName: '張文雄', roles: ['technician'], personId: people.tech } },
    { name: 'user.create', args: { id: users.tech2, username: 'tech2', displayName: '許志偉', roles: ['technician'], personId: people.tech2 } },
    { name: 'user.create', args: { id: users.supervisor, username: 'sup', displayName: '林淑芬', roles: ['supervisor'] } },
    { name: 'user.create', args: { id: users.viewer, username: 'viewer', displayName: '蔡佩珊', roles: ['viewer'] } },
  ];
}

export async function buildWorld(runner: MutationRunner, at = tpe('2022-01-03', '08:00')): Promise<void> {
  const r = await runner.runBatch(worldMutations(), adminActor, at);
  if (!r.ok) throw new Error(`world: ${r.message} (#${r.index})`);
}

/** The arguments of a plain ticket, with overrides. */
export function ticketArgs(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    spaceId: world.spaces.toilet3,
    category: 'plumbing',
    priority: 'normal',
    subject: '男廁漏水',
    description: '洗手台下方水管漏水，地板濕滑',
    reporterName: '周雅婷',
    reporterAgencyId: world.agency,
    reporterPhoneExt: '3201',
    source: 'phone',
    ...over,
  };
}

// A fixed seed: every run measures the same data.
let seed = 20220131;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

export const SUBJECTS: Record<TicketCategory, string[]> = {
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

export interface GenerateOptions {
  count: number;
  spaces: readonly { id: string; siteId: string; buildingId: string }[];
  assignees: readonly string[];
  agencyId: string;
  userId: string;
  /** Reported between these instants, oldest first (numbers follow). */
  from?: string;
  to?: string;
}

/**
 * Many tickets straight into a database through the app's record SQL (so the search
 * triggers index them), in one transaction: the benchmark's and the long list's data.
 */
export function insertGeneratedTickets(db: Db, o: GenerateOptions): void {
  const records = new SqliteRecords(db);
  const start = Date.parse(o.from ?? '2019-01-02T00:00:00Z');
  const span = Date.parse(o.to ?? '2022-01-31T00:00:00Z') - start;
  // Numbers go on after those the database holds already (the demo's, say).
  const perYear = new Map<number, number>();
  for (const { number } of db.$client.prepare('SELECT number FROM ticket').all() as { number: string }[]) {
    const p = parsePrintedNumber(number);
    if (p && !p.provisional) perYear.set(p.year, Math.max(perYear.get(p.year) ?? 0, p.n));
  }
  db.$client.exec('BEGIN');
  for (let i = 0; i < o.count; i++) {
    const reportedAt = new Date(start + Math.floor((i / o.count) * span) + Math.floor(random() * 3_600_000)).toISOString();
    const year = Number(reportedAt.slice(0, 4));
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const category = pick(TICKET_CATEGORIES);
    const priority = pick(TICKET_PRIORITIES);
    const space = pick(o.spaces);
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
      reporterAgencyId: o.agencyId,
      reporterPhoneExt: String(3000 + Math.floor(random() * 999)),
      source: pick(['phone', 'counter', 'inspection', 'paper'] as const),
      reportedAt,
      dueAt: addWorkingHours(reportedAt, DEFAULT_SLA_HOURS[priority], new Map()),
      assigneeId: assigned && o.assignees.length ? pick(o.assignees) : null,
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
    const change = { ticketId: id, userId: o.userId, note: '', createdAt: reportedAt, updatedAt: reportedAt };
    records.insertSync('ticketStatusChange', { ...change, id: `${id}:0`, fromStatus: null, toStatus: 'reported', at: reportedAt });
    if (completedAt) records.insertSync('ticketStatusChange', { ...change, id: `${id}:c`, fromStatus: 'in_progress', toStatus: 'completed', at: completedAt });
  }
  db.$client.exec('COMMIT');
}
