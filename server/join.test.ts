import { beforeEach, expect, it } from 'vitest';
import { revokeUser } from './store/auth-data';
import { bookingArgs, describeEachEngine, replay, site, startHarness, VENUE, venueWorld, VERSIONS, type Harness, type PushedMutation, type Workstation } from '../test/support/server-harness';

/** When the lone workstation's people worked, long before it was enrolled. */
const before = (minute: number) => new Date(Date.UTC(2022, 1, 1, 1, minute)).toISOString();

const LOCAL_ADMIN = 'u-fs-admin';
const LOCAL_CLERK = 'u-fs-clerk';

/**
 * Everything a workstation at 鳳山 did alone: its first administrator made themself, the
 * places, a venue and a clerk; the clerk booked with the workstation's own numbers.
 */
function lonelyOutbox(ws: Workstation, adminName = 'fsadmin'): PushedMutation[] {
  let minute = 0;
  const by = (userId: string, name: string, args: unknown) => ws.outbox(name, args, userId, before(minute++));
  const venue = {
    id: 'v-fs',
    spaceId: 'sp-fs',
    type: 'meeting_room',
    capacity: 30,
    equipment: [],
    opensAt: '08:00',
    closesAt: '18:00',
    bufferBefore: 0,
    bufferAfter: 0,
    approvalLevels: 0,
    bookableBy: 'agencies',
    fee: 0,
    deposit: 0,
    closures: [],
    notes: '',
  };
  const booking = (id: string, slot: number, number: string) => by(LOCAL_CLERK, 'booking.create', { ...bookingArgs(id, slot), venueId: 'v-fs', applicantAgencyId: 'ag-fs', number });
  return [
    by(LOCAL_ADMIN, 'user.create', { id: LOCAL_ADMIN, username: adminName, displayName: '鳳山管理者', roles: ['admin'] }),
    by(LOCAL_ADMIN, 'site.create', site('site-fs', 'FS', '鳳山行政中心')),
    by(LOCAL_ADMIN, 'building.create', { id: 'b-fs', siteId: 'site-fs', code: 'F', nameZh: '前棟', nameEn: '' }),
    by(LOCAL_ADMIN, 'floor.create', { id: 'f-fs', buildingId: 'b-fs', name: '1F', level: 1 }),
    by(LOCAL_ADMIN, 'space.create', { id: 'sp-fs', floorId: 'f-fs', code: 'R101', nameZh: '鳳山會議室', kind: 'meeting_room', capacity: 30 }),
    by(LOCAL_ADMIN, 'agency.create', { id: 'ag-fs', code: 'FSO', nameZh: '鳳山區公所' }),
    by(LOCAL_ADMIN, 'venue.create', venue),
    by(LOCAL_ADMIN, 'user.create', { id: LOCAL_CLERK, username: 'fsclerk', displayName: '鳳山承辦', roles: ['venue_clerk'] }),
    booking('fs-bk1', 0, '場-111-00001'),
    booking('fs-bk2', 1, '場-111-00011'),
    booking('fs-bk3', 2, '場-111-00012'),
    by(LOCAL_ADMIN, 'site.update', { id: 'site-fs', nameEn: 'Fengshan Center' }),
  ];
}

describeEachEngine('a workstation that worked alone joins', (open) => {
  let h: Harness;
  let b: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    // Meanwhile the server's own workstation leased 1–10 and used 1.
    b = await h.workstation('四維 1F');
    await b.push(venueWorld(b));
    expect((await h.call('POST', '/leases', { clientId: b.clientId, ...VERSIONS, kind: 'booking', year: 2022, count: 10 }, b.token)).body).toMatchObject({ from: 1, to: 10 });
    await b.push([b.outbox('booking.create', bookingArgs('b-bk1', 0, { number: '場-111-00001' }), VENUE.clerkId)]);
  });

  it("its whole outbox applies on the enrolling administrator's authority; history keeps who did it; numbers stay unless taken, and the sequence continues after them", async () => {
    const fs = await h.workstation('鳳山前棟 1F');
    const outbox = lonelyOutbox(fs);
    expect((await fs.push(outbox)).body).toEqual({ lastMutationId: outbox.length, processed: outbox.length });
    const pages = await fs.pullAll();
    expect(pages.flatMap((p) => p.refusals)).toEqual([]);
    const state = replay(pages);
    expect(state.get('site/site-fs')).toMatchObject({ nameZh: '鳳山行政中心', nameEn: 'Fengshan Center' });
    expect(state.get(`user/${LOCAL_ADMIN}`)).toMatchObject({ username: 'fsadmin', roles: ['admin'] });
    expect(state.get(`user/${LOCAL_CLERK}`)).toMatchObject({ roles: ['venue_clerk'] });
    // Who really did it.
    const historyOf = (id: string) => [...state.values()].filter((r) => r.recordId === id && typeof r.mutationId === 'number');
    expect(historyOf('site-fs').map((e) => e.userId)).toEqual([LOCAL_ADMIN, LOCAL_ADMIN]);
    expect(new Set(historyOf('fs-bk2').map((e) => e.userId))).toEqual(new Set([LOCAL_CLERK]));
    // 00001 was B's: replaced by the next number after everything the workstation brought (00012).
    expect([1, 2, 3].map((i) => state.get(`booking/fs-bk${i}`)?.number)).toEqual(['場-111-00013', '場-111-00011', '場-111-00012']);
    expect(pages.flatMap((p) => p.renumbered ?? [])).toEqual([{ clientId: fs.clientId, mutationId: 9, from: '場-111-00001', to: '場-111-00013' }]);
    expect((await h.call('POST', '/leases', { clientId: b.clientId, ...VERSIONS, kind: 'booking', year: 2022, count: 10 }, b.token)).body).toMatchObject({ from: 14, to: 23 });
  });

  it('after enrollment its people need their own roles on the server, as everyone does', async () => {
    const fs = await h.workstation('鳳山前棟 1F');
    await fs.push(lonelyOutbox(fs));
    const now = [
      fs.outbox('booking.create', { ...bookingArgs('fs-bk4', 3), venueId: 'v-fs', applicantAgencyId: 'ag-fs' }, LOCAL_CLERK),
      fs.outbox('site.create', site('site-x', 'X'), LOCAL_CLERK),
      fs.outbox('site.create', site('site-y', 'Y'), 'u-never-made'),
    ];
    await fs.push(now);
    const pages = await fs.pullAll();
    expect(pages.flatMap((p) => p.refusals).map((r) => [r.mutationId, r.problem.code])).toEqual([
      [now[1].mutationId, 'error.forbidden'],
      [now[2].mutationId, 'error.forbidden'],
    ]);
    expect(replay(pages).get('booking/fs-bk4')).toMatchObject({ venueId: 'v-fs' });
  });

  it('a local administrator whose name the server has already is refused as data; what was done before enrollment still applies', async () => {
    const fs = await h.workstation('鳳山前棟 1F');
    const outbox = lonelyOutbox(fs, 'admin');
    await fs.push(outbox);
    const pages = await fs.pullAll();
    expect(pages.flatMap((p) => p.refusals).map((r) => [r.mutationId, r.problem.code, r.problem.params])).toEqual([[1, 'error.duplicate', { field: 'username', value: 'admin' }]]);
    expect(replay(pages).get('site/site-fs')).toMatchObject({ nameEn: 'Fengshan Center' });
  });

  it('changes made before enrollment are refused once the administrator who enrolled it may no longer act', async () => {
    const fs = await h.workstation('鳳山前棟 1F');
    // Another administrator revoked the one who enrolled the workstation.
    await h.db.write((c) => revokeUser(c, h.adminId, new Date().toISOString()));
    await fs.push(lonelyOutbox(fs).slice(0, 2));
    expect((await fs.pullAll()).flatMap((p) => p.refusals).map((r) => r.problem.code)).toEqual(['error.forbidden', 'error.forbidden']);
  });
});
