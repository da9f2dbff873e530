/**
 * A new workstation's first sync, as its own process (so its peak memory is its own):
 * the real Workstation joins with a device token and syncs until the server has nothing
 * more. Prints one JSON line: seconds, records held, peak RSS, CPU seconds
 * (of the timed part).
 *
 *   tsx bench/sync/first-sync.ts --server URL --token T --data DIR [--breakdown]
 *
 * --breakdown pulls the same pages by hand instead and times their parts: the request
 * and its JSON (SyncServerApi.pull) and applying each page (rebase.ts).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { getMeta, setMeta } from '../../db/meta';
import { applyPulledPage } from '../../electron/backend/sync/rebase';
import { Workstation } from '../../electron/backend/workstation';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    token: { type: 'string' },
    data: { type: 'string' },
    breakdown: { type: 'boolean', default: false },
    page: { type: 'string', default: '2000' },
    /** With --breakdown: ask for the next page while applying this one (what it would gain). */
    prefetch: { type: 'boolean', default: false },
  },
});

async function main() {
  const ws = new Workstation({ dataDir: values.data!, shell: 'browser', backupEveryMinutes: 0, serverUrl: values.server! });
  const count = () =>
    (
      ws.db.$client
        .prepare(
          'SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM building) + (SELECT count(*) FROM floor) + (SELECT count(*) FROM space) + (SELECT count(*) FROM agency) + (SELECT count(*) FROM person) + (SELECT count(*) FROM venue) + (SELECT count(*) FROM booking) AS n',
        )
        .get() as { n: number }
    ).n;
  setMeta(ws.db, 'deviceToken', values.token!);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  let request = 0;
  let apply = 0;
  let pages = 0;
  if (values.breakdown) {
    const { SyncServerApi } = await import('../../electron/backend/sync/server-api');
    const api = new SyncServerApi(values.server!, 60_000);
    const clientId = getMeta(ws.db, 'clientId')!;
    const fetchPage = (cursor: string) => api.pull(values.token!, clientId, cursor, Number(values.page));
    let next = fetchPage(getMeta(ws.db, 'syncCursor') ?? '');
    for (;;) {
      const t0 = performance.now();
      const page = await next;
      const t1 = performance.now();
      if (values.prefetch && page.more) next = fetchPage(page.cursor);
      await applyPulledPage(ws.db, ws.runner, page);
      if (!values.prefetch && page.more) next = fetchPage(page.cursor);
      apply += performance.now() - t1;
      request += t1 - t0;
      pages += 1;
      if (!page.more) break;
    }
  } else {
    ws.startSync();
    await ws.sync!.syncNow();
    if (ws.sync!.state.lastError) throw new Error(`sync failed: ${JSON.stringify(ws.sync!.state.lastError)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const records = count();
  const usage = process.resourceUsage();
  const rssMb = usage.maxRSS / 1024;
  const cpu = process.cpuUsage(startedCpu);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(`${JSON.stringify({ seconds, records, rssMb, cpuS, ...(values.breakdown ? { pages, requestS: request / 1000, applyS: apply / 1000 } : {}) })}\n`);
  ws.close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`first sync failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
