/**
 * The demo's preventive maintenance, projects and assets (all names of people and
 * companies made up): the plans of docs/domain.md, "Recurring inspections" (weekly dengue
 * patrol of the dormitories and flower beds, the cleanliness evaluation of every agency's
 * offices in 110/11 and 111/1) and of the routine upkeep beside them (monthly elevator
 * maintenance by the contractor, the yearly fire-safety inspection, quarterly HVAC filter
 * cleaning), their rounds of the report period 110/9/1–111/1/31 done, the four projects
 * of the period with their dates (docs/domain.md, "Projects"), and the equipment they concern;
 * and the rounds around the day the demo is loaded: those of the weeks before last done,
 * last week's overdue, this week's and the coming weeks' open. Ids are fixed (rounds derive theirs from plan and date), so every workstation agrees.
 */
import { addDays, startOfTaipeiDay, todayInTaipei, weekdayOf, type BusinessDate } from '../../../domain/dates';
import type { AssetKind } from '../../../domain/maintenance/assets';
import { roundId } from '../../../domain/maintenance/inspections';
import { occurrencesDue, type Recurrence } from '../../../domain/maintenance/recurrence';
import type { TicketCategory } from '../../../domain/maintenance/tickets';
import { isWorkingDay } from '../../../domain/working-days';
import { DEMO_AGENCIES, officeCode } from './agencies';
import { DEMO_CALENDAR_2022 } from './calendar';
import type { NamedMutation } from '../desk';
import { personId } from './people';
import { floorId, spaceId } from './places';

export const planId = (handle: string) => `demo-plan-${handle}`;
export const assetId = (code: string) => `demo-asset-${code}`;
export const projectId = (handle: string) => `demo-project-${handle}`;

/** The report period whose rounds the demo holds as done. */
export const DEMO_PERIOD = { from: '2021-09-01', to: '2022-01-31' } as const;

/** Rooms the equipment stands in, beside the places of places.ts. */
const EXTRA_SPACES: { site: string; building: string; floor: string; code: string; nameZh: string; nameEn: string }[] = [
  { site: 'SW', building: 'M', floor: 'RF', code: 'EL-RF', nameZh: '電梯機房', nameEn: 'Elevator Machine Room' },
  { site: 'SW', building: 'M', floor: '1F', code: 'FC-1F', nameZh: '防災中心', nameEn: 'Fire Control Room' },
  { site: 'SW', building: 'M', floor: 'B2', code: 'PU-B2', nameZh: '泵浦室', nameEn: 'Pump Room' },
  { site: 'FS', building: 'F', floor: '5F', code: 'EL-F5', nameZh: '前棟電梯機房', nameEn: 'Front Building Elevator Machine Room' },
  { site: 'FS', building: 'F', floor: '1F', code: 'FC-F1', nameZh: '前棟防災中心', nameEn: 'Front Building Fire Control Room' },
  { site: 'FS', building: 'B', floor: 'RF', code: 'EL-BRF', nameZh: '後棟電梯機房', nameEn: 'Back Building Elevator Machine Room' },
];

/** Contractors of the projects, beside the maintenance contractors of people.ts. */
const EXTRA_PEOPLE = [
  { handle: 'zheng-wenbin', name: '鄭文彬', company: '宏築室內裝修有限公司', title: '工地主任', phone: '07-5554567' },
  { handle: 'wu-zhiqiang', name: '吳志強', company: '金泰土木包工業', title: '負責人', phone: '0922-333-444' },
];

type AssetRow = [code: string, name: string, kind: AssetKind, site: string, space: string, make: string, model: string, installedOn: BusinessDate | null, maintainer: string | null];

const ASSETS: AssetRow[] = [
  ['SW-EL-P1', '行政大樓客梯1號', 'elevator', 'SW', 'EL-RF', '三菱電機', 'NEXIEZ-MRL 15人', '2012-06-30', 'guo-junjie'],
  ['SW-EL-P2', '行政大樓客梯2號', 'elevator', 'SW', 'EL-RF', '三菱電機', 'NEXIEZ-MRL 15人', '2012-06-30', 'guo-junjie'],
  ['SW-EL-P3', '行政大樓客梯3號', 'elevator', 'SW', 'EL-RF', '三菱電機', 'NEXIEZ-MRL 15人', '2013-08-15', 'guo-junjie'],
  ['SW-EL-P4', '行政大樓客梯4號', 'elevator', 'SW', 'EL-RF', '三菱電機', 'NEXIEZ-MRL 15人', '2013-08-15', 'guo-junjie'],
  ['SW-EL-F1', '行政大樓貨梯1號', 'elevator', 'SW', 'EL-RF', '永大日立', 'UAX-F 2000kg', '2021-10-29', 'guo-junjie'],
  ['SW-EL-F2', '行政大樓貨梯2號', 'elevator', 'SW', 'EL-RF', '永大日立', 'UAX-F 2000kg', '2021-12-10', 'guo-junjie'],
  ['FS-EL-F1', '前棟客梯1號', 'elevator', 'FS', 'EL-F5', '崇友', 'GFC-13', '2009-03-01', 'guo-junjie'],
  ['FS-EL-F2', '前棟客梯2號', 'elevator', 'FS', 'EL-F5', '崇友', 'GFC-13', '2009-03-01', 'guo-junjie'],
  ['FS-EL-B1', '後棟客梯1號', 'elevator', 'FS', 'EL-BRF', '崇友', 'GFC-15', '2010-11-20', 'guo-junjie'],
  ['FS-EL-B2', '後棟客梯2號', 'elevator', 'FS', 'EL-BRF', '崇友', 'GFC-15', '2010-11-20', 'guo-junjie'],
  ['SW-CH-1', '冰水主機1號', 'chiller', 'SW', 'PR-RF', '台灣日立', 'RCU-400WHZ', '2021-10-29', 'xie-zonghan'],
  ['SW-CH-2', '冰水主機2號', 'chiller', 'SW', 'PR-RF', '台灣日立', 'RCU-400WHZ', '2021-10-29', 'xie-zonghan'],
  ['SW-AHU-AUD', '大禮堂空調箱', 'ac_unit', 'SW', 'AUD', '台灣大金', 'AHU-30', '2021-10-29', 'xie-zonghan'],
  ['FS-CH-1', '鳳山冰水主機', 'chiller', 'FS', 'PR-BRF', '台灣日立', 'RCU-300WHZ', '2021-12-20', 'xie-zonghan'],
  ['SW-PU-FIRE', '消防泵浦', 'pump', 'SW', 'PU-B2', '大井泵浦', 'FP-100', '2012-06-30', 'hong-xiuying'],
  ['SW-PU-WATER', '揚水泵浦', 'pump', 'SW', 'PU-B2', '大井泵浦', 'WP-50', '2012-06-30', 'zeng-guohua'],
  ['SW-FP-1', '火警受信總機', 'fire_panel', 'SW', 'FC-1F', '能美防災', 'R-24', '2012-06-30', 'hong-xiuying'],
  ['FS-FP-1', '前棟火警受信總機', 'fire_panel', 'FS', 'FC-F1', '能美防災', 'R-16', '2009-03-01', 'hong-xiuying'],
  ['SW-GEN-1', '緊急發電機', 'generator', 'SW', 'PR-B1', '三菱重工', 'MGS-500', '2012-06-30', 'zeng-guohua'],
];

interface DemoPlan {
  handle: string;
  name: string;
  category: TicketCategory;
  recurrence: Recurrence;
  startOn: BusinessDate;
  graceDays: number;
  spaces: [site: string, code: string][];
  assets: string[];
  checklist: string[];
  assignee: string | null;
  note: string;
  /** Taipei hour the demo rounds were done at. */
  doneAtHour: number;
}

const DENGUE_PLACES: [string, string][] = [
  ['DM', 'DM-LY1'],
  ['DM', 'DM-LY2'],
  ['DM', 'FB-LY'],
  ['DM', 'DM-FS1'],
  ['DM', 'FB-FS'],
  ['DM', 'LOW-FS'],
  ['SW', 'FB-OUT'],
];

const PLANS: DemoPlan[] = [
  {
    handle: 'dengue',
    name: '登革熱孳生源巡檢（宿舍及花圃）',
    category: 'other',
    recurrence: { freq: 'weekly', interval: 1, weekdays: [1] },
    startOn: '2021-09-01',
    graceDays: 2,
    spaces: DENGUE_PLACES,
    assets: [],
    checklist: ['戶外積水容器已清除或倒置', '花盆底盤及廢輪胎無積水', '排水溝暢通無積水', '低窪處及廢棄物已清理'],
    assignee: 'yang-mingzhe',
    note: '巡檢紀錄送衛生局備查',
    doneAtHour: 10,
  },
  {
    handle: 'elevator',
    name: '電梯每月保養',
    category: 'elevator',
    recurrence: { freq: 'monthly', interval: 1, day: 15 },
    startOn: '2021-01-01',
    graceDays: 5,
    spaces: [
      ['SW', 'EL-RF'],
      ['FS', 'EL-F5'],
      ['FS', 'EL-BRF'],
    ],
    assets: ASSETS.filter((a) => a[2] === 'elevator').map((a) => a[0]),
    checklist: ['機房溫度及通風正常', '曳引機、鋼索及煞車檢查', '門機及安全裝置測試', '緊急對講及照明測試', '車廂平層及運轉無異音'],
    assignee: 'guo-junjie',
    note: '依保養合約由永昇電梯每月到場',
    doneAtHour: 14,
  },
  {
    handle: 'fire',
    name: '消防安全設備年度檢修',
    category: 'fire',
    recurrence: { freq: 'yearly', interval: 1, month: 11, day: 10 },
    startOn: '2021-01-01',
    graceDays: 14,
    spaces: [
      ['SW', 'FC-1F'],
      ['SW', 'PU-B2'],
      ['FS', 'FC-F1'],
    ],
    assets: ['SW-FP-1', 'FS-FP-1', 'SW-PU-FIRE'],
    checklist: ['火警受信總機功能測試', '滅火器壓力及有效期限', '消防泵浦啟動測試', '避難器具及緩降機', '緊急照明及出口標示燈'],
    assignee: 'hong-xiuying',
    note: '檢修申報書於完成後 15 日內送消防局',
    doneAtHour: 15,
  },
  {
    handle: 'hvac',
    name: '空調濾網季清洗',
    category: 'hvac',
    recurrence: { freq: 'monthly', interval: 3, day: 20 },
    startOn: '2021-10-01',
    graceDays: 7,
    spaces: [
      ['SW', 'PR-RF'],
      ['SW', 'AUD'],
      ['FS', 'PR-BRF'],
    ],
    assets: ['SW-CH-1', 'SW-CH-2', 'SW-AHU-AUD', 'FS-CH-1'],
    checklist: ['空調箱濾網拆洗', '冷卻水塔清潔', '出風口及回風口清潔', '冰水主機運轉紀錄'],
    assignee: 'xu-zhiwei',
    note: '',
    doneAtHour: 11,
  },
  {
    handle: 'cleanliness',
    name: '各機關環境整潔評比',
    category: 'other',
    recurrence: { freq: 'monthlyWeekday', interval: 2, nth: 3, weekday: 3 },
    startOn: '2021-11-01',
    graceDays: 7,
    spaces: DEMO_AGENCIES.map((a) => [a.office[0], officeCode(a.code)]),
    assets: [],
    checklist: ['辦公區地面及走道整潔', '垃圾分類及資源回收', '茶水間衛生', '盆栽及容器無積水', '消防通道及逃生門暢通'],
    assignee: null,
    note: '由評比小組至各機關辦公室評分；缺失由各機關限期改善',
    doneAtHour: 16,
  },
];

/** Findings of the demo period: [plan, scheduled date, site, space, checklist item no. (1-based), note]. */
const FINDINGS: [string, BusinessDate, string, string, number, string][] = [
  ['dengue', '2021-09-20', 'DM', 'FB-LY', 2, '花圃旁廢輪胎兩個積水，已當場倒除並移置'],
  ['dengue', '2021-10-18', 'DM', 'LOW-FS', 4, '宿舍後方空地堆置廢棄家具，已通知宿舍管理員清運'],
  ['dengue', '2021-12-06', 'DM', 'DM-LY2', 3, '乙棟前排水溝落葉堵塞積水'],
  ['elevator', '2021-11-15', 'FS', 'EL-BRF', 4, '後棟客梯2號運轉時有異音，已安排更換導靴'],
  ['fire', '2021-11-10', 'FS', 'FC-F1', 5, '前棟三樓出口標示燈不亮兩處'],
  ['cleanliness', '2021-11-17', 'FS', officeCode('HLT'), 3, '茶水間廚餘桶未加蓋，請機關改善'],
  ['cleanliness', '2021-11-17', 'SW', officeCode('UDB'), 5, '逃生門前堆放紙箱，請機關改善'],
  ['cleanliness', '2022-01-19', 'FS', officeCode('TRA'), 2, '資源回收未確實分類，請機關改善'],
];

/** Findings that opened a repair ticket, and how the ticket went on: [status, Taipei day, hour, note]. */
interface FindingTicket {
  plan: string;
  date: BusinessDate;
  space: string;
  item: number;
  id: string;
  subject: string;
  category: TicketCategory;
  asset: string | null;
  assignee: string;
  steps: [to: 'assigned' | 'in_progress' | 'completed' | 'closed', day: BusinessDate, hour: number, note: string][];
}

const FINDING_TICKETS: FindingTicket[] = [
  {
    plan: 'elevator',
    date: '2021-11-15',
    space: 'EL-BRF',
    item: 4,
    id: 'demo-ticket-round-elevator-20211115',
    subject: '後棟客梯2號運轉異音',
    category: 'elevator',
    asset: 'FS-EL-B2',
    assignee: 'guo-junjie',
    steps: [
      ['assigned', '2021-11-15', 15, ''],
      ['in_progress', '2021-11-18', 9, ''],
      ['completed', '2021-11-18', 16, '更換車廂導靴，試運轉正常'],
      ['closed', '2021-11-22', 10, ''],
    ],
  },
  {
    plan: 'fire',
    date: '2021-11-10',
    space: 'FC-F1',
    item: 5,
    id: 'demo-ticket-round-fire-20211110',
    subject: '前棟三樓出口標示燈不亮',
    category: 'fire',
    asset: null,
    assignee: 'zhang-wenxiong',
    steps: [
      ['assigned', '2021-11-11', 9, ''],
      ['in_progress', '2021-11-12', 10, ''],
      ['completed', '2021-11-12', 11, '更換標示燈電池兩組'],
    ],
  },
];

interface DemoProject {
  handle: string;
  name: string;
  scope: string;
  contractor: string;
  budget: number;
  plannedStart: BusinessDate;
  plannedEnd: BusinessDate;
  actualStart: BusinessDate | null;
  actualEnd: BusinessDate | null;
  phases: [name: string, plannedStart: BusinessDate, plannedEnd: BusinessDate, actualStart: BusinessDate | null, actualEnd: BusinessDate | null][];
  note: string;
}

/** The projects of the period (docs/domain.md, "Projects"): the completion dates are the report's. */
const PROJECTS: DemoProject[] = [
  {
    handle: 'elevator-5',
    name: '電梯整修 第五期',
    scope: '四維行政中心行政大樓貨梯二部汰換（曳引機、控制盤、車廂及門機）',
    contractor: 'guo-junjie',
    budget: 14_800_000,
    plannedStart: '2021-08-16',
    plannedEnd: '2021-12-15',
    actualStart: '2021-08-23',
    actualEnd: '2021-12-10',
    phases: [
      ['貨梯1號汰換', '2021-08-16', '2021-10-31', '2021-08-23', '2021-10-29'],
      ['貨梯2號汰換', '2021-11-01', '2021-12-15', '2021-11-01', '2021-12-10'],
    ],
    note: '施工期間貨物改由客梯4號於上班前運送',
  },
  {
    handle: 'hvac',
    name: '中央空調系統汰換工程',
    scope: '四維及鳳山行政中心冰水主機、冷卻水塔及空調箱汰換',
    contractor: 'xie-zonghan',
    budget: 38_600_000,
    plannedStart: '2021-06-01',
    plannedEnd: '2021-12-31',
    actualStart: '2021-06-07',
    actualEnd: '2021-12-20',
    phases: [
      ['四維行政中心', '2021-06-01', '2021-10-31', '2021-06-07', '2021-10-29'],
      ['鳳山行政中心', '2021-09-01', '2021-12-31', '2021-09-06', '2021-12-20'],
    ],
    note: '',
  },
  {
    handle: 'auditorium',
    name: '大禮堂牆面整修（耐燃一級）',
    scope: '四維行政中心大禮堂牆面及舞台側牆改採耐燃一級材料，含吸音板',
    contractor: 'zheng-wenbin',
    budget: 6_200_000,
    plannedStart: '2021-10-01',
    plannedEnd: '2021-12-31',
    actualStart: '2021-10-04',
    actualEnd: '2021-12-31',
    phases: [
      ['既有牆面拆除及底材', '2021-10-01', '2021-10-31', '2021-10-04', '2021-10-30'],
      ['耐燃板材及吸音板施作', '2021-11-01', '2021-12-20', '2021-11-01', '2021-12-22'],
      ['驗收', '2021-12-21', '2021-12-31', '2021-12-27', '2021-12-31'],
    ],
    note: '施工期間大禮堂暫停借用',
  },
  {
    handle: 'dorm-demolition',
    name: '老舊眷舍拆除工程（四戶）',
    scope: '苓雅眷舍老舊木造眷舍四戶拆除、廢棄物清運及整地',
    contractor: 'wu-zhiqiang',
    budget: 1_850_000,
    plannedStart: '2021-07-12',
    plannedEnd: '2021-09-30',
    actualStart: '2021-07-13',
    actualEnd: '2021-09-23',
    phases: [],
    note: '',
  },
  {
    handle: 'fengshan-facade',
    name: '鳳山行政中心後棟外牆修繕',
    scope: '後棟外牆磁磚剝落修補及防水',
    contractor: 'zheng-wenbin',
    budget: 4_500_000,
    plannedStart: '2022-03-01',
    plannedEnd: '2022-06-30',
    actualStart: null,
    actualEnd: null,
    phases: [],
    note: '',
  },
];

/** An hour of a Taipei date, as a UTC instant. */
function taipeiTime(date: BusinessDate, hour: number): string {
  return new Date(Date.parse(startOfTaipeiDay(date)) + hour * 3_600_000).toISOString();
}

const itemId = (n: number) => `c${n}`;

export function inspectionMutations(now: Date): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>) => out.push({ name, args });

  for (const s of EXTRA_SPACES) {
    add('space.create', { id: spaceId(s.site, s.code), floorId: floorId(s.site, s.building, s.floor), code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, kind: 'plant_room', capacity: null });
  }
  for (const p of EXTRA_PEOPLE) add('person.create', { id: personId(p.handle), name: p.name, kind: 'contractor', agencyId: null, company: p.company, title: p.title, phone: p.phone });

  for (const [code, name, kind, site, space, make, model, installedOn, maintainer] of ASSETS) {
    add('asset.create', { id: assetId(code), code, name, kind, spaceId: spaceId(site, space), make, model, installedOn, maintainerId: maintainer ? personId(maintainer) : null });
  }

  for (const p of PROJECTS) {
    const status = p.actualEnd ? 'completed' : p.actualStart ? 'in_progress' : 'planned';
    add('project.create', {
      id: projectId(p.handle),
      name: p.name,
      scope: p.scope,
      contractorId: personId(p.contractor),
      budget: p.budget,
      status,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      actualStart: p.actualStart,
      actualEnd: p.actualEnd,
      note: p.note,
    });
    p.phases.forEach(([name, plannedStart, plannedEnd, actualStart, actualEnd], i) => {
      add('projectPhase.create', { id: `${projectId(p.handle)}-${i + 1}`, projectId: projectId(p.handle), seq: i + 1, name, plannedStart, plannedEnd, actualStart, actualEnd });
    });
  }

  for (const p of PLANS) {
    add('inspectionPlan.create', {
      id: planId(p.handle),
      name: p.name,
      category: p.category,
      recurrence: p.recurrence,
      startOn: p.startOn,
      onHoliday: 'next',
      graceDays: p.graceDays,
      spaceIds: p.spaces.map(([site, code]) => spaceId(site, code)),
      assetIds: p.assets.map(assetId),
      checklist: p.checklist.map((text, i) => ({ id: itemId(i + 1), text })),
      assigneeId: p.assignee ? personId(p.assignee) : null,
      note: p.note,
    });
  }

  // The period's rounds: made as any workstation makes them, then recorded and done.
  add('inspectionRound.generate', DEMO_PERIOD);
  const calendar = new Map(DEMO_CALENDAR_2022.map((d) => [d.date, d]));
  for (const p of PLANS) {
    const schedule = { rule: p.recurrence, startOn: p.startOn, endOn: null, endAfter: null, onHoliday: 'next' as const };
    for (const o of occurrencesDue(schedule, DEMO_PERIOD.from, DEMO_PERIOD.to, (d) => isWorkingDay(d, calendar))) {
      const id = roundId(planId(p.handle), o.scheduledOn);
      const tickets: FindingTicket[] = [];
      for (const [plan, date, site, space, n, note] of FINDINGS) {
        if (plan !== p.handle || date !== o.scheduledOn) continue;
        const ticket = FINDING_TICKETS.find((f) => f.plan === plan && f.date === date && f.space === space && f.item === n);
        const item = { roundId: id, spaceId: spaceId(site, space), itemId: itemId(n), note };
        if (!ticket) {
          add('inspectionItem.record', { ...item, outcome: 'fail' });
          continue;
        }
        tickets.push(ticket);
        // Written as made on the round's day: the runner numbers the ticket in that year.
        const reportedAt = taipeiTime(o.dueOn, p.doneAtHour - 1);
        out.push({
          name: 'inspectionItem.openTicket',
          args: {
            ...item,
            ticketId: ticket.id,
            subject: ticket.subject,
            category: ticket.category,
            assetId: ticket.asset ? assetId(ticket.asset) : null,
            reportedAt,
          },
          at: reportedAt,
        });
      }
      add('inspectionRound.passRemaining', { id });
      add('inspectionRound.complete', { id, completedAt: taipeiTime(o.dueOn, p.doneAtHour) });
      for (const ticket of tickets) {
        ticket.steps.forEach(([to, day, hour, note], i) => {
          add('ticket.transition', {
            id: ticket.id,
            changeId: `${ticket.id}:${i + 1}`,
            status: to,
            note,
            at: taipeiTime(day, hour),
            ...(to === 'assigned' ? { assigneeId: personId(ticket.assignee) } : {}),
          });
        });
      }
    }
  }

  // Around today: the window a workstation makes rounds for (a month back, a month ahead),
  // with the rounds due before last week done on their day; last week's are overdue (the
  // desk has something to chase), this week's and the coming ones still to do.
  const today = todayInTaipei(now);
  const sunday = addDays(today, -weekdayOf(today));
  const window = { from: addDays(today, -30), to: addDays(today, 31) };
  add('inspectionRound.generate', window);
  for (const p of PLANS) {
    const schedule = { rule: p.recurrence, startOn: p.startOn, endOn: null, endAfter: null, onHoliday: 'next' as const };
    for (const o of occurrencesDue(schedule, window.from, window.to, (d) => isWorkingDay(d, calendar))) {
      if (o.dueOn >= addDays(sunday, -7)) continue;
      const id = roundId(planId(p.handle), o.scheduledOn);
      add('inspectionRound.passRemaining', { id });
      add('inspectionRound.complete', { id, completedAt: taipeiTime(o.dueOn, p.doneAtHour) });
    }
  }
  return out;
}
