/**
 * The venue desk's bookings of the seed report's period (110/9/1–111/1/31, docs/domain.md
 * "How the report counts"): with the demo's history bookings of venues.ts (4 venue sessions
 * and 14 room uses in the period), the business report's 205 venue sessions (兩行政中心場地
 * 開放) and 1,149 meeting-room uses (各會議室等集會場所申請使用). Events in both auditoriums
 * (not while 大禮堂 is closed for its walls), exhibitions and one-day events in the atriums
 * around the long exhibitions already there, weekly meetings of the agencies as series and
 * single meetings in every meeting room, more of them mid-week and in the mornings. Plus
 * bookings that must not count: approved and then cancelled, rejected, series occurrences
 * cancelled for the 2021 holidays, an exhibition that began the day before the period and
 * runs into it, a meeting the day before and one the day after; and two counted on its
 * edges (its first morning, and 除夕, its last day, on a supervisor's override).
 * No two approved bookings of a venue overlap with their set-up and tear-down (the span
 * rule): each time slot is given once, and the history bookings' days are left alone.
 */
import { addDays, taipeiInstant, weekdayOf } from '../../../domain/dates';
import type { ActivityType, Equipment } from '../../../domain/venues/types';
import { occurrenceId } from '../../../domain/venues/recurrence';
import type { NamedMutation } from '../desk';
import { DEMO_AGENCIES, agencyId } from './agencies';
import { demoRandom, seedPeriodWorkingDays } from './report-period-days';
import { SEED_PERIOD } from './report-period-parking';
import { DEMO_BOOKINGS, DEMO_SERIES, DEMO_VENUES, venueId } from './venues';

/** The business report's venue figures for the period. */
export const SEED_VENUES = { venueSessions: 205, roomUses: 1149 } as const;
/** What venues.ts's history bookings count in the period (approved, starting in it). */
const ELSEWHERE = { venueSessions: 4, roomUses: 14 } as const;

type Site = 'SW' | 'FS';
type Slot = [from: string, to: string];

const AUDITORIUM_SLOTS: Record<Site, Slot[]> = {
  SW: [
    ['09:00', '12:00'],
    ['14:00', '17:00'],
    ['19:00', '21:30'],
  ],
  FS: [
    ['09:00', '12:00'],
    ['14:00', '17:00'],
    ['18:30', '20:30'],
  ],
};
const ROOM_SLOTS: Slot[] = [
  ['09:30', '11:30'],
  ['14:00', '16:30'],
];
/** Busier mid-week and in the mornings; Friday afternoons quiet. */
const WEEKDAY_WEIGHT = [0, 0.85, 1, 1, 0.95, 0.6];
const SLOT_WEIGHT = [1, 0.8, 0.35];

const AUDITORIUM_EVENTS: Array<[name: string, type: ActivityType, org?: string]> = [
  ['市政建設成果說明會', 'policy_promotion'],
  ['防疫政策宣導說明會', 'policy_promotion'],
  ['消費者保護宣導講座', 'policy_promotion'],
  ['性別平等政策宣導', 'policy_promotion'],
  ['城市行銷影片首映會', 'city_marketing'],
  ['觀光季記者會', 'city_marketing'],
  ['智慧城市論壇', 'academic'],
  ['國際交流學術研討會', 'academic'],
  ['社區大學成果發表', 'social_education'],
  ['志工表揚大會', 'social_education'],
  ['公務人員專題演講', 'lecture'],
  ['職場人際溝通講座', 'lecture'],
  ['防災教育訓練', 'training'],
  ['勞工安全衛生講習', 'training'],
  ['合唱團年度演出', 'performance', '高雄市合唱協會'],
  ['國樂團定期音樂會', 'performance', '港都國樂團'],
  ['兒童劇場公演', 'performance', '紙風箏兒童劇團'],
  ['績優基層人員表揚典禮', 'social_education'],
];
const ATRIUM_EXHIBITS = ['姊妹市城市特展', '城市攝影展', '原住民族文化特展', '客家藝術特展', '兒童繪畫比賽作品展', '海洋教育特展', '防疫成果展', '書法聯展'];
const ATRIUM_EVENTS: Array<[name: string, type: ActivityType]> = [
  ['捐血活動', 'social_education'],
  ['小農市集', 'city_marketing'],
  ['健康篩檢服務', 'policy_promotion'],
  ['反詐騙宣導活動', 'policy_promotion'],
];
const MEETINGS: Array<[name: string, type: ActivityType]> = [
  ['業務協調會議', 'meeting'],
  ['採購案評選會議', 'meeting'],
  ['專案審查會議', 'meeting'],
  ['跨局處聯繫會議', 'meeting'],
  ['預算編列說明會', 'meeting'],
  ['廠商工作簡報', 'meeting'],
  ['委員會議', 'meeting'],
  ['視訊會議', 'meeting'],
  ['公文系統教育訓練', 'training'],
  ['個人資料保護教育訓練', 'training'],
  ['新進人員講習', 'training'],
  ['業務研討會', 'academic'],
];
const CONTACTS = ['林佩君', '陳俊宏', '張淑華', '王志豪', '李雅惠', '吳承翰', '黃美玲', '劉家銘', '蔡宜蓁', '楊宗憲'];

/** Weekly meetings of an agency in a room, from the period's first week to its last working Friday. */
const SERIES: Array<[site: Site, space: string, weekday: number, slot: number, agency: string, eventName: string]> = [
  ['SW', 'MR-202', 2, 0, 'SEC', '秘書處局務會議'],
  ['SW', 'MR-301', 3, 1, 'RDE', '研考業務協調會'],
  ['SW', 'MR-302', 4, 0, 'FIN', '財政局科務會議'],
  ['SW', 'MR-401', 5, 0, 'INF', '新聞發布前置會議'],
  ['SW', 'MR-1001', 1, 1, 'EDB', '招商視訊會議'],
  ['SW', 'MR-201', 4, 1, 'CAB', '民政業務會報'],
  ['FS', 'MR-F201', 2, 1, 'LAB', '勞資爭議調解會議'],
  ['FS', 'MR-F301', 3, 0, 'LAN', '地政業務會報'],
  ['FS', 'MR-B201', 4, 1, 'EPB', '環保稽查勤前會議'],
  ['FS', 'MR-B701', 1, 0, 'FIR', '消防救災檢討會'],
];
const SERIES_UNTIL = '2022-01-28';
/** The 2021 holidays the demo's calendar does not hold: a series' meeting on one is cancelled. */
const HOLIDAYS_2021: Record<string, string> = { '2021-09-20': '中秋節調整放假', '2021-09-21': '中秋節', '2021-10-11': '國慶日補假', '2021-12-31': '開國紀念日補假' };

const at = (day: string, clock: string) => taipeiInstant(day, clock);
/** Filed some days before: the runner numbers it in the year it was filed. */
const filed = (day: string, daysBefore: number) => taipeiInstant(addDays(day, -daysBefore), '09:00');

export function reportPeriodVenueMutations(): NamedMutation[] {
  const rnd = demoRandom(1149);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const days = seedPeriodWorkingDays().filter((d) => weekdayOf(d) >= 1 && weekdayOf(d) <= 5);
  const venues = DEMO_VENUES.map((v) => ({ ...v, id: venueId(v.site, v.space) }));
  const out: NamedMutation[] = [];
  const counted = { venueSessions: 0, roomUses: 0 };
  const taken = new Set<string>();
  const key = (venue: string, day: string, slot: number | '*') => `${venue}|${day}|${slot}`;
  const isFree = (venue: string, day: string, slot: number) => !taken.has(key(venue, day, slot)) && !taken.has(key(venue, day, '*'));
  // The history bookings' days (of any status) stay theirs; and the 市政會議 series' Mondays.
  for (const b of DEMO_BOOKINGS) {
    const id = venueId(...b.venue);
    for (let d = b.start.slice(0, 10); d <= b.end.slice(0, 10); d = addDays(d, 1)) taken.add(key(id, d, '*'));
  }
  for (const s of DEMO_SERIES) {
    for (const d of days) if (d >= s.startDate && s.weekdays.includes(weekdayOf(d))) taken.add(key(venueId(...s.venue), d, '*'));
    for (const m of s.move ?? []) taken.add(key(venueId(...s.venue), m.start.slice(0, 10), '*'));
  }
  const agenciesOf = (site: Site) => DEMO_AGENCIES.filter((a) => a.office[0] === site);
  let n = 0;

  interface One {
    venue: (typeof venues)[number];
    eventName: string;
    activityType: ActivityType;
    start: string;
    end: string;
    agency?: string;
    org?: string;
    /** After the application: approvals, then a rejection or a cancellation. */
    then?: Array<'approve' | { reject: string } | { cancel: string }>;
    override?: string;
  }
  const book = (b: One) => {
    const id = `demo-rp-booking-${String(++n).padStart(4, '0')}`;
    const site = b.venue.site as Site;
    const agency = b.org ? null : (b.agency ?? pick(agenciesOf(site)).code);
    const day = b.start.slice(0, 10);
    out.push({
      name: 'booking.create',
      args: {
        id,
        venueId: b.venue.id,
        applicantAgencyId: agency ? agencyId(agency) : null,
        applicantOrg: b.org ?? '',
        contactName: pick(CONTACTS),
        contactPhone: `07-${site === 'SW' ? '336' : '799'}${String(1000 + Math.floor(rnd() * 9000))}`,
        eventName: b.eventName,
        activityType: b.activityType,
        attendees: Math.max(5, Math.round(b.venue.capacity * (0.3 + rnd() * 0.6))),
        equipment: b.venue.equipment.filter((e: Equipment) => ['projector', 'microphone', 'sound_system', 'display_panels'].includes(e)).slice(0, 2),
        letterNo: '',
        attachments: [],
        fee: b.org ? b.venue.fee : 0,
        feeWaived: false,
        notes: '',
        start: at(day, b.start.slice(11)),
        end: at(b.end.slice(0, 10), b.end.slice(11)),
        ...(b.override ? { override: { reason: b.override } } : {}),
      },
      at: filed(day, 7 + Math.floor(rnd() * 14)),
    });
    const steps = b.then ?? Array.from({ length: b.venue.approvalLevels }, () => 'approve' as const);
    for (const step of steps) {
      if (step === 'approve') out.push({ name: 'booking.approve', args: { id } });
      else if ('reject' in step) out.push({ name: 'booking.reject', args: { id, reason: step.reject } });
      else out.push({ name: 'booking.cancel', args: { id, reason: step.cancel } });
    }
    const approved = steps.filter((s) => s === 'approve').length >= b.venue.approvalLevels && steps.every((s) => s === 'approve');
    if (approved && day >= SEED_PERIOD.from && day <= SEED_PERIOD.to) counted[b.venue.type === 'meeting_room' ? 'roomUses' : 'venueSessions'] += 1;
  };
  const venue = (site: Site, space: string) => venues.find((v) => v.site === site && v.space === space)!;
  const slotOf = (v: (typeof venues)[number], i: number): Slot => (v.type === 'meeting_room' ? ROOM_SLOTS : AUDITORIUM_SLOTS[v.site as Site])[i];
  const take = (v: (typeof venues)[number], day: string, slot: number) => {
    taken.add(key(v.id, day, slot));
    return slotOf(v, slot);
  };

  // On the period's edges: counted on its first morning and on 除夕 (a supervisor's override of the holiday), not counted the day before and after.
  const room = venue('SW', 'MR-202');
  {
    const [from, to] = take(room, '2021-09-01', 0);
    book({ venue: room, eventName: '110年度第3季業務檢討會', activityType: 'meeting', start: `2021-09-01 ${from}`, end: `2021-09-01 ${to}`, agency: 'SEC' });
  }
  book({ venue: room, eventName: '111年度第1季業務規劃會', activityType: 'meeting', start: '2021-08-31 14:00', end: '2021-08-31 16:30', agency: 'SEC' });
  book({
    venue: venue('FS', 'MR-F201'),
    eventName: '春節防疫應變會議',
    activityType: 'meeting',
    start: '2022-01-31 10:00',
    end: '2022-01-31 11:30',
    agency: 'HLT',
    override: '春節期間防疫應變，奉核於除夕召開',
  });
  book({
    venue: venue('FS', 'MR-F201'),
    eventName: '春節防疫應變第二次會議',
    activityType: 'meeting',
    start: '2022-02-01 10:00',
    end: '2022-02-01 11:30',
    agency: 'HLT',
    override: '春節期間防疫應變，奉核於春節召開',
  });
  // An exhibition set up the day before the period: it runs into the period but did not start in it.
  const lobby = venue('FS', 'ATR-F');
  book({ venue: lobby, eventName: '鳳山文史老照片展', activityType: 'exhibition', start: '2021-08-31 09:00', end: '2021-09-03 17:00', agency: 'CUL' });
  for (let d = '2021-08-31'; d <= '2021-09-06'; d = addDays(d, 1)) taken.add(key(lobby.id, d, '*'));

  // Meetings held every week or every other week, as series (one application, one number); an occurrence on a 2021 holiday is cancelled.
  let seriesMade = 0;
  const series = (v: (typeof venues)[number], weekday: number, slot: number, interval: 1 | 2, agency: string, eventName: string, minimum: number): boolean => {
    let first: string | undefined;
    for (let d = SEED_PERIOD.from; d <= addDays(SEED_PERIOD.from, 7 * interval) && !first; d = addDays(d, 1)) if (weekdayOf(d) === weekday && isFree(v.id, d, slot)) first = d;
    if (!first) return false;
    // From its first free week, as long as its time stays free.
    let last = first;
    for (let d = first; d <= SERIES_UNTIL && isFree(v.id, d, slot); d = addDays(d, 7 * interval)) last = d;
    const occurrences: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 7 * interval)) occurrences.push(d);
    if (occurrences.length < minimum) return false;
    const id = `demo-rp-series-${++seriesMade}`;
    const [startTime, endTime] = slotOf(v, slot);
    out.push({
      name: 'bookingSeries.create',
      args: {
        id,
        venueId: v.id,
        applicantAgencyId: agencyId(agency),
        applicantOrg: '',
        contactName: pick(CONTACTS),
        contactPhone: `07-${v.site === 'SW' ? '336' : '799'}${String(1000 + Math.floor(rnd() * 9000))}`,
        eventName,
        activityType: 'meeting',
        attendees: Math.max(5, Math.round(v.capacity * 0.5)),
        equipment: [],
        letterNo: '',
        attachments: [],
        fee: 0,
        feeWaived: false,
        notes: '',
        rule: { freq: 'weekly', interval, weekdays: [weekday] },
        startDate: first,
        startTime,
        endTime,
        until: last,
        count: null,
      },
      at: filed(first, 14),
    });
    for (let i = 0; i < v.approvalLevels; i++) out.push({ name: 'bookingSeries.approve', args: { id } });
    for (const d of occurrences) {
      taken.add(key(v.id, d, slot));
      if (HOLIDAYS_2021[d]) out.push({ name: 'booking.cancel', args: { id: occurrenceId(id, d), reason: `${HOLIDAYS_2021[d]}停開` } });
      else counted.roomUses += 1;
    }
    return true;
  };
  for (const [site, space, weekday, slot, agency, eventName] of SERIES) series(venue(site, space), weekday, slot, 1, agency, eventName, 1);
  // Every other week: agencies' standing meetings, in a shuffled order of the rooms' free times, until half the room uses are series.
  const rooms = venues.filter((v) => v.type === 'meeting_room');
  const times = rooms.flatMap((v) => [1, 2, 3, 4, 5].flatMap((weekday) => [0, 1].map((slot) => ({ v, weekday, slot, order: rnd() ** (1 / (WEEKDAY_WEIGHT[weekday] * SLOT_WEIGHT[slot])) }))));
  times.sort((a, b) => b.order - a.order);
  for (const t of times) {
    if (counted.roomUses >= SEED_VENUES.roomUses / 2) break;
    const a = pick(agenciesOf(t.v.site as Site));
    const [name] = pick(MEETINGS.filter(([, type]) => type === 'meeting'));
    series(t.v, t.weekday, t.slot, 2, a.code, `${a.shortName}${name}`, 6);
  }

  // The atriums: week-long exhibitions with a one-day event after each, where the long exhibitions leave room.
  const atrium = (v: (typeof venues)[number], sessions: number) => {
    const free = days.filter((d) => isFree(v.id, d, 0));
    let i = 0;
    let made = 0;
    while (made < sessions && i + 5 < free.length) {
      const [first, lastDay] = [free[i], free[i + 3]];
      if (addDays(first, 6) < lastDay) {
        i += 1;
        continue; // not four days running
      }
      book({ venue: v, eventName: pick(ATRIUM_EXHIBITS), activityType: 'exhibition', start: `${first} 09:00`, end: `${lastDay} 17:00` });
      made += 1;
      if (made < sessions) {
        const [name, type] = pick(ATRIUM_EVENTS);
        book({ venue: v, eventName: name, activityType: type, start: `${free[i + 4]} 10:00`, end: `${free[i + 4]} 16:00` });
        made += 1;
      }
      i += 6;
    }
    if (made < sessions) throw new Error(`demo: room for ${made} of ${sessions} sessions at ${v.id}`);
  };
  atrium(venue('SW', 'ATR'), 12);
  atrium(lobby, 17);

  // Weighted draw without repeats over the free slots (a larger key for a larger weight).
  const draw = (vs: Array<(typeof venues)[number]>, count: number) => {
    const slots: Array<[number, (typeof venues)[number], string, number]> = [];
    for (const v of vs) {
      const slotCount = v.type === 'meeting_room' ? ROOM_SLOTS.length : AUDITORIUM_SLOTS[v.site as Site].length;
      for (const d of days) {
        if (v.closures?.some((c) => c.from <= d && c.to >= d)) continue;
        for (let s = 0; s < slotCount; s++) if (isFree(v.id, d, s)) slots.push([rnd() ** (1 / (WEEKDAY_WEIGHT[weekdayOf(d)] * SLOT_WEIGHT[s])), v, d, s]);
      }
    }
    slots.sort((a, b) => b[0] - a[0]);
    if (slots.length < count) throw new Error(`demo: ${slots.length} free slots for ${count} bookings`);
    return slots
      .slice(0, count)
      .map(([, v, d, s]) => [v, d, s] as const)
      .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]));
  };

  // The auditoriums' events (大禮堂 the busier).
  const auditoriums = [venue('SW', 'AUD'), venue('FS', 'AUD-F')];
  const sessionsLeft = SEED_VENUES.venueSessions - ELSEWHERE.venueSessions - counted.venueSessions;
  for (const [v, d, s] of draw(auditoriums, sessionsLeft)) {
    const [from, to] = take(v, d, s);
    const [name, type, org] = pick(AUDITORIUM_EVENTS);
    book({ venue: v, eventName: name, activityType: type, start: `${d} ${from}`, end: `${d} ${to}`, ...(org ? { org } : {}) });
  }

  // The meeting rooms' single bookings.
  const usesLeft = SEED_VENUES.roomUses - ELSEWHERE.roomUses - counted.roomUses;
  const picked = draw(rooms, usesLeft + 5);
  // Five of the drawn slots are not counted: two rejected, three approved and then cancelled.
  // Cancelled at three tenths-points of the draw; rejected at two more, moved on to a room that needs approval (one that needs none is approved on filing).
  const notCounted = [1, 3, 5, 7, 9].map((k) => Math.floor((k * picked.length) / 10));
  for (const k of [1, 3]) while (picked[notCounted[k]][0].approvalLevels === 0) notCounted[k] += 1;
  picked.forEach(([v, d, s], i) => {
    const [from, to] = take(v, d, s);
    const [name, type] = pick(MEETINGS);
    const approvals = Array.from({ length: v.approvalLevels }, () => 'approve' as const);
    const rejected = notCounted.indexOf(i) % 2 === 1;
    const then: One['then'] = !notCounted.includes(i) ? undefined : rejected ? [{ reject: '同時段已有其他機關申請，請改期' }] : [...approvals, { cancel: '會議延期' }];
    book({ venue: v, eventName: name, activityType: type, start: `${d} ${from}`, end: `${d} ${to}`, ...(then ? { then } : {}) });
  });
  // And an auditorium event approved, then cancelled.
  {
    const v = venue('FS', 'AUD-F');
    const [[, d, s]] = draw([v], 1);
    const [from, to] = take(v, d, s);
    book({
      venue: v,
      eventName: '社區音樂會',
      activityType: 'performance',
      start: `${d} ${from}`,
      end: `${d} ${to}`,
      org: '鳳山社區發展協會',
      then: ['approve', 'approve', { cancel: '疫情警戒，活動取消' }],
    });
  }
  if (counted.venueSessions + ELSEWHERE.venueSessions !== SEED_VENUES.venueSessions || counted.roomUses + ELSEWHERE.roomUses !== SEED_VENUES.roomUses) {
    throw new Error(`demo: the report period's venues count ${JSON.stringify(counted)}`);
  }
  return out;
}
