/**
 * The benchmark's data: 100,000 records of the shapes the desks keep (the places tree,
 * agencies, people, venues and a year's bookings), written straight into a sync server's
 * store in one transaction, each under its own change number as if made by one mutation;
 * and the same count of ~240-byte booking documents for the side-by-side PouchDB run.
 */
import { migrate } from '../../server/store/migrations';
import type { SqlDb } from '../../server/store/sql';
import { putRecord } from '../../server/store/sync-data';

type Data = Record<string, unknown>;
export interface Seeded {
  kind: string;
  id: string;
  data: Data;
}

const AT = '2026-01-05T01:00:00.000Z';
const stamp = { archived: false, createdAt: AT, updatedAt: AT };
const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊'];
const GIVEN = ['怡君', '志明', '淑芬', '家豪', '雅婷', '俊傑', '美玲', '建宏', '宗翰', '佩珊'];
const EVENTS = ['市政會議', '社區說明會', '防災演練', '志工訓練', '藝文展覽', '親子講座', '預算審查會', '人事甄選'];

/** `total` records, parents before children, in the order a server would have made them. */
export function* realisticRecords(total = 100_000): Generator<Seeded> {
  let made = 0;
  const emit = function* (kind: string, id: string, data: Data) {
    made += 1;
    yield { kind, id, data: { id, ...data } };
  };
  yield* emit('site', 'site-hq', { code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei Administrative Center', address: '高雄市苓雅區四維三路2號', ...stamp });
  for (let b = 0; b < 5; b++) yield* emit('building', `b-${b}`, { siteId: 'site-hq', code: `B${b}`, nameZh: `行政大樓 ${b + 1} 棟`, nameEn: `Building ${b + 1}`, ...stamp });
  for (let f = 0; f < 50; f++) yield* emit('floor', `f-${f}`, { buildingId: `b-${f % 5}`, name: `${(f % 10) + 1}F`, level: (f % 10) + 1, ...stamp });
  const spaces = 2000;
  for (let s = 0; s < spaces; s++) {
    yield* emit('space', `sp-${s}`, {
      floorId: `f-${s % 50}`,
      code: `R${100 + s}`,
      nameZh: `第${s + 1}會議室`,
      nameEn: `Room ${s + 1}`,
      kind: s % 7 === 0 ? 'meeting_room' : 'office',
      capacity: 10 + (s % 90),
      ...stamp,
    });
  }
  const agencies = 200;
  for (let a = 0; a < agencies; a++) {
    yield* emit('agency', `ag-${a}`, {
      code: `A${String(a).padStart(3, '0')}`,
      nameZh: `第${a + 1}局處`,
      nameEn: `Bureau ${a + 1}`,
      shortName: `局${a + 1}`,
      phone: `07-${String(3368000 + a)}`,
      ...stamp,
    });
  }
  const people = 20_000;
  for (let p = 0; p < people; p++) {
    yield* emit('person', `p-${p}`, {
      name: `${SURNAMES[p % 10]}${GIVEN[(p * 7) % 10]}`,
      kind: 'staff',
      agencyId: `ag-${p % agencies}`,
      company: '',
      title: p % 5 === 0 ? '科長' : '科員',
      phoneExt: String(1000 + (p % 9000)),
      phone: `07-${String(3300000 + p)}`,
      email: `staff${p}@kcg.gov.tw`,
      ...stamp,
    });
  }
  const venues = 300;
  for (let v = 0; v < venues; v++) {
    yield* emit('venue', `v-${v}`, {
      spaceId: `sp-${v * 6}`,
      type: 'meeting_room',
      capacity: 40,
      equipment: ['projector', 'microphone'],
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
      ...stamp,
    });
  }
  for (let i = 0; made < total; i++) {
    const day = new Date(Date.UTC(2026, 0, 5) + Math.floor(i / (venues * 4)) * 86_400_000).toISOString().slice(0, 10);
    // Each venue's four bookings a day at 09:00, 11:00, 13:00, 15:00 Taipei: approved ones never overlap, buffers included.
    const hour = 1 + (Math.floor(i / venues) % 4) * 2;
    const start = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const end = `${day}T${String(hour + 1).padStart(2, '0')}:30:00.000Z`;
    yield* emit('booking', `bk-${i}`, {
      number: `場-115-${String(i + 1).padStart(5, '0')}`,
      seriesId: null,
      originalDate: null,
      venueId: `v-${i % venues}`,
      applicantAgencyId: `ag-${i % agencies}`,
      applicantOrg: '',
      contactName: `${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}`,
      contactPhone: `07-${String(3400000 + (i % 90000))}`,
      eventName: EVENTS[i % EVENTS.length],
      activityType: 'meeting',
      attendees: 10 + (i % 30),
      equipment: ['projector'],
      letterNo: `高市府${i}號`,
      attachments: [],
      fee: 0,
      feeWaived: false,
      notes: '',
      start,
      end,
      bufferBefore: 15,
      bufferAfter: 15,
      occupiedFrom: new Date(Date.parse(start) - 15 * 60_000).toISOString(),
      occupiedTo: new Date(Date.parse(end) + 15 * 60_000).toISOString(),
      status: 'approved',
      approvedLevel: 1,
      steps: [
        { action: 'applied', userId: 'u-admin', at: AT },
        { action: 'approved', userId: 'u-admin', at: AT, level: 1 },
      ],
      overrideReason: '',
      displaced: false,
      displacedBy: null,
      createdAt: AT,
      updatedAt: AT,
    });
  }
}

/** Writes the records into the server's store in one transaction; returns how many and their JSON bytes. */
export async function seedServer(db: SqlDb, total = 100_000): Promise<{ records: number; bytes: number; byKind: Record<string, number> }> {
  await migrate(db);
  return db.write(async (c) => {
    let seq = Number((await c.all<{ value: unknown }>("SELECT value FROM counter WHERE name = 'seq'"))[0]?.value ?? 0);
    let bytes = 0;
    const byKind: Record<string, number> = {};
    for (const r of realisticRecords(total)) {
      seq += 1;
      bytes += JSON.stringify(r.data).length;
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      await putRecord(c, r.kind, r.id, r.data, seq);
    }
    await c.run("UPDATE counter SET value = ? WHERE name = 'seq'", [seq]);
    return { records: total, bytes, byKind };
  });
}

/** A booking as a PouchDB document of about 240 bytes. */
export function pouchBooking(i: number): Data {
  return {
    _id: `bk-${String(i).padStart(6, '0')}`,
    type: 'booking',
    number: `場-115-${String(i + 1).padStart(5, '0')}`,
    venueId: `v-${i % 300}`,
    agencyId: `ag-${i % 200}`,
    eventName: EVENTS[i % EVENTS.length],
    contactName: `${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}`,
    start: '2026-01-05T01:00:00.000Z',
    end: '2026-01-05T02:30:00.000Z',
    status: 'approved',
    attendees: 10 + (i % 30),
  };
}
