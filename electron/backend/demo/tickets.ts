/**
 * Demo repair tickets: a few weeks of a desk's work at both centres and the dormitories,
 * reported, assigned, in progress, waiting for parts, completed, closed, returned and
 * cancelled, with comments and labour/parts lines. Times are counted back from the moment
 * the demo is loaded (office hours, weekdays), so "my work" and overdue read as on a
 * working day. Ids are fixed; the printed numbers are given out as for any ticket.
 */
import { addDays, startOfTaipeiDay, todayInTaipei, weekdayOf } from '../../../domain/dates';
import type { TicketCategory, TicketPriority, TicketSource, TicketStatus } from '../../../domain/maintenance/tickets';
import { agencyId, officeCode } from './agencies';
import type { NamedMutation } from '../desk';
import { personId } from './people';
import { spaceId } from './places';
import { reportPeriodMaintenanceMutations } from './report-period-maintenance';

interface DemoTicket {
  /** Working days before today it was reported, and the Taipei time. */
  daysAgo: number;
  at: string;
  space: [site: string, code: string];
  category: TicketCategory;
  priority: TicketPriority;
  subject: string;
  description: string;
  reporter?: [name: string, agency: string, ext: string];
  source?: TicketSource;
  /** Where it got to, and who works on it. */
  path: TicketStatus[];
  assignee?: string;
  comments?: string[];
  costs?: { type: 'labour' | 'part' | 'other'; description: string; quantity: number; unit: string; unitPrice?: number }[];
}

const office = (agency: string): [string, string] => ['SW', officeCode(agency)];

const TICKETS: DemoTicket[] = [
  {
    daysAgo: 14,
    at: '09:10',
    space: ['SW', 'MR-201'],
    category: 'hvac',
    priority: 'high',
    subject: '冷氣不冷',
    description: '市府第一會議室冷氣出風口只有送風，室溫 29 度，下午有局處首長會議。',
    reporter: ['周雅婷', 'CAB', '3201'],
    path: ['assigned', 'in_progress', 'completed', 'closed'],
    assignee: 'xu-zhiwei',
    comments: ['冷媒不足，已補充冷媒並清洗濾網。'],
    costs: [
      { type: 'labour', description: '檢修、補充冷媒', quantity: 2, unit: '小時' },
      { type: 'part', description: 'R410A 冷媒', quantity: 1, unit: '瓶', unitPrice: 2400 },
    ],
  },
  {
    daysAgo: 13,
    at: '10:30',
    space: ['SW', 'AUD'],
    category: 'plumbing',
    priority: 'normal',
    subject: '大禮堂後台燈管不亮',
    description: '後台左側走道兩支燈管閃爍後不亮。',
    reporter: ['黃怡君', 'SEC', '2131'],
    path: ['assigned', 'in_progress', 'completed', 'closed'],
    assignee: 'zhang-wenxiong',
    costs: [
      { type: 'part', description: 'LED 燈管 T8 20W', quantity: 2, unit: '支', unitPrice: 180 },
      { type: 'labour', description: '更換燈管', quantity: 0.5, unit: '小時' },
    ],
  },
  {
    daysAgo: 12,
    at: '14:05',
    space: ['SW', 'P-B1'],
    category: 'fire',
    priority: 'high',
    subject: '地下一樓緊急照明燈不亮',
    description: 'B1 停車場出口處緊急照明燈測試不亮，電池疑似老化。',
    source: 'inspection',
    path: ['assigned', 'in_progress', 'completed'],
    assignee: 'hong-xiuying',
    costs: [{ type: 'part', description: '緊急照明燈電池', quantity: 3, unit: '組', unitPrice: 650 }],
  },
  {
    daysAgo: 11,
    at: '08:50',
    space: office('SAB'),
    category: 'plumbing',
    priority: 'urgent',
    subject: '男廁洗手台漏水',
    description: '社會局辦公室旁男廁洗手台下方水管漏水，地板濕滑已放警示牌。',
    reporter: ['鄭宇翔', 'SAB', '3512'],
    path: ['assigned', 'in_progress', 'completed', 'in_progress', 'completed', 'closed'],
    assignee: 'zhang-wenxiong',
    comments: ['更換止水閥後仍滲水，隔日重新處理。', '已更換整段排水管，觀察一天無滲漏。'],
    costs: [
      { type: 'part', description: '止水閥', quantity: 1, unit: '個', unitPrice: 320 },
      { type: 'part', description: 'PVC 排水管', quantity: 2, unit: '支', unitPrice: 150 },
      { type: 'labour', description: '拆換管線', quantity: 3, unit: '小時' },
    ],
  },
  {
    daysAgo: 10,
    at: '11:20',
    space: ['SW', 'MR-202'],
    category: 'telecom',
    priority: 'normal',
    subject: '會議室網路斷線',
    description: '第二會議室牆面網路孔無法連線，筆電顯示未連接。',
    reporter: ['陳志明', 'SEC', '2100'],
    path: ['assigned', 'in_progress', 'completed', 'closed'],
    assignee: 'zhang-wenxiong',
  },
  {
    daysAgo: 9,
    at: '15:40',
    space: ['SW', 'GRD'],
    category: 'civil',
    priority: 'low',
    subject: '警衛室門鎖卡住',
    description: '警衛室後門喇叭鎖轉不動。',
    reporter: ['劉國強', '', '2000'],
    path: ['assigned', 'in_progress', 'completed', 'closed'],
    assignee: 'yang-mingzhe',
  },
  {
    daysAgo: 8,
    at: '09:30',
    space: ['FS', 'MR-F201'],
    category: 'hvac',
    priority: 'normal',
    subject: '鳳山第一會議室空調異音',
    description: '空調運轉時天花板內有規律的敲擊聲。',
    reporter: ['徐慧敏', 'LAB', ''],
    path: ['assigned', 'in_progress', 'waiting_parts'],
    assignee: 'xie-zonghan',
    comments: ['風扇馬達軸承磨損，已向廠商訂料，預計下週到貨。'],
  },
  {
    daysAgo: 7,
    at: '13:45',
    space: ['SW', 'PR-RF'],
    category: 'elevator',
    priority: 'urgent',
    subject: '電梯停在樓層間',
    description: '行政大樓 2 號客梯停在 7、8 樓之間，已確認無人受困，暫停使用。',
    reporter: ['劉國強', '', '2000'],
    path: ['assigned', 'in_progress', 'completed', 'closed'],
    assignee: 'guo-junjie',
    comments: ['控制板繼電器故障，已更換並試車正常。'],
    costs: [{ type: 'other', description: '電梯緊急叫修費', quantity: 1, unit: '式', unitPrice: 3500 }],
  },
  {
    daysAgo: 6,
    at: '10:10',
    space: ['FS', 'ATR-F'],
    category: 'civil',
    priority: 'normal',
    subject: '展覽區地磚破損',
    description: '前棟大廳展覽區靠入口處三塊地磚翹起破裂，容易絆倒。',
    reporter: ['黃怡君', 'SEC', '2131'],
    path: ['assigned', 'in_progress'],
    assignee: 'yang-mingzhe',
  },
  {
    daysAgo: 5,
    at: '16:20',
    space: ['SW', 'SVC'],
    category: 'plumbing',
    priority: 'high',
    subject: '聯合服務中心插座沒電',
    description: '櫃檯 3 號、4 號座位下方插座無電，叫號機無法使用。',
    reporter: ['蔡佩珊', 'SEC', '2150'],
    path: ['assigned', 'in_progress'],
    assignee: 'zhang-wenxiong',
  },
  {
    daysAgo: 5,
    at: '09:00',
    space: ['DM', 'DM-LY1'],
    category: 'plumbing',
    priority: 'normal',
    subject: '眷舍甲棟水塔漏水',
    description: '屋頂水塔底部滲水，住戶反映天花板有水漬。',
    source: 'paper',
    path: ['assigned'],
    assignee: 'zeng-guohua',
  },
  {
    daysAgo: 4,
    at: '11:35',
    space: ['SW', 'MR-301'],
    category: 'other',
    priority: 'low',
    subject: '投影機畫面偏黃',
    description: '第三會議室投影機畫面偏黃，疑似燈泡老化。',
    reporter: ['周雅婷', 'CAB', '3201'],
    path: ['returned'],
    comments: ['投影機屬資訊室管理，已請報修人改向資訊室報修。'],
  },
  {
    daysAgo: 4,
    at: '14:00',
    space: ['SW', 'ATR'],
    category: 'fire',
    priority: 'normal',
    subject: '中庭滅火器過期',
    description: '中庭東側兩具滅火器藥劑已過期。',
    source: 'inspection',
    path: ['assigned'],
    assignee: 'hong-xiuying',
  },
  {
    daysAgo: 3,
    at: '08:40',
    space: ['SW', 'MR-401'],
    category: 'hvac',
    priority: 'normal',
    subject: '簡報室冷氣滴水',
    description: '冷氣出風口滴水，滴在投影布幕前的桌面。',
    reporter: ['鄭宇翔', 'SAB', '3512'],
    path: ['assigned', 'in_progress'],
    assignee: 'xu-zhiwei',
  },
  {
    daysAgo: 3,
    at: '10:15',
    space: ['FS', 'AUD-F'],
    category: 'elevator',
    priority: 'high',
    subject: '禮堂無障礙電梯按鈕失靈',
    description: '鳳山禮堂無障礙電梯 1 樓外呼按鈕按下無反應。',
    reporter: ['徐慧敏', 'LAB', ''],
    path: ['assigned'],
    assignee: 'guo-junjie',
  },
  {
    daysAgo: 2,
    at: '15:30',
    space: ['SW', 'MR-1001'],
    category: 'civil',
    priority: 'low',
    subject: '會議室百葉窗拉繩斷裂',
    description: '第五會議室靠窗第二扇百葉窗拉繩斷裂。',
    reporter: ['李美玲', 'SEC', '2121'],
    path: [],
  },
  {
    daysAgo: 2,
    at: '09:25',
    space: ['DM', 'DM-FS1'],
    category: 'plumbing',
    priority: 'normal',
    subject: '宿舍浴室熱水器無熱水',
    description: '員工宿舍 2 樓浴室熱水器點不著火。',
    source: 'paper',
    path: ['cancelled'],
    comments: ['住戶來電告知瓦斯桶已更換，恢復正常，取消報修。'],
  },
  {
    daysAgo: 1,
    at: '10:40',
    space: office('PER'),
    category: 'plumbing',
    priority: 'urgent',
    subject: '辦公室天花板漏水',
    description: '人事處辦公室天花板漏水，已用水桶接水，上方為茶水間。',
    reporter: ['陳志明', 'SEC', '2100'],
    path: ['assigned'],
    assignee: 'zhang-wenxiong',
  },
  {
    daysAgo: 1,
    at: '14:50',
    space: ['SW', 'P-OUT'],
    category: 'civil',
    priority: 'normal',
    subject: '平面停車場車擋鬆脫',
    description: '平面停車場 A 區第 12 格車擋螺絲鬆脫。',
    source: 'counter',
    path: [],
  },
  {
    daysAgo: 0,
    at: '09:05',
    space: ['SW', 'MR-201'],
    category: 'telecom',
    priority: 'high',
    subject: '會議室麥克風沒有聲音',
    description: '市府第一會議室主席台麥克風沒有聲音，10 點有會議。',
    reporter: ['周雅婷', 'CAB', '3201'],
    path: [],
  },
];

/** Working days counted back from `today` (weekends skipped). */
function workingDaysBefore(today: string, n: number): string {
  let d = today;
  let left = n;
  while (left > 0 || [0, 6].includes(weekdayOf(d))) {
    d = addDays(d, -1);
    if (![0, 6].includes(weekdayOf(d))) left -= 1;
  }
  return d;
}

const MINUTE = 60_000;

export function ticketMutations(now: Date): NamedMutation[] {
  // Elevators and fire safety are answered faster than the defaults.
  const out: NamedMutation[] = [
    { name: 'slaRule.set', args: { category: 'elevator', priority: 'urgent', hours: 2 } },
    { name: 'slaRule.set', args: { category: 'elevator', priority: 'high', hours: 4 } },
    { name: 'slaRule.set', args: { category: 'fire', priority: 'urgent', hours: 2 } },
  ];
  const today = todayInTaipei(now);
  TICKETS.forEach((d, i) => {
    const id = `demo-ticket-${String(i + 1).padStart(2, '0')}`;
    const day = d.daysAgo === 0 ? today : workingDaysBefore(today, d.daysAgo);
    const [hh, mm] = d.at.split(':').map(Number);
    let at = Math.min(Date.parse(startOfTaipeiDay(day)) + (hh * 60 + mm) * MINUTE, now.getTime() - 60 * MINUTE);
    const reportedAt = new Date(at).toISOString();
    const [name, agency, ext] = d.reporter ?? ['', '', ''];
    out.push({
      name: 'ticket.create',
      args: {
        id,
        spaceId: spaceId(...d.space),
        category: d.category,
        priority: d.priority,
        subject: d.subject,
        description: d.description,
        reporterName: name,
        reporterAgencyId: agency ? agencyId(agency) : null,
        reporterPhoneExt: ext,
        source: d.source ?? 'phone',
        reportedAt,
      },
    });
    // Each step an hour or so after the one before, never later than now.
    const step = (minutes: number) => {
      at = Math.min(at + minutes * MINUTE, now.getTime() - MINUTE);
      return new Date(at).toISOString();
    };
    d.path.forEach((status, k) => {
      out.push({
        name: 'ticket.transition',
        args: { id, changeId: `${id}:${k + 1}`, status, at: step(status === 'completed' ? 180 : 40), ...(status === 'assigned' && d.assignee ? { assigneeId: personId(d.assignee) } : {}) },
      });
      if (k === 1) {
        (d.comments ?? []).forEach((body, c) => out.push({ name: 'ticketComment.add', args: { id: `${id}:c${c + 1}`, ticketId: id, body } }));
        (d.costs ?? []).forEach((line, c) =>
          out.push({
            name: 'ticketCost.add',
            args: { id: `${id}:x${c + 1}`, ticketId: id, ...line, unitPrice: line.unitPrice ?? 0, personId: line.type === 'labour' && d.assignee ? personId(d.assignee) : null },
          }),
        );
      }
    });
    if (d.path.length < 2) (d.comments ?? []).forEach((body, c) => out.push({ name: 'ticketComment.add', args: { id: `${id}:c${c + 1}`, ticketId: id, body } }));
  });
  // The business report's period: its 376 cases handled and the tickets that must not count.
  out.push(...reportPeriodMaintenanceMutations());
  return out;
}
