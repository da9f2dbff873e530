/**
 * Moving a place (a room to another floor, a floor to another building, a building to
 * another site) takes the repair tickets below it along: the list filters and the period
 * report find them at the new place, and the change is an ordinary synced write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../domain/ids';
import type { TicketFilter } from '../../../domain/maintenance/tickets-query';
import { tempDir } from '../../../test/support/fresh-db';
import { makeVerifier } from '../../../db/passwords';
import { Workstation } from '../workstation';
import { storeVerifier } from '../credentials';
import { adminActor, buildWorld, clerk, tech, ticketArgs, tpe, world } from '../../../test/support/ticket-desk';

const PASSWORD = 'long-enough-1';
const { sites, buildings, spaces } = world;

describe('moving a place takes its tickets along', () => {
  let ws: Workstation;

  beforeEach(async () => {
    ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    await buildWorld(ws.runner);
    storeVerifier(ws, world.users.clerk, await makeVerifier(PASSWORD));
    expect((await ws.call('auth.login', { username: 'maint', password: PASSWORD })).ok).toBe(true);
  });
  afterEach(() => ws.close());

  async function file(spaceId: string, at = tpe('2022-01-10', '09:00')) {
    const args = ticketArgs({ spaceId });
    expect(await ws.runner.run('ticket.create', args, clerk, at)).toMatchObject({ ok: true });
    return String(args.id);
  }

  async function complete(id: string, at: string) {
    const step = (status: string, extra: Record<string, unknown> = {}) => ws.runner.run('ticket.transition', { id, changeId: newId(), status, ...extra }, status === 'assigned' ? clerk : tech, at);
    expect(await step('assigned', { assigneeId: world.people.tech })).toMatchObject({ ok: true });
    expect(await step('in_progress')).toMatchObject({ ok: true });
    expect(await step('completed')).toMatchObject({ ok: true });
  }

  const move = (kind: 'building' | 'floor' | 'space', args: Record<string, unknown>, at = tpe('2022-01-20', '09:00')) => ws.runner.run(`${kind}.update`, args, adminActor, at);

  async function listed(filter: TicketFilter): Promise<string[]> {
    const page = await ws.call('tickets.page', { filter, sort: { key: 'reportedAt', dir: 'asc' }, offset: 0, limit: 100 });
    return page.rows.map((r) => r.id);
  }

  const ticket = (id: string) => ws.runner.records.getSync('ticket', id)!;
  const outbox = () => ws.db.$client.prepare('SELECT name, undo FROM outbox ORDER BY seq').all() as { name: string; undo: string }[];

  it('a room moved to a floor of another building: the list filtered by the new building shows its open ticket, by the old one not; the move is in the outbox', async () => {
    const id = await file(spaces.toilet3);
    expect(await listed({ buildingId: buildings.admin })).toEqual([id]);

    expect(await move('space', { id: spaces.toilet3, floorId: 'fl-fs-2f' })).toMatchObject({ ok: true });

    expect(ticket(id)).toMatchObject({ siteId: sites.fengshan, buildingId: buildings.front, updatedAt: tpe('2022-01-20', '09:00') });
    expect(await listed({ buildingId: buildings.front })).toEqual([id]);
    expect(await listed({ buildingId: buildings.admin })).toEqual([]);
    expect(await listed({ siteId: sites.fengshan })).toEqual([id]);
    expect(await listed({ siteId: sites.siwei })).toEqual([]);

    // One synced write: the move and the ticket's new place, with before-images to undo both on a rebase.
    const last = outbox().at(-1)!;
    expect(last.name).toBe('space.update');
    expect((JSON.parse(last.undo) as { kind: string; id: string }[]).map((u) => `${u.kind}/${u.id}`)).toEqual([`space/${spaces.toilet3}`, `ticket/${id}`]);
    // The ticket's history says which change moved it.
    const history = ws.db.$client.prepare("SELECT mutation, changes FROM audit WHERE kind = 'ticket' AND record_id = ? ORDER BY at DESC LIMIT 1").get(id) as { mutation: string; changes: string };
    expect(history.mutation).toBe('space.update');
    expect(JSON.parse(history.changes)).toMatchObject({ siteId: [sites.siwei, sites.fengshan], buildingId: [buildings.admin, buildings.front] });
  });

  it('the period report counts a completed ticket at the site its room hangs in after its floor moved to another building', async () => {
    const id = await file(spaces.room1);
    await complete(id, tpe('2022-01-12', '10:00'));
    const january = { from: '2022-01-01', to: '2022-01-31' };
    expect((await ws.call('tickets.figures', january)).bySite).toEqual({ [sites.siwei]: { plumbing: 1 } });

    expect(await move('floor', { id: 'fl-3f', buildingId: buildings.front })).toMatchObject({ ok: true });

    expect((await ws.call('tickets.figures', january)).bySite).toEqual({ [sites.fengshan]: { plumbing: 1 } });
    expect(await listed({ buildingId: buildings.front, statuses: ['completed'] })).toEqual([id]);
  });

  it('a building moved to another site takes the tickets of every room on every floor, closed ones too, and leaves the others alone', async () => {
    const lobby = await file(spaces.lobby);
    const room = await file(spaces.room1);
    await complete(room, tpe('2022-01-11', '10:00'));
    const elsewhere = await file(spaces.fsOffice);
    const before = ticket(elsewhere);

    expect(await move('building', { id: buildings.admin, siteId: sites.fengshan })).toMatchObject({ ok: true });

    for (const id of [lobby, room]) expect(ticket(id)).toMatchObject({ siteId: sites.fengshan, buildingId: buildings.admin });
    expect(ticket(elsewhere)).toEqual(before);
    expect(await listed({ siteId: sites.fengshan })).toEqual([lobby, room, elsewhere]);
    expect(await listed({ buildingId: buildings.admin })).toEqual([lobby, room]);
    expect(await listed({ siteId: sites.siwei })).toEqual([]);
    expect((await ws.call('tickets.figures', { from: '2022-01-01', to: '2022-01-31' })).bySite).toEqual({ [sites.fengshan]: { plumbing: 1 } });
  });

  it('a refused move (to a floor that does not exist or is archived) changes no ticket and writes nothing', async () => {
    const id = await file(spaces.toilet3);
    const before = ticket(id);
    const writes = outbox().length;
    expect(await move('space', { id: spaces.toilet3, floorId: 'no-such-floor' })).toMatchObject({ ok: false, problem: { code: 'error.notFound', field: 'floorId' } });
    expect(await ws.runner.run('floor.archive', { id: 'fl-fs-2f' }, adminActor)).toMatchObject({ ok: true });
    expect(await move('space', { id: spaces.toilet3, floorId: 'fl-fs-2f' })).toMatchObject({ ok: false, problem: { code: 'error.archivedParent', field: 'floorId' } });
    expect(ticket(id)).toEqual(before);
    expect(outbox().length).toBe(writes + 1);
  });

  it('renaming a place, or "moving" it where it already is, leaves its tickets untouched', async () => {
    const id = await file(spaces.toilet3);
    const before = ticket(id);
    expect(await move('space', { id: spaces.toilet3, nameZh: '男廁（3F）', floorId: 'fl-3f' })).toMatchObject({ ok: true });
    expect(await move('building', { id: buildings.admin, nameZh: '行政大樓A', siteId: sites.siwei })).toMatchObject({ ok: true });
    expect(ticket(id)).toEqual(before);
    expect(JSON.parse(outbox().at(-1)!.undo)).toHaveLength(1);
  });
});
