import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/fresh-db';
import { site, spawnServer, startHarness } from '../test/support/server-harness';
import { openSqlite } from './store/sqlite';

describe('npm run server -- prune', () => {
  it('prunes once, says what went, and exits', async () => {
    const data = tempDir('ga-sync-prune-');
    const db = openSqlite(data);
    const h = await startHarness(db);
    const ws = await h.workstation();
    await ws.push([ws.outbox('site.create', site('s1', 'SW')), ws.outbox('site.delete', { id: 's1' })]);
    // As if processed a year ago.
    await db.write((c) => c.run("UPDATE mutation_result SET processed_at = '2025-01-01T00:00:00.000Z'"));
    await h.app.close();
    await db.close();

    const run = spawnServer(['prune', '--data', data, '--retention-days', '90']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Pruned through change \d+ \(older than 90 days\): 1 tombstones, \d+ mutation outcomes, 0 orphaned files/);
    const again = openSqlite(data);
    expect(await again.read((c) => c.all('SELECT id FROM record WHERE data IS NULL'))).toEqual([]);
    await again.close();
  }, 30_000);

  it('refuses a retention that makes no sense, and says why', async () => {
    const run = spawnServer(['prune', '--data', tempDir('ga-sync-prune-'), '--retention-days', 'half']);
    expect(await run.exited).toBe(2);
    expect(run.errors()).toMatch(/retention must be a whole number of days[\s\S]*Usage: npm run server/);
    const unknown = spawnServer(['vacuum']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.errors()).toContain('Unknown command "vacuum"');
  }, 30_000);
});
