import { beforeEach, expect, it } from 'vitest';
import { buildServer } from './app';
import type { PullResponse } from '../domain/sync-protocol';
import { describeEachEngine, replay, site, startHarness, VERSIONS, type Harness, type Workstation } from '../test/support/server-harness';
import { headSeq } from './store/sync-data';

describeEachEngine('push and pull', (open, engine) => {
  let h: Harness;
  let a: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    a = await h.workstation('desk A');
  });

  const records = async (ws: Workstation) => replay(await ws.pullAll());
  const auditOf = (state: Map<string, Record<string, unknown>>, recordId: string) =>
    [...state.values()].filter((r) => r.recordId === recordId && typeof r.mutationId === 'number').sort((x, y) => String(x.at).localeCompare(String(y.at)) || String(x.id).localeCompare(String(y.id)));

  it('applies a retried push exactly once, also when the retry overlaps new writes', async () => {
    const batch = [
      a.outbox('site.create', site('s1', 'SW')),
      a.outbox('site.update', { id: 's1', nameEn: 'Siwei' }),
      a.outbox('building.create', { id: 'b1', siteId: 's1', code: 'A', nameZh: '前棟', nameEn: '' }),
    ];
    expect((await a.push(batch)).body).toEqual({ lastMutationId: 3, processed: 3 });
    const head = await h.db.read(headSeq);
    // The reply was lost: the workstation sends the same outbox again, plus a new write.
    const retry = [...batch, a.outbox('site.update', { id: 's1', address: '高雄市苓雅區四維三路2號' })];
    expect((await a.push(retry)).body).toEqual({ lastMutationId: 4, processed: 1 });
    expect((await a.push(retry)).body).toEqual({ lastMutationId: 4, processed: 0 });
    expect(await h.db.read(headSeq)).toBe(head + 1);
    const state = await records(a);
    expect(state.get('site/s1')).toMatchObject({ nameEn: 'Siwei', address: '高雄市苓雅區四維三路2號' });
    expect(auditOf(state, 's1').map((e) => e.op)).toEqual(['create', 'update', 'update']);
  });

  it('applies two concurrent deliveries of one push once', async () => {
    const batch = [a.outbox('site.create', site('s1', 'SW')), a.outbox('site.update', { id: 's1', nameEn: 'Siwei' })];
    const [r1, r2] = await Promise.all([a.push(batch), a.push(batch)]);
    expect([r1.body.lastMutationId, r2.body.lastMutationId]).toEqual([2, 2]);
    expect(Number(r1.body.processed) + Number(r2.body.processed)).toBe(2);
    expect(auditOf(await records(a), 's1')).toHaveLength(2);
  });

  it('workstations pulling from one cursor at once each get the change, and a change made after comes with the next pull', async () => {
    const desks = [a, await h.workstation('desk B'), await h.workstation('desk C')];
    const cursor = (await a.pullAll()).at(-1)!.cursor;
    await a.push([a.outbox('site.create', site('s1', 'SW'))]);
    const pages = await Promise.all(desks.map((d) => d.pull(cursor)));
    for (const p of pages) expect(p.body.changes.filter((c) => c.kind === 'site').map((c) => c.data?.code)).toEqual(['SW']);
    expect(pages[0].body.lastMutationIds).toEqual({ [a.clientId]: 1 });
    expect(pages[1].body.lastMutationIds).toEqual({});
    await a.push([a.outbox('site.update', { id: 's1', code: 'NE' })]);
    const again = await desks[1].pull(cursor);
    expect(again.body.changes.filter((c) => c.kind === 'site').map((c) => c.data?.code)).toEqual(['NE']);
    expect(again.body.cursor).not.toBe(pages[1].body.cursor);
  });

  it('stops at a gap and goes on once the missing write arrives', async () => {
    const m = [a.outbox('site.create', site('s1', 'S1')), a.outbox('site.create', site('s2', 'S2')), a.outbox('site.create', site('s3', 'S3')), a.outbox('site.create', site('s4', 'S4'))];
    const r = await a.push([m[0], m[2], m[3]]);
    expect(r.body).toEqual({ lastMutationId: 1, processed: 1, gap: { expected: 2, received: 3 } });
    expect([...(await records(a)).keys()].filter((k) => k.startsWith('site/'))).toEqual(['site/s1']);
    expect((await a.push(m)).body).toEqual({ lastMutationId: 4, processed: 3 });
    expect([...(await records(a)).keys()].filter((k) => k.startsWith('site/')).sort()).toEqual(['site/s1', 'site/s2', 'site/s3', 'site/s4']);
  });

  it('a refused write advances the last id and comes back once with the next pull, as a code with parameters', async () => {
    const first = await a.pullAll();
    const cursor = first.at(-1)!.cursor;
    const r = await a.push([a.outbox('site.create', site('s1', 'SW')), a.outbox('site.create', site('s2', 'SW')), a.outbox('site.update', { id: 's1', nameZh: '' })]);
    expect(r.body).toEqual({ lastMutationId: 3, processed: 3 });
    const [page] = await a.pullAll(cursor);
    expect(page.lastMutationIds).toEqual({ [a.clientId]: 3 });
    expect(page.refusals).toEqual([
      { clientId: a.clientId, mutationId: 2, problem: { code: 'error.duplicate', params: { field: 'code', value: 'SW' }, field: 'code' } },
      { clientId: a.clientId, mutationId: 3, problem: { code: 'error.required', params: { field: 'nameZh' }, field: 'nameZh' } },
    ]);
    // Nothing of the refused writes reached the records or their history.
    expect(page.changes.map((c) => `${c.kind}/${c.id}`)).toEqual(['audit/' + `${a.clientId}:1:0`, 'site/s1']);
    expect(page.changes.find((c) => c.id === 's1')?.data).toMatchObject({ nameZh: '園區 SW' });
    // Already delivered: the next pull from the new cursor has no refusals.
    const [again] = await a.pullAll(page.cursor);
    expect(again.refusals).toEqual([]);
    // Another workstation never sees them.
    const b = await h.workstation('desk B');
    expect((await b.pullAll()).flatMap((p) => p.refusals)).toEqual([]);
  });

  it("refuses each write of a viewer, and of a user unknown to the server, by the server's roles", async () => {
    await a.push([
      a.outbox('user.create', { id: 'u-viewer', username: 'viewer', displayName: '檢視者', roles: ['viewer'] }),
      a.outbox('user.create', { id: 'u-clerk', username: 'clerk', displayName: '承辦', roles: ['venue_clerk'] }),
    ]);
    const r = await a.push([
      a.outbox('site.create', site('s1', 'S1'), 'u-viewer'),
      a.outbox('calendarDay.set', { date: '2022-02-01', kind: 'holiday', name: '春節' }, 'u-clerk'),
      a.outbox('site.create', site('s2', 'S2'), 'u-nobody'),
      a.outbox('site.create', site('s3', 'S3')),
    ]);
    expect(r.body).toEqual({ lastMutationId: 6, processed: 4 });
    const pages = await a.pullAll();
    expect(pages.flatMap((p) => p.refusals).map((x) => [x.mutationId, x.problem.code, x.problem.params.action])).toEqual([
      [3, 'error.forbidden', 'site.create'],
      [4, 'error.forbidden', 'calendarDay.set'],
      [5, 'error.forbidden', 'site.create'],
    ]);
    expect([...replay(pages).keys()].filter((k) => k.startsWith('site/') || k.startsWith('calendarDay/'))).toEqual(['site/s3']);
  });

  it("pages through every change once, never splitting one mutation's writes, and the result equals one big pull", async () => {
    const writes = [];
    for (let i = 0; i < 12; i++) writes.push(a.outbox('site.create', site(`s${i}`, `S${i}`)));
    const days = Array.from({ length: 9 }, (_, i) => ({ date: `2022-03-0${i + 1}`, kind: 'holiday' as const, name: `假日 ${i}` }));
    writes.push(a.outbox('calendar.importYear', { year: 2022, source: 'test', days }));
    for (let i = 0; i < 5; i++) writes.push(a.outbox('site.update', { id: `s${i}`, nameEn: `Site ${i}` }));
    expect((await a.push(writes)).body.lastMutationId).toBe(writes.length);

    const pages = await a.pullAll('', 7);
    const all = pages.flatMap((p) => p.changes);
    const keys = all.map((c) => `${c.kind}/${c.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of pages) {
      const seqs = new Set(p.changes.map((c) => c.seq));
      // At most the limit, unless one mutation alone is larger (the import: 9 days + 9 history entries).
      if (p.changes.length > 7) expect(seqs.size).toBe(1);
      for (const later of pages.slice(pages.indexOf(p) + 1)) for (const c of later.changes) expect(seqs.has(c.seq)).toBe(false);
    }
    expect(pages.some((p) => p.changes.length === 18)).toBe(true);
    expect(pages.at(-1)!.more).toBe(false);
    expect(replay(pages)).toEqual(replay(await a.pullAll('', 5000)));
    expect(replay(pages).get('site/s3')).toMatchObject({ nameEn: 'Site 3' });
  });

  it('a record changed while a workstation pages arrives in its latest state', async () => {
    const writes = [];
    for (let i = 0; i < 10; i++) writes.push(a.outbox('site.create', site(`s${i}`, `S${i}`)));
    await a.push(writes);
    const first = await a.pull('', 4);
    expect(first.body.more).toBe(true);
    const b = await h.workstation('desk B');
    await b.push([b.outbox('site.update', { id: 's0', nameEn: 'changed meanwhile' })]);
    const rest = await a.pullAll(first.body.cursor, 4);
    const state = replay([first.body, ...rest]);
    expect(state.get('site/s0')).toMatchObject({ nameEn: 'changed meanwhile' });
    expect(state).toEqual(replay(await b.pullAll()));
  });

  it('tells a workstation which of its writes a page covers, no more', async () => {
    for (let i = 0; i < 6; i++) await a.push([a.outbox('site.create', site(`s${i}`, `S${i}`))]);
    const pages = await a.pullAll('', 4);
    // Two records per mutation (the site and its history entry), two mutations per page;
    // the first page also holds the first administrator, made by the server itself.
    expect(pages.map((p) => p.lastMutationIds[a.clientId])).toEqual([1, 3, 5, 6]);
  });

  it('keeps edits of different fields from two workstations; on the same field the later push wins and history keeps both', async () => {
    const b = await h.workstation('desk B');
    await a.push([a.outbox('site.create', site('s1', 'SW', '四維行政中心'))]);
    // Both edit offline, then sync: A first, then B.
    await a.push([
      a.outbox('site.update', { id: 's1', nameEn: 'Siwei Center' }, undefined, '2022-01-31T03:00:00.000Z'),
      a.outbox('site.update', { id: 's1', nameZh: '四維中心' }, undefined, '2022-01-31T03:00:01.000Z'),
    ]);
    await b.push([
      b.outbox('site.update', { id: 's1', address: '四維三路2號' }, undefined, '2022-01-31T03:00:00.500Z'),
      b.outbox('site.update', { id: 's1', nameZh: '四維行政中心大樓' }, undefined, '2022-01-31T03:00:02.000Z'),
    ]);
    const stateA = await records(a);
    expect(stateA.get('site/s1')).toMatchObject({ nameEn: 'Siwei Center', address: '四維三路2號', nameZh: '四維行政中心大樓' });
    expect(await records(b)).toEqual(stateA);
    const nameChanges = auditOf(stateA, 's1')
      .filter((e) => e.op === 'update' && 'nameZh' in (e.changes as object))
      .map((e) => (e.changes as Record<string, unknown>).nameZh);
    expect(nameChanges).toEqual([
      ['四維行政中心', '四維中心'],
      ['四維中心', '四維行政中心大樓'],
    ]);
    // The history entries carry the ids the workstations gave them.
    expect(auditOf(stateA, 's1').map((e) => e.id)).toContain(`${b.clientId}:2:0`);
  });

  it('refuses a client id that belongs to another workstation and writes nothing', async () => {
    await a.push([a.outbox('site.create', site('s1', 'S1'))]);
    const b = await h.workstation('desk B');
    const head = await h.db.read(headSeq);
    const body = { clientId: a.clientId, ...VERSIONS };
    const push = await h.call('POST', '/push', { ...body, mutations: [{ mutationId: 2, name: 'site.create', args: site('s2', 'S2'), at: '2022-01-31T02:00:00.000Z', userId: h.adminId }] }, b.token);
    expect(push.status).toBe(403);
    expect(push.body).toMatchObject({ code: 'sync.foreignClient' });
    expect((await h.call('POST', '/pull', body, b.token)).status).toBe(403);
    expect(await h.db.read(headSeq)).toBe(head);
  });

  it('tells a workstation with a cursor from other data to start over, and refuses a made-up cursor', async () => {
    const other = await startHarness(await open());
    const [page] = await (await other.workstation()).pullAll();
    expect((await a.pull(page.cursor)).body).toMatchObject({ code: 'sync.resetRequired' });
    const mine = (await a.pullAll()).at(-1)!.cursor;
    expect((await a.pull(mine.replace(/\/\d+$/, '/999'))).body).toMatchObject({ code: 'sync.resetRequired' });
    const bad = await a.pull('not a cursor');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'request.invalid', field: 'cursor' });
  });

  it('two server instances on one database: a workstation pulling while both take writes misses no change', async () => {
    const db = await open();
    const h = await startHarness(db);
    const second = await buildServer({ db: engine.twin(db), log: false });
    const a = await h.workstation('desk A');
    const b = await h.workstation('desk B', second);
    const reader = await h.workstation('desk C', second);

    const writes = (ws: typeof a, prefix: string) =>
      (async () => {
        for (let i = 0; i < 15; i++) {
          const r = await ws.push([ws.outbox('site.create', site(`${prefix}${i}`, `${prefix}${i}`)), ws.outbox('site.update', { id: `${prefix}${i}`, nameEn: `n${i}` })]);
          expect(r.status).toBe(200);
        }
      })();
    const pages: PullResponse[] = [];
    let cursor = '';
    let writing = true;
    const reading = (async () => {
      while (writing) {
        const r = await reader.pull(cursor, 3);
        pages.push(r.body);
        cursor = r.body.cursor;
      }
    })();
    await Promise.all([writes(a, 'a'), writes(b, 'b')]);
    writing = false;
    await reading;
    pages.push(...(await reader.pullAll(cursor, 3)));

    const incremental = replay(pages);
    expect(incremental).toEqual(replay(await reader.pullAll()));
    expect([...incremental.keys()].filter((k) => k.startsWith('site/'))).toHaveLength(30);
    await second.close();
  }, 60_000);
});
