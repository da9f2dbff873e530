/**
 * PouchDB replicating a server's booking documents into a new local leveldb database,
 * batch_size 1000, as its own process. Prints one JSON line: seconds, docs, peak RSS.
 *
 *   tsx bench/sync/pouch-client.ts --url http://127.0.0.1:PORT/bookings --dir DIR
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');

const { values } = parseArgs({ options: { url: { type: 'string' }, dir: { type: 'string' } } });

async function main() {
  const local = new PouchDB(path.join(values.dir!, 'local'));
  const started = performance.now();
  await local.replicate.from(values.url!, { batch_size: 1000 });
  const seconds = (performance.now() - started) / 1000;
  const docs = (await local.info()).doc_count as number;
  process.stdout.write(`${JSON.stringify({ seconds, docs, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  await local.close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`pouch client failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
