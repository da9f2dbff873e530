/**
 * The server re-runs a place move with the same mutator as the workstation: the tickets
 * below the moved room get their new site and building there too, every workstation pulls
 * them, and a ticket filed for the room before the move was heard of lands at the new place.
 */
import { expect, it } from 'vitest';
import { getRecord } from './store/sync-data';
import { describeEachEngine, replay, site, startHarness, type Harness, type Workstation } from '../test/support/server-harness';

const CLERK = 'u-maint';

function placesWorld(ws: Workstation) {
  return [
    ws.outbox('site.create', site('site-sw', 'SW', '四維行政中心')),
    ws.outbox('site.create', site('site-fs', 'FS', '鳳山行政中心')),
    ws.outbox('building.create', { id: 'b-admin', siteId: 'site-sw', code: 'A', nameZh: '行政大樓', nameEn: '' }),
    ws.outbox('building.create', { id: 'b-front', siteId: 'site-fs', code: 'F', nameZh: '前棟', nameEn: '' }),
    ws.outbox('floor.create', { id: 'f-3f', buildingId: 'b-admin', name: '3F' }),
    ws.outbox('floor.create', { id: 'f-fs-2f', buildingId: 'b-front', name: '2F' }),
    ws.outbox('space.create', { id: 'sp-toilet', floorId: 'f-3f', nameZh: '男廁', kind: 'other' }),
    ws.outbox('user.create', { id: CLERK, username: 'maint', displayName: '王建國', roles: ['maintenance_clerk'] }),
  ];
}

const ticket = (id: string) => ({ id, spaceId: 'sp-toilet', category: 'plumbing', subject: '男廁漏水' });

describeEachEngine('moving a place on the server', (open) => {
  let h: Harness;

  it('re-runs the move with the tickets below it, which every workstation then pulls; a ticket filed before the move was heard of lands at the new place', async () => {
    h = await startHarness(await open());
    const desk = await h.workstation('desk');
    const admin = await h.workstation('admin');
    expect((await desk.push([...placesWorld(desk), desk.outbox('ticket.create', ticket('t-1'), CLERK)])).body).toMatchObject({ processed: 9 });

    expect((await admin.push([admin.outbox('space.update', { id: 'sp-toilet', floorId: 'f-fs-2f' })])).body).toMatchObject({ processed: 1 });
    // The desk had not pulled yet: its ticket names only the room, the server finds the place.
    expect((await desk.push([desk.outbox('ticket.create', ticket('t-2'), CLERK)])).body).toMatchObject({ processed: 1 });

    const record = (id: string) => h.db.read((c) => getRecord(c, 'ticket', id));
    const moved = { spaceId: 'sp-toilet', siteId: 'site-fs', buildingId: 'b-front' };
    expect(await record('t-1')).toMatchObject(moved);
    expect(await record('t-2')).toMatchObject(moved);
    const pulled = replay(await desk.pullAll());
    expect(pulled.get('ticket/t-1')).toMatchObject(moved);
    expect(pulled.get('ticket/t-2')).toMatchObject(moved);
    expect(pulled.get('space/sp-toilet')).toMatchObject({ floorId: 'f-fs-2f' });
    expect((await desk.pullAll()).flatMap((p) => p.refusals)).toEqual([]);
  });
});
