import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { mutations, type MutationDef } from '../domain/mutations';
import { defineMutation } from '../domain/mutations/define';
import { AUDIT_KIND } from './apply';
import { getRecord } from './store/sync-data';
import { bookingArgs, describeEachEngine, startHarness, VENUE, venueWorld, type Harness, type Workstation } from '../test/support/server-harness';
import { runAsServer } from './sync';

/**
 * A mutator that forgot the venue rule: it approves without looking for bookings in the
 * way, after changing another record. The database's own guard must still refuse it.
 */
const careless = defineMutation({
  name: 'test.approveWithoutChecking',
  args: z.object({ id: z.string(), phone: z.string() }),
  roles: ['admin'],
  async apply(tx, a, ctx) {
    await tx.update('agency', VENUE.agencyId, { phone: a.phone, updatedAt: ctx.at });
    await tx.update('booking', a.id, { status: 'approved', approvedLevel: 1, updatedAt: ctx.at });
  },
});

beforeAll(() => void (mutations as Map<string, MutationDef>).set(careless.name, careless as MutationDef));
afterAll(() => void (mutations as Map<string, MutationDef>).delete(careless.name));

/** 09:00–10:00 on 2022-03-01, and a booking half an hour later at the same venue. */
const FIRST = bookingArgs('bk-first', 0, { contactName: '林美玲', contactPhone: '07-7995678', eventName: '防災演練說明會' });
const overlapping = (id: string) => bookingArgs(id, 0, { start: '2022-03-01T01:30:00.000Z', end: '2022-03-01T02:30:00.000Z' });

async function refusalsOf(ws: Workstation) {
  return (await ws.pullAll()).flatMap((p) => p.refusals);
}

describeEachEngine('rules across records on the server', (open) => {
  let h: Harness;
  let ws: Workstation;
  const record = (kind: string, id: string) => h.db.read((c) => getRecord(c, kind, id));

  async function withFirstBooked() {
    h = await startHarness(await open());
    ws = await h.workstation();
    expect((await ws.push([...venueWorld(ws), ws.outbox('booking.create', FIRST, VENUE.clerkId)])).status).toBe(200);
    expect((await record('booking', 'bk-first'))?.status).toBe('approved');
  }

  it('refuses an overlapping booking as data, naming the booking it collided with and how to reach its applicant', async () => {
    await withFirstBooked();
    const second = ws.outbox('booking.create', overlapping('bk-second'), VENUE.clerkId);
    expect((await ws.push([second])).body).toMatchObject({ processed: 1 });
    const refusal = (await refusalsOf(ws)).find((r) => r.mutationId === second.mutationId);
    const first = await record('booking', 'bk-first');
    expect(refusal?.problem).toMatchObject({
      code: 'venues.conflict',
      field: 'start',
      params: {
        conflictId: 'bk-first',
        number: first?.number,
        name: '防災演練說明會',
        when: '111/03/01 09:00–10:00',
        start: FIRST.start,
        end: FIRST.end,
        venueId: VENUE.id,
        applicantAgencyId: VENUE.agencyId,
        contactName: '林美玲',
        contactPhone: '07-7995678',
      },
    });
    expect(await record('booking', 'bk-second')).toBeUndefined();
  });

  it('refuses as data, with the same problem, a write that slipped past the mutator, and keeps nothing of it', async () => {
    await withFirstBooked();
    // Approval needed from now on, so the overlapping booking is taken as pending.
    const pending = [ws.outbox('venue.update', { id: VENUE.id, approvalLevels: 1 }), ws.outbox('booking.create', overlapping('bk-second'), VENUE.clerkId)];
    expect((await ws.push(pending)).body).toMatchObject({ processed: 2 });
    expect((await record('booking', 'bk-second'))?.status).toBe('pending');
    const phoneBefore = (await record('agency', VENUE.agencyId))?.phone;

    // The mutator's own check is the first line…
    const approve = ws.outbox('booking.approve', { id: 'bk-second' }, VENUE.clerkId);
    await ws.push([approve]);
    const checked = (await refusalsOf(ws)).find((r) => r.mutationId === approve.mutationId)?.problem;
    expect(checked).toMatchObject({ code: 'venues.conflict', params: { conflictId: 'bk-first' } });

    // …the database the backstop.
    const problem = await runAsServer(h.db, careless.name, { id: 'bk-second', phone: '07-0000000' }, { userId: h.adminId, roles: ['admin'] });
    expect(problem).toEqual(checked);
    expect((await record('booking', 'bk-second'))?.status).toBe('pending');
    expect((await record('agency', VENUE.agencyId))?.phone).toBe(phoneBefore);
    const audit = await h.db.read((c) => c.all<{ id: string }>('SELECT id FROM record WHERE kind = ? AND id LIKE ?', [AUDIT_KIND, 'server:%']));
    const outcome = await h.db.read((c) => c.all<{ mutation_id: unknown; ok: unknown }>("SELECT mutation_id, ok FROM mutation_result WHERE client_id = 'server' AND name = ?", [careless.name]));
    expect(outcome.map((o) => Number(o.ok))).toEqual([0]);
    expect(audit.map((a) => a.id)).not.toContain(`server:${Number(outcome[0].mutation_id)}:0`);

    // Once the first booking is cancelled, the same write goes through.
    await ws.push([ws.outbox('booking.cancel', { id: 'bk-first', reason: '改期' }, VENUE.clerkId)]);
    expect(await runAsServer(h.db, careless.name, { id: 'bk-second', phone: '07-0000000' }, { userId: h.adminId, roles: ['admin'] })).toBeNull();
    expect((await record('booking', 'bk-second'))?.status).toBe('approved');
  });
});
