/**
 * A workstation backend as its own process, for the fault tests: the real Workstation
 * (database, mutation runner, sync client with its pokes and retries) joined to a
 * server, making writes and syncing after each, as a busy desk does. The test kills it
 * with SIGKILL at random moments, mostly while a push is in flight, and starts it again
 * on the same data folder.
 *
 *   node desk.cjs --data DIR --server URL --token T --user ID --writes N --life L
 *
 * Prints `ready`, then `saved <clientId> <mutationId>` as each write commits, and with
 * --writes 0 syncs until nothing is pending and prints `synced`.
 */
import { parseArgs } from 'node:util';
import { getMeta, setMeta } from '../../../db/meta';
import { Workstation } from '../../../electron/backend/workstation';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    user: { type: 'string' },
    writes: { type: 'string', default: '0' },
    life: { type: 'string', default: '0' },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const ws = new Workstation({ dataDir: values.data!, shell: 'browser', backupEveryMinutes: 0 });
  if (!getMeta(ws.db, 'deviceToken')) {
    setMeta(ws.db, 'serverUrl', values.server!);
    setMeta(ws.db, 'deviceToken', values.token!);
    ws.startSync();
  }
  const actor = { userId: values.user!, roles: ['admin' as const], locale: 'zh-TW' as const };
  say('ready');
  const writes = Number(values.writes);
  const life = values.life!;
  for (let i = 0; i < writes; i++) {
    // Mostly new agencies (each must exist exactly once at the end), some renamed again.
    const renamed = i % 4 === 3;
    const r = renamed
      ? await ws.runner.run('agency.update', { id: `ag-${life}-${i - 1}`, nameZh: `改名機關 ${life}-${i}` }, actor)
      : await ws.runner.run('agency.create', { id: `ag-${life}-${i}`, code: `L${life}N${i}`, nameZh: `測試機關 ${life}-${i}` }, actor);
    if (!r.ok) throw new Error(`write ${i}: ${r.message}`);
    say(`saved ${r.clientId} ${r.mutationId}`);
    // Every commit already asked the sync client to sync; give it a moment now and then.
    if (i % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (writes === 0) {
    for (;;) {
      await ws.sync!.syncNow();
      if (ws.runner.pendingCount() === 0 && !ws.sync!.state.lastError) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    say('synced');
    ws.close();
    process.exit(0);
  }
  // Keeps syncing (pokes, retries) until the test kills it.
  await ws.sync!.syncNow();
  say('idle');
}

main().catch((e) => {
  process.stderr.write(`desk failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
