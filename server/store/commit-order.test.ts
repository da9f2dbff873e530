import { expect, it } from 'vitest';
import { buildServer } from '../app';
import { describeEachEngine, replay, site, startHarness } from '../test-support';
import type { PullResponse } from '../protocol';

describeEachEngine('two server instances on one database', (open, engine) => {
  it('a workstation pulling while both take writes misses no change', async () => {
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
