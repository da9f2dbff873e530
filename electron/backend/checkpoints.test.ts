import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
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
