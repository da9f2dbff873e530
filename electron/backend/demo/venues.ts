/**
 * The demo's venues and bookings, in the report period of the council document
 * (110/9/1–111/1/31) and the weeks after: the atrium's sister-city exhibitions, the
 * auditorium's events (and its wall renovation closure), a weekly meeting series in
 * 市府第一會議室 with one occurrence cancelled and one moved, and applications still
 * pending — two of them competing for the same evening.
 */
import type { ActivityType, ApprovalLevels, BookableBy, Equipment, VenueClosure, VenueType } from '../../../domain/venues/types';
import { agencyId } from './agencies';
import { spaceId } from './places';

export interface DemoVenue {
  site: string;
  space: string;
  type: VenueType;
  capacity: number;
  equipment: Equipment[];
  opensAt: string;
  closesAt: string;
  bufferBefore: number;
  bufferAfter: number;
  approvalLevels: ApprovalLevels;
  bookableBy: BookableBy;
  fee: number;
  deposit: number;
  closures?: VenueClosure[];
  notes?: string;
}

export const venueId = (site: string, space: string) => `demo-venue-${site}-${space}`;
export const bookingId = (handle: string) => `demo-booking-${handle}`;
export const seriesId = (handle: string) => `demo-series-${handle}`;

const meeting: Equipment[] = ['projector', 'screen', 'microphone', 'video_conference'];

export const DEMO_VENUES: DemoVenue[] = [
  {
    site: 'SW',
    space: 'AUD',
    type: 'auditorium',
    capacity: 800,
    equipment: ['projector', 'screen', 'microphone', 'sound_system', 'podium', 'stage_lighting', 'piano'],
    opensAt: '08:00',
    closesAt: '22:00',
    bufferBefore: 60,
    bufferAfter: 60,
    approvalLevels: 2,
    bookableBy: 'anyone',
    fee: 20000,
    deposit: 10000,
    closures: [{ from: '2021-12-13', to: '2021-12-31', reason: '牆面防焰一級改善工程' }],
    notes: '舞台燈光需於活動前三日洽總務科',
  },
  {
    site: 'SW',
    space: 'ATR',
    type: 'atrium',
    capacity: 300,
    equipment: ['display_panels', 'sound_system', 'microphone'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 120,
    bufferAfter: 120,
    approvalLevels: 2,
    bookableBy: 'anyone',
    fee: 0,
    deposit: 5000,
  },
  {
    site: 'SW',
    space: 'MR-201',
    type: 'meeting_room',
    capacity: 120,
    equipment: [...meeting, 'sound_system'],
    opensAt: '08:00',
    closesAt: '21:00',
    bufferBefore: 15,
    bufferAfter: 15,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'SW',
    space: 'MR-202',
    type: 'meeting_room',
    capacity: 60,
    equipment: meeting,
    opensAt: '08:00',
    closesAt: '21:00',
    bufferBefore: 15,
    bufferAfter: 15,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'SW',
    space: 'MR-301',
    type: 'meeting_room',
    capacity: 40,
    equipment: ['projector', 'whiteboard', 'video_conference'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'SW',
    space: 'MR-302',
    type: 'meeting_room',
    capacity: 30,
    equipment: ['projector', 'whiteboard'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 0,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'SW',
    space: 'MR-401',
    type: 'meeting_room',
    capacity: 50,
    equipment: ['projector', 'screen', 'microphone'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'SW',
    space: 'MR-1001',
    type: 'meeting_room',
    capacity: 24,
    equipment: ['whiteboard', 'video_conference'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 0,
    bufferAfter: 0,
    approvalLevels: 0,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'FS',
    space: 'AUD-F',
    type: 'auditorium',
    capacity: 300,
    equipment: ['projector', 'screen', 'microphone', 'sound_system', 'podium'],
    opensAt: '08:00',
    closesAt: '21:00',
    bufferBefore: 60,
    bufferAfter: 30,
    approvalLevels: 2,
    bookableBy: 'anyone',
    fee: 8000,
    deposit: 5000,
  },
  {
    site: 'FS',
    space: 'ATR-F',
    type: 'atrium',
    capacity: 120,
    equipment: ['display_panels'],
    opensAt: '08:00',
    closesAt: '17:30',
    bufferBefore: 120,
    bufferAfter: 60,
    approvalLevels: 1,
    bookableBy: 'anyone',
    fee: 0,
    deposit: 3000,
  },
  {
    site: 'FS',
    space: 'MR-F201',
    type: 'meeting_room',
    capacity: 80,
    equipment: [...meeting, 'sound_system'],
    opensAt: '08:00',
    closesAt: '21:00',
    bufferBefore: 15,
    bufferAfter: 15,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'FS',
    space: 'MR-F301',
    type: 'meeting_room',
    capacity: 40,
    equipment: ['projector', 'screen', 'video_conference'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'FS',
    space: 'MR-B201',
    type: 'meeting_room',
    capacity: 30,
    equipment: ['projector', 'whiteboard'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 0,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
  {
    site: 'FS',
    space: 'MR-B701',
    type: 'meeting_room',
    capacity: 50,
    equipment: ['projector', 'screen', 'microphone'],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 10,
    bufferAfter: 10,
    approvalLevels: 1,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
  },
];

export interface DemoBooking {
  handle: string;
  venue: [site: string, space: string];
  /** Agency code, or an outside organisation's name. */
  agency?: string;
  org?: string;
  contactName: string;
  contactPhone: string;
  eventName: string;
  activityType: ActivityType;
  attendees: number;
  equipment?: Equipment[];
  letterNo?: string;
  /** Taipei wall-clock 'YYYY-MM-DD HH:MM'. */
  start: string;
  end: string;
  fee?: number;
  feeWaived?: boolean;
  notes?: string;
  /** What happens after the application: approvals (each one level), then a rejection or cancellation. */
  then: Array<'approve' | { reject: string } | { cancel: string }>;
}

export const DEMO_BOOKINGS: DemoBooking[] = [
  // 中庭: the sister-city exhibitions, one after the other
  {
    handle: 'sister-hachioji',
    venue: ['SW', 'ATR'],
    agency: 'TOU',
    contactName: '林雅婷',
    contactPhone: '07-7995678',
    eventName: '姊妹市交流展：日本八王子市',
    activityType: 'exhibition',
    attendees: 200,
    equipment: ['display_panels'],
    letterNo: '高市觀推字第11031234500號',
    start: '2021-11-01 09:00',
    end: '2022-01-28 17:00',
    then: ['approve', 'approve'],
  },
  {
    handle: 'sister-portland',
    venue: ['SW', 'ATR'],
    agency: 'TOU',
    contactName: '林雅婷',
    contactPhone: '07-7995678',
    eventName: '姊妹市交流展：美國波特蘭市',
    activityType: 'exhibition',
    attendees: 200,
    equipment: ['display_panels'],
    letterNo: '高市觀推字第11130012300號',
    start: '2022-02-07 09:00',
    end: '2022-03-25 17:00',
    then: ['approve', 'approve'],
  },
  // 大禮堂
  {
    handle: 'covid-briefing',
    venue: ['SW', 'AUD'],
    agency: 'HLT',
    contactName: '陳建宏',
    contactPhone: '07-7134000',
    eventName: '防疫政策說明會',
    activityType: 'policy_promotion',
    attendees: 600,
    equipment: ['projector', 'microphone', 'sound_system'],
    letterNo: '高市衛疾字第11039876500號',
    start: '2021-10-15 14:00',
    end: '2021-10-15 17:00',
    feeWaived: true,
    then: ['approve', 'approve'],
  },
  {
    handle: 'civil-servant-lecture',
    venue: ['SW', 'AUD'],
    agency: 'PER',
    contactName: '黃淑芬',
    contactPhone: '07-3368110',
    eventName: '公務人員終身學習講座',
    activityType: 'lecture',
    attendees: 450,
    equipment: ['projector', 'microphone'],
    start: '2022-01-20 09:00',
    end: '2022-01-20 12:00',
    feeWaived: true,
    then: ['approve'],
  },
  {
    handle: 'orchestra',
    venue: ['SW', 'AUD'],
    org: '港都國樂團',
    contactName: '吳志明',
    contactPhone: '0912-345678',
    eventName: '新春國樂演奏會',
    activityType: 'performance',
    attendees: 700,
    equipment: ['sound_system', 'stage_lighting', 'microphone'],
    start: '2022-01-21 18:30',
    end: '2022-01-21 21:00',
    fee: 20000,
    then: [],
  },
  {
    handle: 'choir',
    venue: ['SW', 'AUD'],
    org: '高雄市民合唱團',
    contactName: '許美玲',
    contactPhone: '0933-222111',
    eventName: '迎春合唱音樂會',
    activityType: 'performance',
    attendees: 500,
    equipment: ['sound_system', 'piano'],
    start: '2022-01-21 19:00',
    end: '2022-01-21 21:30',
    fee: 20000,
    then: [],
  },
  // meeting rooms
  {
    handle: 'budget-review',
    venue: ['SW', 'MR-202'],
    agency: 'BAS',
    contactName: '張國華',
    contactPhone: '07-3368160',
    eventName: '111年度預算審查會議',
    activityType: 'meeting',
    attendees: 45,
    equipment: ['projector', 'video_conference'],
    start: '2022-01-12 14:00',
    end: '2022-01-12 17:00',
    then: ['approve'],
  },
  {
    handle: 'gis-training',
    venue: ['SW', 'MR-301'],
    agency: 'UDB',
    contactName: '李佳穎',
    contactPhone: '07-3368190',
    eventName: '地理資訊系統教育訓練',
    activityType: 'training',
    attendees: 35,
    equipment: ['projector'],
    start: '2022-01-13 09:00',
    end: '2022-01-13 12:00',
    then: [{ reject: '同時段已安排預算審查，請改用第四會議室' }],
  },
  {
    handle: 'youth-forum',
    venue: ['SW', 'MR-401'],
    agency: 'YOU',
    contactName: '蔡宗翰',
    contactPhone: '07-3368270',
    eventName: '青年政策座談',
    activityType: 'social_education',
    attendees: 50,
    equipment: ['projector', 'microphone'],
    start: '2021-12-08 14:00',
    end: '2021-12-08 16:30',
    then: ['approve', { cancel: '主講人臨時無法出席，活動延期' }],
  },
  {
    handle: 'fire-drill-brief',
    venue: ['FS', 'MR-F201'],
    agency: 'FIR',
    contactName: '郭俊傑',
    contactPhone: '07-7409119',
    eventName: '年度消防演練行前會議',
    activityType: 'training',
    attendees: 60,
    equipment: ['projector', 'sound_system'],
    start: '2022-01-18 10:00',
    end: '2022-01-18 12:00',
    then: ['approve'],
  },
  {
    handle: 'library-exhibit',
    venue: ['FS', 'ATR-F'],
    agency: 'LIB',
    contactName: '周欣怡',
    contactPhone: '07-7990101',
    eventName: '館藏古地圖特展',
    activityType: 'exhibition',
    attendees: 80,
    equipment: ['display_panels'],
    start: '2021-12-01 09:00',
    end: '2022-01-14 17:00',
    then: ['approve'],
  },
  {
    handle: 'labor-seminar',
    venue: ['FS', 'AUD-F'],
    agency: 'LAB',
    contactName: '鄭雅文',
    contactPhone: '07-7336959',
    eventName: '勞動法令宣導說明會',
    activityType: 'policy_promotion',
    attendees: 250,
    equipment: ['projector', 'microphone'],
    start: '2022-01-26 13:30',
    end: '2022-01-26 16:30',
    feeWaived: true,
    then: ['approve', 'approve'],
  },
];

export interface DemoSeries {
  handle: string;
  venue: [site: string, space: string];
  agency: string;
  contactName: string;
  contactPhone: string;
  eventName: string;
  activityType: ActivityType;
  attendees: number;
  equipment: Equipment[];
  weekdays: number[];
  startDate: string;
  startTime: string;
  endTime: string;
  count: number;
  approvals: number;
  /** Occurrences cancelled (by original date) and moved (original date → new Taipei start/end). */
  cancel?: Array<{ date: string; reason: string }>;
  move?: Array<{ date: string; start: string; end: string }>;
}

export const DEMO_SERIES: DemoSeries[] = [
  {
    handle: 'city-weekly',
    venue: ['SW', 'MR-201'],
    agency: 'SEC',
    contactName: '王怡君',
    contactPhone: '07-3368100',
    eventName: '市政會議',
    activityType: 'meeting',
    attendees: 90,
    equipment: ['projector', 'microphone', 'video_conference'],
    weekdays: [1],
    startDate: '2021-11-01',
    startTime: '09:00',
    endTime: '11:00',
    count: 16,
    approvals: 1,
    cancel: [{ date: '2021-12-27', reason: '年終停開一次' }],
    move: [{ date: '2022-01-10', start: '2022-01-11 09:00', end: '2022-01-11 11:00' }],
  },
];

export const demoVenueId = (v: Pick<DemoVenue, 'site' | 'space'>) => venueId(v.site, v.space);
export const demoSpaceId = (v: Pick<DemoVenue, 'site' | 'space'>) => spaceId(v.site, v.space);
export { agencyId };

/**
 * Bookings around the day the demo is loaded, so that the calendar's first screen shows
 * a working week: this week's and next week's meetings and events, approved and still
 * pending, two pairs competing for the same hours. `week` 0 is the week of the load
 * (Sunday to Saturday, as the calendar shows it), `weekday` 1 Monday … 5 Friday; `filed` how many days before the
 * load the application came in.
 */
export interface DemoNearBooking extends Omit<DemoBooking, 'start' | 'end'> {
  week: 0 | 1;
  weekday: 1 | 2 | 3 | 4 | 5;
  from: string;
  to: string;
  filed: number;
}

export const DEMO_NEAR_BOOKINGS: DemoNearBooking[] = [
  {
    handle: 'now-bureau-meeting',
    venue: ['SW', 'MR-201'],
    agency: 'SEC',
    contactName: '王怡君',
    contactPhone: '07-3368100',
    eventName: '局處首長業務會報',
    activityType: 'meeting',
    attendees: 80,
    equipment: ['projector', 'microphone', 'video_conference'],
    week: 0,
    weekday: 1,
    from: '14:00',
    to: '16:00',
    filed: 10,
    then: ['approve'],
  },
  {
    handle: 'now-tender-review',
    venue: ['SW', 'MR-202'],
    agency: 'FIN',
    contactName: '李承翰',
    contactPhone: '07-3368245',
    eventName: '採購案評選委員會',
    activityType: 'meeting',
    attendees: 15,
    equipment: ['projector', 'screen'],
    week: 0,
    weekday: 2,
    from: '09:30',
    to: '12:00',
    filed: 8,
    then: ['approve'],
  },
  {
    handle: 'now-disaster-lecture',
    venue: ['SW', 'AUD'],
    agency: 'CAB',
    contactName: '周雅婷',
    contactPhone: '07-3368201',
    eventName: '防災社區推廣講座',
    activityType: 'policy_promotion',
    attendees: 350,
    equipment: ['projector', 'microphone', 'sound_system'],
    week: 0,
    weekday: 3,
    from: '14:00',
    to: '17:00',
    filed: 20,
    feeWaived: true,
    then: ['approve', 'approve'],
  },
  {
    handle: 'now-training',
    venue: ['SW', 'MR-301'],
    agency: 'PER',
    contactName: '黃淑芬',
    contactPhone: '07-3368110',
    eventName: '公文線上簽核教育訓練',
    activityType: 'training',
    attendees: 30,
    equipment: ['projector'],
    week: 0,
    weekday: 4,
    from: '09:00',
    to: '12:00',
    filed: 2,
    then: [],
  },
  {
    handle: 'now-digital-briefing',
    venue: ['SW', 'MR-302'],
    agency: 'RDE',
    contactName: '吳宗憲',
    contactPhone: '07-3368320',
    eventName: '數位服務滿意度調查說明',
    activityType: 'meeting',
    attendees: 20,
    equipment: ['projector'],
    week: 0,
    weekday: 5,
    from: '10:00',
    to: '11:30',
    filed: 3,
    then: [],
  },
  // Two applications for the Fengshan meeting room's Tuesday afternoon.
  {
    handle: 'now-youth-forum',
    venue: ['FS', 'MR-F201'],
    agency: 'YOU',
    contactName: '蔡佩珊',
    contactPhone: '07-7995500',
    eventName: '青年創業座談會',
    activityType: 'social_education',
    attendees: 60,
    equipment: ['projector', 'microphone'],
    week: 1,
    weekday: 2,
    from: '14:00',
    to: '16:30',
    filed: 4,
    then: [],
  },
  {
    handle: 'now-labour-mediation',
    venue: ['FS', 'MR-F201'],
    agency: 'LAB',
    contactName: '鄭雅文',
    contactPhone: '07-7336959',
    eventName: '勞資爭議調解人員研習',
    activityType: 'training',
    attendees: 45,
    equipment: ['projector'],
    week: 1,
    weekday: 2,
    from: '13:30',
    to: '16:00',
    filed: 1,
    then: [],
  },
  {
    handle: 'now-budget-review',
    venue: ['SW', 'MR-201'],
    agency: 'BAS',
    contactName: '林志明',
    contactPhone: '07-3368501',
    eventName: '年度預算審查會議',
    activityType: 'meeting',
    attendees: 70,
    equipment: ['projector', 'microphone'],
    week: 1,
    weekday: 1,
    from: '09:30',
    to: '12:00',
    filed: 6,
    then: ['approve'],
  },
  // And two for the Fengshan auditorium's Thursday evening.
  {
    handle: 'now-choir',
    venue: ['FS', 'AUD-F'],
    org: '鳳山合唱團',
    contactName: '許惠美',
    contactPhone: '0912-345678',
    eventName: '鳳山合唱團冬季音樂會',
    activityType: 'performance',
    attendees: 250,
    equipment: ['microphone', 'sound_system'],
    week: 1,
    weekday: 4,
    from: '19:00',
    to: '21:00',
    filed: 12,
    fee: 8000,
    then: [],
  },
  {
    handle: 'now-school-band',
    venue: ['FS', 'AUD-F'],
    agency: 'EDU',
    contactName: '陳冠宇',
    contactPhone: '07-7995200',
    eventName: '國中管樂團聯合成果發表',
    activityType: 'performance',
    attendees: 280,
    equipment: ['microphone', 'sound_system', 'podium'],
    week: 1,
    weekday: 4,
    from: '18:30',
    to: '20:30',
    filed: 5,
    feeWaived: true,
    then: ['approve'],
  },
  {
    handle: 'now-hakka-exhibition',
    venue: ['FS', 'ATR-F'],
    agency: 'HAK',
    contactName: '劉美玲',
    contactPhone: '07-7405000',
    eventName: '客家藍衫特展',
    activityType: 'exhibition',
    attendees: 80,
    equipment: ['display_panels'],
    week: 1,
    weekday: 3,
    from: '09:00',
    to: '17:00',
    filed: 15,
    then: ['approve'],
  },
];
