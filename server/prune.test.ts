import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { bookingArgs, describeEachEngine, replay, site, startHarness, VENUE, venueWorld, VERSIONS, type Harness, type Workstation } from '../test/support/server-harness';
import { prune, PruneOptionError, referencedHashes, schedulePruning } from './prune';
import { num, one } from './store/sql';
import type { SqlDb } from './store/sql';

const DAY = 86_400_000;
/** As the scheduled pruning would run that many days from now. */
const inDays = (days: number) => new Date(Date.now() + days * DAY);

const count = async (db: SqlDb, sql: string, params: unknown[] = []) => num((await db.read((c) => one<{ n: unknown }>(c, sql, params)))?.n);

describeEachEngine('pruning', (open) => {
  let h: Harness;
  let a: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    a = await h.workstation('A');
  });

  it('removes tombstones and outcomes past the retention; a cursor below the horizon must resync, and a full pull no longer has the deleted record', async () => {
    const made = [a.outbox('site.create', site('s1', 'SW')), a.outbox('site.create', site('s2', 'FS')), a.outbox('site.create', site('s3', 'DL'))];
    await a.push(made);
    const old = (await a.pullAll()).at(-1)!.cursor;
    const deleted = a.outbox('site.delete', { id: 's2' });
    await a.push([deleted]);
    expect(await count(h.db, 'SELECT count(*) AS n FROM record WHERE data IS NULL')).toBe(1);

    // Within the retention nothing goes.
    expect(await prune(h.db, { retentionDays: 180, now: inDays(100) })).toMatchObject({ horizon: 0, tombstones: 0, results: 0 });
    expect((await a.pull(old)).status).toBe(200);

    const report = await prune(h.db, { retentionDays: 180, now: inDays(200) });
    expect(report).toMatchObject({ tombstones: 1, results: expect.any(Number) });
    expect(report.horizon).toBeGreaterThan(0);
    expect(await count(h.db, 'SELECT count(*) AS n FROM record WHERE data IS NULL')).toBe(0);
    expect(await count(h.db, 'SELECT count(*) AS n FROM mutation_result WHERE client_id = ?', [a.clientId])).toBe(0);

    // The old cursor would miss the deletion: the workstation is told to pull everything; one release older is told to update.
    expect(await a.pull(old)).toMatchObject({ status: 409, body: { code: 'sync.resyncRequired', field: 'cursor' } });
    expect(await a.pull(old, undefined, { protocolVersion: VERSIONS.protocolVersion - 1 })).toMatchObject({ status: 426, body: { code: 'sync.updateRequired' } });

    const pages = await a.pullAll('');
    const records = replay(pages);
    expect([...records.keys()].filter((k) => k.startsWith('site/')).sort()).toEqual(['site/s1', 'site/s3']);
    // Its writes are reported processed though their outcomes are gone, so it drops them from its outbox.
    expect(pages.at(-1)!.lastMutationIds[a.clientId]).toBe(deleted.mutationId);
    expect((await a.pull(pages.at(-1)!.cursor)).body).toMatchObject({ changes: [], more: false });

    // Pruning again is harmless.
    expect(await prune(h.db, { retentionDays: 180, now: inDays(200) })).toMatchObject({ horizon: report.horizon, tombstones: 0, results: 0 });
  });

  it('a push retried after its outcomes were pruned applies nothing twice', async () => {
    const made = [a.outbox('site.create', site('s1', 'SW')), a.outbox('site.update', { id: 's1', nameEn: 'Siwei' })];
    expect((await a.push(made)).body).toMatchObject({ lastMutationId: 2, processed: 2 });
    const head = (await a.pullAll()).at(-1)!.cursor;
    await prune(h.db, { retentionDays: 30, now: inDays(45) });
    expect(await count(h.db, 'SELECT count(*) AS n FROM mutation_result WHERE client_id = ?', [a.clientId])).toBe(0);

    // The reply was lost long ago: the workstation sends the same writes again, and one more.
    const later = a.outbox('site.update', { id: 's1', nameEn: 'Siwei Center' });
    expect((await a.push([...made, later])).body).toMatchObject({ lastMutationId: 3, processed: 1 });
    const pages = await a.pullAll(head);
    expect(pages.flatMap((p) => p.changes).filter((c) => c.kind === 'site')).toEqual([expect.objectContaining({ id: 's1', data: expect.objectContaining({ nameEn: 'Siwei Center' }) })]);
    expect(pages.flatMap((p) => p.refusals)).toEqual([]);
    // One history entry per write: the create and two updates, none again.
    const history = [...replay(await a.pullAll('')).values()].filter((r) => r.recordId === 's1');
    expect(history.map((r) => r.mutation).sort()).toEqual(['site.create', 'site.update', 'site.update']);
  });

  it('keeps a refusal its workstation has not yet received, and prunes it once its cursor passed it', async () => {
    const b = await h.workstation('B');
    await a.push([a.outbox('site.create', site('s1', 'SW'))]);
    // B never hears of it before pushing the same code: refused, and B goes offline before pulling.
    const clash = b.outbox('site.create', site('s9', 'SW'));
    await b.push([clash]);
    await prune(h.db, { retentionDays: 180, now: inDays(200) });
    expect(await count(h.db, 'SELECT count(*) AS n FROM mutation_result WHERE client_id = ?', [b.clientId])).toBe(1);

    const pages = await b.pullAll('');
    expect(pages.flatMap((p) => p.refusals)).toEqual([expect.objectContaining({ clientId: b.clientId, mutationId: clash.mutationId, problem: expect.objectContaining({ code: 'error.duplicate' }) })]);
    expect(pages.at(-1)!.lastMutationIds[b.clientId]).toBe(clash.mutationId);
    // Its next pull says it saved that page.
    expect((await b.pull(pages.at(-1)!.cursor)).status).toBe(200);
    await prune(h.db, { retentionDays: 180, now: inDays(200) });
    expect(await count(h.db, 'SELECT count(*) AS n FROM mutation_result WHERE client_id = ?', [b.clientId])).toBe(0);
    expect((await b.pullAll('')).at(-1)!.lastMutationIds[b.clientId]).toBe(clash.mutationId);
  });

  it('removes a file no record refers to once the grace period is over, and keeps the ones records refer to', async () => {
    const put = (bytes: Buffer) =>
      h.app.inject({ method: 'PUT', url: `/attachments/${sha256(bytes)}`, payload: bytes, headers: { 'content-type': 'application/pdf', authorization: `Bearer ${a.token}` } });
    const get = (hash: string) => h.app.inject({ method: 'GET', url: `/attachments/${hash}`, headers: { authorization: `Bearer ${a.token}` } });
    await a.push(venueWorld(a));
    const kept = letter();
    const orphan = letter();
    expect((await put(kept)).statusCode).toBe(201);
    expect((await put(orphan)).statusCode).toBe(201);
    const scan = { sha256: sha256(kept), name: '來函.pdf', size: kept.length, type: 'application/pdf' };
    expect((await a.push([a.outbox('booking.create', bookingArgs('bk1', 0, { attachments: [scan] }), VENUE.clerkId)])).body).toMatchObject({ processed: 1 });
    // The orphan's change was never sent (or was refused).
    const file = (hash: string) => (h.db.filesDir ? path.join(h.db.filesDir, 'attachments', hash.slice(0, 2), hash) : null);

    expect(await prune(h.db, { attachmentGraceDays: 7, now: inDays(3) })).toMatchObject({ attachments: 0 });
    expect((await get(sha256(orphan))).statusCode).toBe(200);

    expect(await prune(h.db, { attachmentGraceDays: 7, now: inDays(8) })).toMatchObject({ attachments: 1 });
    expect((await get(sha256(orphan))).statusCode).toBe(404);
    expect((await get(sha256(kept))).rawPayload.equals(kept)).toBe(true);
    if (h.db.filesDir) {
      expect(fs.existsSync(file(sha256(orphan))!)).toBe(false);
      expect(fs.existsSync(file(sha256(kept))!)).toBe(true);
    }
    // Uploaded again (its change is still to come), it is kept for another grace period.
    expect((await put(orphan)).statusCode).toBe(201);
    expect(await prune(h.db, { attachmentGraceDays: 7, now: inDays(3) })).toMatchObject({ attachments: 0 });
  });

  it('runs by itself on a schedule in the server', async () => {
    await a.push([a.outbox('site.create', site('s1', 'SW')), a.outbox('site.delete', { id: 's1' })]);
    await h.db.write((c) => c.run("UPDATE mutation_result SET processed_at = '2025-01-01T00:00:00.000Z'"));
    const logged: object[] = [];
    const schedule = schedulePruning(h.db, { retentionDays: 30, firstAfterMs: 5, everyMs: 60_000 }, { info: (o) => logged.push(o), error: (o) => logged.push(o) });
    for (let i = 0; i < 200 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await schedule.stop();
    expect(logged).toEqual([{ prune: expect.objectContaining({ tombstones: 1 }) }]);
    expect(await count(h.db, 'SELECT count(*) AS n FROM record WHERE data IS NULL')).toBe(0);
  });

  it('refuses a retention or grace period that makes no sense', async () => {
    await expect(prune(h.db, { retentionDays: 0 })).rejects.toBeInstanceOf(PruneOptionError);
    await expect(prune(h.db, { attachmentGraceDays: 1 })).rejects.toThrow(/at least 2/);
  });
});

it('a file a record once showed counts as referred to while its history does', () => {
  const h1 = 'a'.repeat(64);
  const h2 = 'b'.repeat(64);
  const entry = { kind: 'booking', op: 'update', changes: { attachments: [[{ sha256: h1, name: 'x.pdf' }], [{ sha256: h2, name: 'y.pdf' }]] } };
  expect([...referencedHashes(entry)].sort()).toEqual([h1, h2]);
  expect([...referencedHashes({ photos: [h1], note: h2 })]).toEqual([h1]);
});

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const letter = () => Buffer.from(`%PDF-1.4 公文 ${crypto.randomUUID()}\n`.repeat(20));
