/**
 * PouchDB's side of the comparison, as its own process: express-pouchdb serving a
 * leveldb PouchDB holding `--docs` booking documents (seeded once, in batches).
 * Prints `listening <port>` when ready.
 *
 *   tsx bench/sync/pouch-server.ts --dir DIR --docs 100000
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { pouchBooking } from './dataset';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
const express = require('express');
const expressPouchdb = require('express-pouchdb');

const { values } = parseArgs({ options: { dir: { type: 'string' }, docs: { type: 'string', default: '100000' } } });

async function main() {
  const Pouch = PouchDB.defaults({ prefix: `${values.dir}${path.sep}` });
  const db = new Pouch('bookings');
  const want = Number(values.docs);
  const have = (await db.info()).doc_count as number;
  for (let i = have; i < want; i += 1000) {
    const docs = [];
    for (let j = i; j < Math.min(want, i + 1000); j++) docs.push(pouchBooking(j));
    await db.bulkDocs(docs);
  }
  const app = express();
  app.use('/', expressPouchdb(Pouch, { mode: 'minimumForPouchDB', logPath: path.join(values.dir!, 'log.txt'), inMemoryConfig: true }));
  const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
}

main().catch((e) => {
  process.stderr.write(`pouch server failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
