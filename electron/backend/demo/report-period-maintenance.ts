/**
 * The maintenance desk's repair tickets of the seed report's period (110/9/1–111/1/31,
 * docs/domain.md "How the report counts"): tickets completed in the period at both centres
 * so that, with the two the inspection rounds' findings opened (demo/inspections.ts), the
 * period counts the business report's 376 cases handled, by category as below (the report
 * names the categories, 水電、土木、通訊、消防、空調、電梯, not their split). Plus tickets
 * that must not count: cancelled and returned ones, one completed the day before the period,
 * one completed just after midnight of its last day, one reopened after the period and
 * completed again in February, one still being worked on when the period ended; and two
 * that count on its edges (completed before 8:00 on its first day, and on 除夕, its last).
 * The rounds and projects of the period are the inspections demo's.
 */
import { taipeiDateOf, taipeiInstant, type BusinessDate } from '../../../domain/dates';
import type { TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../../../domain/maintenance/tickets';
import type { NamedMutation } from '../desk';
import { DEMO_AGENCIES, agencyId, officeCode } from './agencies';
import { personId } from './people';
import { spaceId } from './places';
import { demoRandom, seedPeriodWorkingDays } from './report-period-days';

/** The period's repair cases handled, by category (376 in all, the business report's figure). */
export const SEED_REPAIR_CASES: Readonly<Record<Exclude<TicketCategory, 'other'>, number>> = { plumbing: 142, civil: 68, telecom: 41, fire: 37, hvac: 55, elevator: 33 };
export const SEED_REPAIR_TOTAL = 376;

/** Completed in the period by the inspections demo (two findings' tickets): counted with these. */
const ELSEWHERE: Partial<Record<TicketCategory, number>> = { elevator: 1, fire: 1 };

type Place = [site: 'SW' | 'FS', space: string, nameZh: string];

const SW_ROOMS: Place[] = [
  ['SW', 'MR-201', '市府第一會議室'],
  ['SW', 'MR-202', '市府第二會議室'],
  ['SW', 'MR-301', '第三會議室'],
  ['SW', 'MR-302', '第四會議室'],
  ['SW', 'MR-401', '簡報室'],
  ['SW', 'MR-1001', '第五會議室'],
  ['SW', 'AUD', '大禮堂'],
  ['SW', 'SVC', '聯合服務中心'],
];
const FS_ROOMS: Place[] = [
  ['FS', 'MR-F201', '鳳山第一會議室'],
  ['FS', 'MR-F301', '鳳山第二會議室'],
  ['FS', 'MR-B201', '鳳山第三會議室'],
  ['FS', 'MR-B701', '鳳山第四會議室'],
  ['FS', 'AUD-F', '鳳山禮堂'],
  ['FS', 'ATR-F', '前棟大廳'],
];
const OFFICES: Place[] = DEMO_AGENCIES.map((a) => [a.office[0] as 'SW' | 'FS', officeCode(a.code), `${a.nameZh}辦公室`]);
const PLANT: Record<'SW' | 'FS', Place[]> = {
  SW: [
    ['SW', 'PR-B1', '機電機房'],
    ['SW', 'PR-RF', '空調機房'],
    ['SW', 'P-B1', '地下一樓停車場'],
    ['SW', 'P-B2', '地下二樓停車場'],
  ],
  FS: [
    ['FS', 'PR-FB1', '前棟機電機房'],
    ['FS', 'PR-BRF', '後棟空調機房'],
    ['FS', 'P-FB1', '前棟地下停車場'],
    ['FS', 'P-BB1', '後棟地下停車場'],
  ],
};
/** The elevator machine rooms (made by the inspections demo, which runs first). */
const LIFTS: Record<'SW' | 'FS', Place[]> = {
  SW: [['SW', 'EL-RF', '行政大樓']],
  FS: [
    ['FS', 'EL-F5', '前棟'],
    ['FS', 'EL-BRF', '後棟'],
  ],
};

interface Kind {
  /** Subject and description, `{p}` the place's name. */
  what: Array<[subject: string, description: string]>;
  where: (site: 'SW' | 'FS', pick: <T>(xs: readonly T[]) => T) => Place;
  assignees: string[];
  part?: [description: string, unit: string, unitPrice: number];
}

const roomsOf = (site: 'SW' | 'FS') => [...(site === 'SW' ? SW_ROOMS : FS_ROOMS), ...OFFICES.filter((o) => o[0] === site)];

const KINDS: Record<Exclude<TicketCategory, 'other'>, Kind> = {
  plumbing: {
    what: [
      ['{p}燈管閃爍', '{p}天花板燈管閃爍不停，影響辦公。'],
      ['{p}插座沒電', '{p}牆面插座無電，電腦無法開機。'],
      ['{p}廁所馬桶阻塞', '{p}旁廁所馬桶阻塞，水位上升。'],
      ['{p}洗手台水管滲水', '{p}旁洗手台下方水管滲水，地面濕滑。'],
      ['{p}飲水機不出水', '{p}飲水機按下後不出水。'],
      ['{p}跳電', '{p}午後跳電兩次，配電箱開關跳脫。'],
      ['{p}感應水龍頭失靈', '{p}旁廁所感應水龍頭一直出水。'],
    ],
    where: (site, pick) => pick(roomsOf(site)),
    assignees: ['zhang-wenxiong', 'zeng-guohua'],
    part: ['LED 燈管 T8 20W', '支', 180],
  },
  civil: {
    what: [
      ['{p}門鎖故障', '{p}門鎖轉不動，鑰匙插不進去。'],
      ['{p}天花板破損', '{p}天花板輕鋼架一片脫落。'],
      ['{p}地磚翹起', '{p}地磚翹起破裂，容易絆倒。'],
      ['{p}窗戶關不緊', '{p}窗戶滑軌卡住，下雨會滲水。'],
      ['{p}牆面油漆剝落', '{p}牆面受潮油漆剝落。'],
      ['{p}門弓器漏油', '{p}大門門弓器漏油，門關得太快。'],
    ],
    where: (site, pick) => pick(roomsOf(site)),
    assignees: ['yang-mingzhe'],
  },
  telecom: {
    what: [
      ['{p}電話無聲', '{p}分機話筒拿起無聲。'],
      ['{p}網路斷線', '{p}網路孔無法連線。'],
      ['{p}麥克風沒有聲音', '{p}無線麥克風沒有聲音，疑似接收器故障。'],
      ['{p}廣播喇叭雜音', '{p}廣播喇叭有沙沙雜音。'],
    ],
    where: (site, pick) => pick(roomsOf(site)),
    assignees: ['zhang-wenxiong'],
  },
  fire: {
    what: [
      ['{p}緊急照明燈不亮', '{p}緊急照明燈測試不亮，電池疑似老化。'],
      ['{p}出口標示燈故障', '{p}出口標示燈不亮。'],
      ['{p}偵煙器誤報', '{p}偵煙器無故警報。'],
      ['{p}滅火器過期', '{p}滅火器藥劑已過期，需更換。'],
    ],
    where: (site, pick) => (pick([0, 1]) ? pick(roomsOf(site)) : pick(PLANT[site])),
    assignees: ['hong-xiuying'],
    part: ['緊急照明燈電池', '組', 650],
  },
  hvac: {
    what: [
      ['{p}冷氣不冷', '{p}冷氣出風口只有送風，室溫偏高。'],
      ['{p}冷氣滴水', '{p}冷氣出風口滴水。'],
      ['{p}空調異音', '{p}空調運轉時有異音。'],
      ['{p}空調溫控器失靈', '{p}溫控面板無法調整溫度。'],
    ],
    where: (site, pick) => (pick([0, 1, 2]) ? pick(roomsOf(site)) : pick(PLANT[site])),
    assignees: ['xu-zhiwei', 'xie-zonghan'],
  },
  elevator: {
    what: [
      ['{p}客梯門關不上', '{p}客梯車廂門反覆開關，無法關閉。'],
      ['{p}電梯按鈕失靈', '{p}電梯樓層按鈕按下無反應。'],
      ['{p}電梯運轉異音', '{p}電梯上下行時有摩擦聲。'],
      ['{p}電梯平層不準', '{p}電梯停靠時與樓板有高低差。'],
    ],
    where: (site, pick) => pick(LIFTS[site]),
    assignees: ['guo-junjie'],
  },
};

const REPORTERS = ['周雅婷', '鄭宇翔', '徐慧敏', '陳怡伶', '林建宏', '張雅雯', '王俊傑', '李佳穎', '吳宗翰', '黃淑惠', '劉冠廷', '蔡明珠'];
const MINUTE = 60_000;
const later = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * MINUTE).toISOString();

interface PeriodTicket {
  id: string;
  category: Exclude<TicketCategory, 'other'>;
  site: 'SW' | 'FS';
  reportedAt: string;
  /** The moves after 報修 with their times. */
  steps: Array<[TicketStatus, string]>;
  priority?: TicketPriority;
  source?: TicketSource;
  subject?: string;
  description?: string;
  part?: boolean;
}

export function reportPeriodMaintenanceMutations(): NamedMutation[] {
  const rnd = demoRandom(376);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const days = seedPeriodWorkingDays();
  // The cases this file gives, by category, in a shuffled order.
  const pool: Array<Exclude<TicketCategory, 'other'>> = [];
  for (const [c, n] of Object.entries(SEED_REPAIR_CASES) as Array<[Exclude<TicketCategory, 'other'>, number]>) for (let i = 0; i < n - (ELSEWHERE[c] ?? 0); i++) pool.push(c);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const tickets: PeriodTicket[] = [];
  const worked = (reportedAt: string, completedAt: string, closed: boolean): PeriodTicket['steps'] => {
    const assigned = later(reportedAt, 15 + Math.floor(rnd() * 60));
    const started = later(assigned, 20 + Math.floor(rnd() * 60));
    const steps: PeriodTicket['steps'] = [
      ['assigned', assigned],
      ['in_progress', started < completedAt ? started : later(assigned, 1)],
      ['completed', completedAt],
    ];
    if (closed) steps.push(['closed', later(completedAt, 18 * 60)]);
    return steps;
  };

  // The two counted on the period's edges.
  tickets.push({
    id: 'demo-rp-ticket-first-morning',
    category: pool.pop()!,
    site: 'SW',
    reportedAt: taipeiInstant('2021-08-31', '17:40'),
    steps: worked(taipeiInstant('2021-08-31', '17:40'), taipeiInstant('2021-09-01', '07:50'), true),
    priority: 'urgent',
  });
  tickets.push({
    id: 'demo-rp-ticket-new-years-eve',
    category: 'plumbing',
    site: 'FS',
    reportedAt: taipeiInstant('2022-01-31', '08:20'),
    steps: worked(taipeiInstant('2022-01-31', '08:20'), taipeiInstant('2022-01-31', '11:30'), true),
    priority: 'urgent',
    subject: '除夕值班室水管破裂',
    description: '除夕上午值班室旁水管破裂，緊急搶修。',
  });
  pool.splice(pool.indexOf('plumbing'), 1);

  // The rest over the period's working days, more of them at 四維 (the bigger centre).
  pool.forEach((category, i) => {
    const d = Math.floor(rnd() * days.length);
    const day = days[d];
    const site = rnd() < 0.6 ? 'SW' : 'FS';
    const reportedAt = taipeiInstant(day, `${String(8 + Math.floor(rnd() * 8)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`);
    // Most are done the same day; some the next working day or two (never after the period's last).
    const wait = rnd() < 0.6 ? 0 : 1 + Math.floor(rnd() * 2);
    const doneDay = days[Math.min(days.length - 1, d + wait)];
    const completedAt = doneDay === day ? later(reportedAt, 90 + Math.floor(rnd() * 150)) : taipeiInstant(doneDay, `${String(9 + Math.floor(rnd() * 7)).padStart(2, '0')}:30`);
    const steps = worked(reportedAt, completedAt, rnd() < 0.9);
    // One in fifteen reopened the next morning (the repair did not hold) and completed again that day: still one case.
    const again = later(steps[2][1], 16 * 60);
    if (i % 15 === 7 && steps.length === 4 && taipeiDateOf(again) < '2022-01-28') {
      steps.splice(3, 1, ['in_progress', again], ['completed', later(again, 120)], ['closed', later(again, 20 * 60)]);
    }
    tickets.push({ id: `demo-rp-ticket-${String(i + 1).padStart(3, '0')}`, category, site, reportedAt, steps, part: rnd() < 0.25 });
  });

  // Not counted.
  const inPeriod = (day: BusinessDate, clock: string) => taipeiInstant(day, clock);
  tickets.push(
    {
      id: 'demo-rp-ticket-day-before',
      category: 'hvac',
      site: 'SW',
      reportedAt: inPeriod('2021-08-31', '09:10'),
      steps: worked(inPeriod('2021-08-31', '09:10'), inPeriod('2021-08-31', '16:30'), true),
    },
    {
      id: 'demo-rp-ticket-after-midnight',
      category: 'plumbing',
      site: 'SW',
      reportedAt: inPeriod('2022-01-31', '21:40'),
      steps: worked(inPeriod('2022-01-31', '21:40'), inPeriod('2022-02-01', '00:20'), true),
      priority: 'urgent',
      subject: '春節期間地下室排水泵浦故障',
      description: '除夕晚間地下室集水井水位過高，排水泵浦未啟動。',
    },
    {
      id: 'demo-rp-ticket-reopened-after',
      category: 'hvac',
      site: 'FS',
      reportedAt: inPeriod('2022-01-26', '10:00'),
      steps: [
        ['assigned', inPeriod('2022-01-26', '10:30')],
        ['in_progress', inPeriod('2022-01-26', '13:00')],
        ['completed', inPeriod('2022-01-27', '15:00')],
        ['in_progress', inPeriod('2022-02-07', '09:00')],
        ['completed', inPeriod('2022-02-08', '16:00')],
        ['closed', inPeriod('2022-02-09', '10:00')],
      ],
    },
    {
      id: 'demo-rp-ticket-waiting-parts',
      category: 'elevator',
      site: 'FS',
      reportedAt: inPeriod('2022-01-25', '14:00'),
      steps: [
        ['assigned', inPeriod('2022-01-25', '14:30')],
        ['in_progress', inPeriod('2022-01-26', '09:00')],
        ['waiting_parts', inPeriod('2022-01-26', '11:00')],
        ['completed', inPeriod('2022-02-10', '15:00')],
        ['closed', inPeriod('2022-02-11', '10:00')],
      ],
    },
  );
  for (const [k, day] of ['2021-09-14', '2021-11-03', '2022-01-12'].entries()) {
    tickets.push({ id: `demo-rp-ticket-cancelled-${k + 1}`, category: 'civil', site: k % 2 ? 'FS' : 'SW', reportedAt: inPeriod(day, '10:00'), steps: [['cancelled', inPeriod(day, '11:00')]] });
    tickets.push({
      id: `demo-rp-ticket-returned-${k + 1}`,
      category: 'telecom',
      site: k % 2 ? 'SW' : 'FS',
      reportedAt: inPeriod(day, '14:00'),
      steps: [['returned', inPeriod(day, '15:00')]],
      subject: '會議室投影機無法開機',
      description: '投影機屬資訊室管理，報修人改向資訊室報修。',
    });
  }
  // A ticket cancelled after the work had begun (the agency moved out of the room).
  tickets.push({
    id: 'demo-rp-ticket-cancelled-working',
    category: 'civil',
    site: 'SW',
    reportedAt: inPeriod('2021-10-20', '09:00'),
    steps: [
      ['assigned', inPeriod('2021-10-20', '09:30')],
      ['in_progress', inPeriod('2021-10-20', '10:00')],
      ['cancelled', inPeriod('2021-10-21', '09:00')],
    ],
  });

  tickets.sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0));
  const out: NamedMutation[] = [];
  for (const t of tickets) {
    const kind = KINDS[t.category];
    const [site, space, place] = kind.where(t.site, pick);
    const [subject, description] = pick(kind.what);
    const agencies = DEMO_AGENCIES.filter((a) => a.office[0] === site);
    const assignee = personId(pick(kind.assignees));
    out.push({
      name: 'ticket.create',
      args: {
        id: t.id,
        spaceId: spaceId(site, space),
        category: t.category,
        priority: t.priority ?? pick<TicketPriority>(['normal', 'normal', 'normal', 'high', 'low', 'urgent']),
        subject: t.subject ?? subject.replace('{p}', place),
        description: t.description ?? description.replace('{p}', place),
        reporterName: pick(REPORTERS),
        reporterAgencyId: agencyId(pick(agencies).code),
        reporterPhoneExt: String(2000 + Math.floor(rnd() * 8000)),
        source: t.source ?? pick<TicketSource>(['phone', 'phone', 'phone', 'counter', 'paper']),
        reportedAt: t.reportedAt,
      },
      // Filed in its own year: the runner numbers it 維-110-… or 維-111-….
      at: t.reportedAt,
    });
    t.steps.forEach(([status, at], k) => {
      out.push({ name: 'ticket.transition', args: { id: t.id, changeId: `${t.id}:${k + 1}`, status, at, ...(status === 'assigned' ? { assigneeId: assignee } : {}) } });
      if (k === 1 && t.part && kind.part) {
        const [what, unit, unitPrice] = kind.part;
        out.push({ name: 'ticketCost.add', args: { id: `${t.id}:x1`, ticketId: t.id, type: 'part', description: what, quantity: 1 + Math.floor(rnd() * 3), unit, unitPrice, personId: null } });
      }
    });
  }
  return out;
}
