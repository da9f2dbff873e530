/**
 * The sync server restored from a backup: the backup is taken while a workstation
 * pushes, restored into a fresh server, and the workstations lose no write they hold —
 * what they wrote after the backup is pushed again and everyone ends with the same data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { restoreBackup, takeBackup } from '../../server/backups';
import { getRecord } from '../../server/store/sync-data';
import { tempDir } from '../support/fresh-db';
import { closeWorkstations, joinedWorkstation, startSyncServer, type RunningServer } from '../support/sync-server';

let server: RunningServer | null = null;

afterEach(async () => {
  closeWorkstations();
  await server?.stop();
  server = null;
});

const site = (i: number) => ({ id: `s${i}`, code: `S${i}`, nameZh: `園區 ${i}`, nameEn: '', address: '' });
const WRITES = 40;

describe('a server restored from a backup', () => {
  it('taken while a workstation pushes: after the restore both workstations resync and no write is lost', async () => {
    server = await startSyncServer();
    const a = await joinedWorkstation(server.url, 'A');
    const b = await joinedWorkstation(server.url, 'B');

    // A writes and syncs in a loop (each write also goes up on its own); the backup is taken
    // halfway, between two of its pushes. (Taken on a timer it could miss the middle: SQLite's
    // online backup starts again when the store changes under it, and ends with everything.)
    let backup: Awaited<ReturnType<typeof takeBackup>> | undefined;
    for (let i = 0; i < WRITES; i++) {
      expect(await a.call('mutate', { name: 'site.create', args: site(i) })).toMatchObject({ ok: true });
      if (i % 5 === 4) await a.call('sync.now', {});
      if (i === WRITES / 2) backup = await takeBackup(server.dataDir);
    }
    if (!backup) throw new Error('no backup taken');
    await a.call('sync.now', {});
    expect(await a.call('status.get', {})).toMatchObject({ pending: 0 });

    // B edits one of A's sites and makes one of its own after the backup.
    await b.call('sync.now', {});
    expect(await b.call('mutate', { name: 'site.update', args: { id: 's0', nameEn: 'Edited on B' } })).toMatchObject({ ok: true });
    expect(await b.call('mutate', { name: 'site.create', args: { ...site(99), nameZh: 'B 的園區' } })).toMatchObject({ ok: true });
    await b.call('sync.now', {});
    expect(await b.call('status.get', {})).toMatchObject({ pending: 0 });

    // The server dies; a fresh one on the same address gets the backup.
    const port = server.port;
    await server.stop();
    const fresh = tempDir('ga-restored-');
    expect((await restoreBackup(fresh, backup.file)).replaced).toBeNull();
    server = await startSyncServer({ dataDir: fresh, port });
    const lostOnServer: number[] = [];
    for (let i = 0; i < WRITES; i++) if (!(await server.db.read((c) => getRecord(c, 'site', `s${i}`)))) lostOnServer.push(i);
    // The backup was taken in the middle of the writing: the server lacks some of A's writes.
    expect(lostOnServer.length).toBeGreaterThan(0);

    // A still writes; both sync as they would.
    expect(await a.call('mutate', { name: 'site.create', args: site(100) })).toMatchObject({ ok: true });
    for (const w of [a, b, a, b]) await w.call('sync.now', {});

    const db = server.db;
    for (const i of [...Array.from({ length: WRITES }, (_, k) => k), 99, 100]) expect(await db.read((c) => getRecord(c, 'site', `s${i}`))).toBeTruthy();
    expect(await db.read((c) => getRecord(c, 'site', 's0'))).toMatchObject({ nameEn: 'Edited on B' });
    for (const w of [a, b]) {
      expect(await w.call('status.get', {})).toMatchObject({ pending: 0, lastError: null });
      // Nothing refused: at most the notice that the server's data was replaced and everything pulled again.
      expect((await w.call('attention.list', {})).filter((i) => i.problem?.code !== 'sync.resyncedReplaced')).toEqual([]);
      for (const i of [0, WRITES - 1, 99, 100]) expect(await w.call('records.get', { kind: 'site', id: `s${i}` })).not.toBeNull();
      expect(await w.call('records.get', { kind: 'site', id: 's0' })).toMatchObject({ nameEn: 'Edited on B' });
    }
  }, 60_000);
});
