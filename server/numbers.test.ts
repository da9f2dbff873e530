import { beforeEach, expect, it } from 'vitest';
import type { PullResponse } from '../domain/sync-protocol';
import { bookingArgs, describeEachEngine, replay, startHarness, VENUE, venueWorld, VERSIONS, type Harness, type Workstation } from '../test/support/server-harness';

describeEachEngine('printed numbers', (open) => {
  let h: Harness;
  let a: Workstation;
  let b: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    a = await h.workstation('desk A');
    b = await h.workstation('desk B');
    expect((await a.push(venueWorld(a))).body).toMatchObject({ processed: 7 });
  });

  const lease = (ws: Workstation, body: Record<string, unknown>) => h.call<Record<string, unknown>>('POST', '/leases', { clientId: ws.clientId, ...VERSIONS, ...body }, ws.token);
  const book = (ws: Workstation, id: string, slot: number, number?: string) => ws.outbox('booking.create', bookingArgs(id, slot, number === undefined ? {} : { number }), VENUE.clerkId);
  const numbers = async () => {
    const state = replay(await a.pullAll());
    return Object.fromEntries([...state.entries()].filter(([k]) => k.startsWith('booking/')).map(([k, v]) => [k.slice(8), v.number]));
  };
  const renumbered = (pages: PullResponse[]) => pages.flatMap((p) => p.renumbered ?? []);

  it('leases consecutive blocks that never overlap, per kind and year, whoever asks', async () => {
    expect(await lease(a, { kind: 'booking', year: 2022, count: 100 })).toMatchObject({ status: 200, body: { kind: 'booking', year: 2022, from: 1, to: 100 } });
    expect((await lease(b, { kind: 'booking', year: 2022, count: 50 })).body).toEqual({ kind: 'booking', year: 2022, from: 101, to: 150 });
    expect((await lease(a, { kind: 'booking', year: 2022, count: 1 })).body).toMatchObject({ from: 151, to: 151 });
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 10 })).body).toMatchObject({ kind: 'ticket', from: 1, to: 10 });
    expect((await lease(b, { kind: 'booking', year: 2023, count: 10 })).body).toMatchObject({ year: 2023, from: 1, to: 10 });
  });

  it("refuses a lease it cannot make sense of, or for another workstation's client id, and hands out nothing", async () => {
    for (const bad of [
      { kind: 'booking', year: 2022, count: 0 },
      { kind: 'booking', year: 2022, count: 1e6 },
      { kind: 'parcel', year: 2022, count: 5 },
      { kind: 'booking', year: 111, count: 5 },
      { kind: 'booking', year: 2022 },
    ]) {
      const r = await lease(a, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body).toMatchObject({ code: 'request.invalid', field: expect.any(String) });
    }
    const foreign = await h.call('POST', '/leases', { clientId: a.clientId, ...VERSIONS, kind: 'booking', year: 2022, count: 5 }, b.token);
    expect(foreign).toMatchObject({ status: 403, body: { code: 'sync.foreignClient' } });
    expect((await lease(a, { kind: 'booking', year: 2022, count: 5, protocolVersion: 99 })).status).toBe(409);
    expect(await h.call('POST', '/leases', { clientId: a.clientId, ...VERSIONS, kind: 'booking', year: 2022, count: 5 }, h.adminToken)).toMatchObject({ status: 403 });
    expect((await lease(a, { kind: 'booking', year: 2022, count: 5 })).body).toMatchObject({ from: 1, to: 5 });
  });

  it('a lease asked for again under the same request id (its reply was lost) gets the same block, and the sequence moves once', async () => {
    const first = await lease(a, { kind: 'ticket', year: 2022, count: 100, requestId: 'want-1' });
    expect(first).toMatchObject({ status: 200, body: { kind: 'ticket', year: 2022, from: 1, to: 100 } });
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 100, requestId: 'want-1' })).body).toEqual(first.body);
    // The next block wanted, and another workstation's (request ids are each workstation's own), follow on.
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 100, requestId: 'want-2' })).body).toMatchObject({ from: 101, to: 200 });
    expect((await lease(b, { kind: 'ticket', year: 2022, count: 10, requestId: 'want-1' })).body).toMatchObject({ from: 201, to: 210 });
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 100, requestId: 'want-1' })).body).toEqual(first.body);
    // The same id for other numbers is a mistake of the workstation's: refused, nothing handed out.
    const reused = await lease(a, { kind: 'booking', year: 2022, count: 5, requestId: 'want-1' });
    expect(reused).toMatchObject({ status: 409, body: { code: 'lease.requestIdReused', field: 'requestId' } });
    expect((await lease(a, { kind: 'booking', year: 2022, count: 5 })).body).toMatchObject({ from: 1, to: 5 });
    expect((await lease(b, { kind: 'ticket', year: 2022, count: 1 })).body).toMatchObject({ from: 211, to: 211 });
  });

  it('a workstation one protocol version behind leases without a request id: each request a new block', async () => {
    const older = { protocolVersion: VERSIONS.protocolVersion - 1 };
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 10, ...older })).body).toMatchObject({ from: 1, to: 10 });
    expect((await lease(a, { kind: 'ticket', year: 2022, count: 10, ...older })).body).toMatchObject({ from: 11, to: 20 });
  });

  it("keeps a number from the workstation's block, and a number it has seen is never leased again", async () => {
    expect((await lease(a, { kind: 'booking', year: 2022, count: 10 })).body).toMatchObject({ from: 1, to: 10 });
    await a.push([book(a, 'bk1', 0, '場-111-00003')]);
    // A number nobody leased (a workstation that numbered on its own): kept, and the sequence continues after it.
    await b.push([book(b, 'bk2', 1, '場-111-00500')]);
    expect(await numbers()).toEqual({ bk1: '場-111-00003', bk2: '場-111-00500' });
    expect(renumbered(await a.pullAll())).toEqual([]);
    expect((await lease(b, { kind: 'booking', year: 2022, count: 10 })).body).toMatchObject({ from: 501, to: 510 });
  });

  it('replaces a provisional number by the next of the sequence, in the record and its history, and tells the workstation that gave it', async () => {
    await lease(a, { kind: 'booking', year: 2022, count: 10 });
    const m = book(b, 'bk1', 0, '場-111-暫0001');
    expect((await b.push([m])).body).toMatchObject({ processed: 1 });
    const pages = await b.pullAll();
    expect(renumbered(pages)).toEqual([{ clientId: b.clientId, mutationId: m.mutationId, from: '場-111-暫0001', to: '場-111-00011' }]);
    const state = replay(pages);
    expect(state.get('booking/bk1')).toMatchObject({ number: '場-111-00011' });
    const history = [...state.values()].find((r) => r.recordId === 'bk1' && r.op === 'create');
    expect((history?.changes as Record<string, unknown>).number).toEqual([null, '場-111-00011']);
    // Only the workstation that gave the number hears of the change; the others just get the record.
    expect(renumbered(await a.pullAll())).toEqual([]);
    expect(await numbers()).toEqual({ bk1: '場-111-00011' });
  });

  it('replaces a number another record has, or one in a block leased to another workstation; numbers stay unique', async () => {
    await lease(a, { kind: 'booking', year: 2022, count: 10 });
    await lease(b, { kind: 'booking', year: 2022, count: 10 });
    await a.push([book(a, 'a1', 0, '場-111-00003')]);
    const [taken, inAnothersBlock, own] = [book(b, 'b1', 1, '場-111-00003'), book(b, 'b2', 2, '場-111-00005'), book(b, 'b3', 3, '場-111-00012')];
    expect((await b.push([taken, inAnothersBlock, own])).body).toMatchObject({ processed: 3 });
    expect(renumbered(await b.pullAll())).toEqual([
      { clientId: b.clientId, mutationId: taken.mutationId, from: '場-111-00003', to: '場-111-00021' },
      { clientId: b.clientId, mutationId: inAnothersBlock.mutationId, from: '場-111-00005', to: '場-111-00022' },
    ]);
    const all = await numbers();
    expect(all).toEqual({ a1: '場-111-00003', b1: '場-111-00021', b2: '場-111-00022', b3: '場-111-00012' });
    // A's own number 5, given later, is still A's.
    await a.push([book(a, 'a2', 4, '場-111-00005')]);
    expect((await numbers()).a2).toBe('場-111-00005');
  });

  it('gives a number to a numbered mutation that came without one, and a refused one claims none', async () => {
    await a.push([a.outbox('booking.create', { ...bookingArgs('x1', 0, { number: '場-111-00004' }), venueId: 'no-such-venue' }, VENUE.clerkId)]);
    expect((await a.pullAll()).flatMap((p) => p.refusals).map((r) => r.problem.code)).toEqual(['error.notFound']);
    await a.push([book(a, 'bk1', 1, '場-111-00004'), book(a, 'bk2', 2)]);
    const all = await numbers();
    expect(all.bk1).toBe('場-111-00004');
    // No number: the first of the sequence of the year it was made in.
    expect(all.bk2).toMatch(/^場-\d{3}-00001$/);
  });

  it('a workstation one protocol version behind still pulls, and its provisional numbers are replaced too', async () => {
    await a.push([book(a, 'bk1', 0, '場-111-暫0001')]);
    const old = await a.pull('', undefined, { protocolVersion: VERSIONS.protocolVersion - 1 });
    expect(old.status).toBe(200);
    expect(replay([old.body]).get('booking/bk1')).toMatchObject({ number: '場-111-00001' });
  });
});
