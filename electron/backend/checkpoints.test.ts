import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryTickets } from '../../db/queries/tickets';
import { SqliteRecords } from '../../db/records';
import { freshDb } from '../../test/support/fresh-db';
import { BACKSTOP_PAGES, checkpointBetweenWrites } from './checkpoints';

describe('checkpoints between writes', () => {
  it('leaves commits alone and empties the WAL on the next tick', async () => {
    const { db, file } = freshDb();
    const stop = checkpointBetweenWrites(db, 20);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    db.$client.exec('CREATE TABLE t (x TEXT)');
    const insert = db.$client.prepare('INSERT INTO t VALUES (?)');
    // Well past the 1,000 pages at which SQLite would have checkpointed inside a commit.
    for (let i = 0; i < 1500; i++) insert.run('x'.repeat(4000));
    const framesBefore = (db.$client.pragma('wal_checkpoint(NOOP)', { simple: false }) as { log: number }[])[0].log;
    expect(framesBefore).toBeGreaterThan(1000);
    await new Promise((r) => setTimeout(r, 120));
    const after = (db.$client.pragma('wal_checkpoint(NOOP)', { simple: false }) as { log: number; checkpointed: number }[])[0];
    expect(after.checkpointed).toBe(after.log);
    expect(fs.statSync(file).size).toBeGreaterThan(1500 * 4000);
    stop();
    db.$client.close();
  });
});

describe('search index merges between writes', () => {
  it('leaves each ticket filed as its own small segment and merges them on the next tick, still finding every one', async () => {
    const { db } = freshDb();
    const stop = checkpointBetweenWrites(db, 20);
    const records = new SqliteRecords(db);
    const at = '2022-01-10T01:00:00.000Z';
    const subjects = ['電梯異音', '男廁漏水', '冷氣不冷', '插座沒電', '門鎖故障', '網路斷線', '灑水頭漏水', '桌椅損壞'];
    const blank = {
      spaceId: 'sp',
      siteId: 'si',
      buildingId: 'b',
      category: 'other',
      priority: 'normal',
      status: 'reported',
      description: '',
      reporterName: '',
      reporterAgencyId: null,
      reporterPhoneExt: '',
      source: 'phone',
    } as const;
    const none = { assigneeId: null, completedAt: null, closedAt: null, relatedTicketId: null, assetId: null, roundId: null, projectId: null, attachments: [] };
    // Each insert is its own commit, as tickets filed one by one.
    subjects.forEach((subject, i) => records.insertSync('ticket', { ...blank, ...none, id: `t${i}`, number: `維-111-0000${i + 1}`, subject, reportedAt: at, dueAt: at, createdAt: at, updatedAt: at }));
    const segmentRows = () => (db.$client.prepare('SELECT count(*) AS n FROM ticket_fts_gram_data').get() as { n: number }).n;
    const unmerged = segmentRows();
    // One segment (and its leaf) per commit: nothing was merged while filing.
    expect(unmerged).toBeGreaterThanOrEqual(subjects.length);
    await new Promise((r) => setTimeout(r, 120));
    expect(segmentRows()).toBeLessThan(unmerged / 2);
    for (const subject of subjects) expect(queryTickets(db, { text: subject }).total).toBeGreaterThanOrEqual(1);
    expect(queryTickets(db, { text: '漏水' }).total).toBe(2);
    stop();
    db.$client.close();
  });
});
