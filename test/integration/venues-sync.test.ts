/**
 * The venue desk through a real sync server: an application's scanned letter goes up
 * before the booking that refers to it and reaches the other workstation; the server's
 * LAN calendar feed of a venue, at the address the workstation hands out, is the very
 * text the workstation exports.
 */
import { afterEach, expect, it } from 'vitest';
import { Workstation } from '../../electron/backend/workstation';
import { closeWorkstations, joinedWorkstation, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

const taipei = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

const PARTICULARS = {
  venueId: 'v-mr',
  applicantAgencyId: 'ag-cab',
  applicantOrg: '',
  contactName: '王小明',
  contactPhone: '07-3368333',
  eventName: '防災演練說明會',
  activityType: 'policy_promotion',
  attendees: 12,
  equipment: [],
  letterNo: '高市民字第1110001234號',
  fee: 0,
  feeWaived: false,
  notes: '',
};

async function venueFor(ws: Workstation): Promise<void> {
  const steps: [string, Record<string, unknown>][] = [
    ['site.create', { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }],
    ['building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '' }],
    ['floor.create', { id: 'f1', buildingId: 'b1', name: '1F' }],
    ['space.create', { id: 'sp-mr', floorId: 'f1', code: 'MR', nameZh: '第一會議室', kind: 'meeting_room', capacity: 20 }],
    ['agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局' }],
    [
      'venue.create',
      {
        id: 'v-mr',
        spaceId: 'sp-mr',
        type: 'meeting_room',
        capacity: 20,
        equipment: [],
        opensAt: '08:00',
        closesAt: '18:00',
        bufferBefore: 0,
        bufferAfter: 0,
        approvalLevels: 1,
        bookableBy: 'agencies',
        fee: 0,
        deposit: 0,
        closures: [],
        notes: '',
      },
    ],
  ];
  for (const [name, args] of steps) expect(await ws.call('mutate', { name, args })).toMatchObject({ ok: true });
  const me = (await ws.call('auth.status', {})).user!;
  expect(await ws.call('mutate', { name: 'user.update', args: { id: me.id, roles: ['admin', 'venue_clerk'] } })).toMatchObject({ ok: true });
}

it("a booking's scanned letter reaches the other workstation with the booking", async () => {
  server = await startSyncServer();
  const a = await joinedWorkstation(server.url, 'A');
  const b = await joinedWorkstation(server.url, 'B');
  await venueFor(a);
  const scan = Buffer.from('%PDF-1.4 高市民字第1110001234號 來函掃描\n'.repeat(40));
  const put = await a.call('attachments.put', { name: '來函.pdf', type: 'application/pdf', dataBase64: scan.toString('base64') });
  if (!put.ok) throw new Error(put.message);
  const created = await a.call('mutate', {
    name: 'booking.create',
    args: { id: 'bk1', ...PARTICULARS, attachments: [put.attachment], start: taipei('2022-03-01', '09:00'), end: taipei('2022-03-01', '10:00') },
  });
  expect(created).toMatchObject({ ok: true });
  await a.call('sync.now', {});
  expect((await a.call('status.get', {})).pending).toBe(0);

  await b.call('sync.now', {});
  const detail = await b.call('venues.booking', { id: 'bk1' });
  expect(detail?.booking.attachments).toEqual([{ sha256: put.attachment.sha256, name: '來函.pdf', size: scan.length, type: 'application/pdf' }]);
  const got = await b.call('attachments.get', { sha256: put.attachment.sha256 });
  expect(Buffer.from(got?.dataBase64 ?? '', 'base64').equals(scan)).toBe(true);

  // A plain hash is no attachment: the form sends the file's name and size with it.
  const bare = await a.call('mutate', { name: 'booking.update', args: { id: 'bk1', attachments: [put.attachment.sha256] } });
  expect(bare).toMatchObject({ ok: false, problem: { field: expect.stringMatching(/^attachments/) } });
});

it("the server's calendar feed of a venue is the text the workstation exports", async () => {
  server = await startSyncServer();
  const a = await joinedWorkstation(server.url, 'A');
  await venueFor(a);
  const { venueId: _v, ...rest } = PARTICULARS;
  const book = (id: string, day: string, extra: Record<string, unknown> = {}) =>
    a.call('mutate', { name: 'booking.create', args: { id, venueId: 'v-mr', ...rest, attachments: [], eventName: `會議 ${id}`, start: taipei(day, '09:00'), end: taipei(day, '10:00'), ...extra } });
  expect(await book('bk1', '2022-03-01')).toMatchObject({ ok: true });
  expect(await book('bk2', '2022-03-02')).toMatchObject({ ok: true });
  expect(await a.call('mutate', { name: 'booking.approve', args: { id: 'bk1' } })).toMatchObject({ ok: true });
  expect(await a.call('mutate', { name: 'booking.cancel', args: { id: 'bk2', reason: '主席請假' } })).toMatchObject({ ok: true });
  const series = {
    id: 'weekly',
    ...PARTICULARS,
    attachments: [],
    eventName: '局務會議',
    rule: { freq: 'weekly', interval: 1, weekdays: [4] },
    startDate: '2022-03-03',
    startTime: '14:00',
    endTime: '15:00',
    until: null,
    count: 4,
  };
  expect(await a.call('mutate', { name: 'bookingSeries.create', args: series })).toMatchObject({ ok: true });
  expect(await a.call('mutate', { name: 'booking.cancel', args: { id: 'weekly:2022-03-10', reason: '停開一次' } })).toMatchObject({ ok: true });
  await a.call('sync.now', {});
  expect((await a.call('status.get', {})).pending).toBe(0);

  // The address the venue settings show for Outlook, asked of the server with the workstation's device token.
  const { url } = await a.call('venues.feedLink', { venueId: 'v-mr' });
  expect(url).toMatch(new RegExp(`^${server.url}/ical/venue/v-mr\\.ics\\?key=[A-Za-z0-9_-]{43}$`));
  expect((await a.call('venues.feedLink', { agencyId: 'ag-cab' })).url).toMatch(/\/ical\/agency\/ag-cab\.ics\?key=/);
  const feed = await fetch(url!);
  expect(feed.status).toBe(200);
  const served = await feed.text();
  const exported = await a.call('venues.ical', { venueId: 'v-mr' });
  if (!exported.ok) throw new Error(exported.message);
  expect(served).toContain('RRULE:FREQ=WEEKLY');
  expect(served).toContain('STATUS:CANCELLED');
  expect(served).toBe(exported.text);
});
