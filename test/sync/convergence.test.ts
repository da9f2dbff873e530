/**
 * Randomized convergence of workstations syncing through one server over a hostile
 * network (test/sync/support/schedule.ts says what a schedule does). On the server's
 * SQLite store, on PGlite, and on a real PostgreSQL when DATABASE_URL_TEST is set.
 *
 *   SYNC_SCHEDULES=5000      a longer search on SQLite (default 200)
 *   SYNC_PG_SCHEDULES=200    … on PGlite / PostgreSQL (default 10 each)
 *   SYNC_SEED=<n>            replays one schedule (a failure prints its seed)
 *   SYNC_STATIONS, SYNC_STEPS  workstations per schedule (5) and steps (40)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite, openPostgres } from '../../server/store/postgres';
import type { SqlDb } from '../../server/store/sql';
import { openSqlite } from '../../server/store/sqlite';
import { FaultyNetwork } from './support/faulty-network';
import { runSchedule, type ScheduleResult } from './support/schedule';
import { removeTemplate, simDir } from './support/sim-world';

const STATIONS = Number(process.env.SYNC_STATIONS ?? 5);
const STEPS = Number(process.env.SYNC_STEPS ?? 40);
const replay = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : null;
const firstSeed = replay ?? Number(process.env.SYNC_FIRST_SEED ?? Date.now() % 1_000_000);

const network = new FaultyNetwork();

beforeAll(async () => {
  // Background retries wait on timers that never fire here: every sync is a step of the
  // schedule, so a seed replays exactly.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  await network.start();
});

afterAll(async () => {
  vi.useRealTimers();
  await network.stop();
  removeTemplate();
});

interface Store {
  open(): Promise<SqlDb>;
  /** Removes what open() made, once the schedule's server has closed it. */
  drop(): Promise<void>;
}

function convergence(engine: string, schedules: number, store: () => Store) {
  const count = replay === null ? schedules : 1;
  it(`${count} random schedules of ${STATIONS} workstations (${engine})`, async () => {
    console.log(`convergence ${engine}: seeds ${firstSeed}…${firstSeed + count - 1} (replay one with SYNC_SEED=<seed>)`);
    const totals = { saved: 0, applied: 0, refused: 0, lost: 0, twice: 0, localRefusals: 0, requests: 0, faults: 0 };
    const refusals: Record<string, number> = {};
    const phases: Record<string, number> = {};
    const failures: ScheduleResult[] = [];
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      const s = store();
      let result: ScheduleResult;
      try {
        result = await runSchedule({ seed: firstSeed + i, stations: STATIONS, steps: STEPS, network, openServerDb: () => s.open() });
      } catch (e) {
        console.log(`SYNC_SEED=${firstSeed + i} crashed`);
        throw e;
      } finally {
        await s.drop();
      }
      for (const k of ['saved', 'applied', 'refused', 'lost', 'twice'] as const) totals[k] += result.tally[k];
      totals.localRefusals += result.localRefusals;
      totals.requests += result.network.requests;
      totals.faults += Object.values(result.network.faults).reduce((a, b) => a + b, 0);
      for (const [k, v] of Object.entries(result.refusals)) refusals[k] = (refusals[k] ?? 0) + v;
      for (const [k, v] of Object.entries(result.phases)) phases[k] = (phases[k] ?? 0) + v;
      if (result.problems.length > 0) {
        failures.push(result);
        console.log(`SYNC_SEED=${result.seed} failed (${engine}):\n  ${result.problems.slice(0, 20).join('\n  ')}`);
        if (failures.length >= 3) break;
      }
    }
    console.log(`convergence ${engine}: ${JSON.stringify(totals)} in ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(`convergence ${engine}: refused by the server ${JSON.stringify(refusals)}`);
    console.log(`convergence ${engine}: ms per part ${JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])))}`);
    expect(failures.map((f) => ({ seed: f.seed, problems: f.problems.slice(0, 5) }))).toEqual([]);
    expect(totals.lost).toBe(0);
    expect(totals.twice).toBe(0);
    // The schedules did collide: unique codes, booked hours, roles taken away meanwhile.
    if (count >= 50) expect(Object.keys(refusals)).toEqual(expect.arrayContaining(['error.duplicate', 'venues.conflict', 'error.forbidden']));
  }, 1_800_000);
}

describe('workstations converge through the sync server', () => {
  convergence('SQLite', Number(process.env.SYNC_SCHEDULES ?? 200), () => {
    let dir = '';
    return {
      open: async () => openSqlite((dir = simDir('ga-sim-server-'))),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  });

  describe('on PGlite', () => {
    let pglite: PGlite;
    beforeAll(async () => {
      pglite = await PGlite.create({ extensions: { btree_gist } });
    }, 60_000);
    afterAll(() => pglite.close());
    convergence('PGlite', Number(process.env.SYNC_PG_SCHEDULES ?? 10), () => {
      const schema = `conv_${crypto.randomBytes(5).toString('hex')}`;
      return {
        open: async () => openPglite(pglite, { schema }),
        drop: async () => void (await pglite.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
      };
    });
  });

  const url = process.env.DATABASE_URL_TEST;
  if (url) {
    describe('on PostgreSQL', () => {
      convergence('PostgreSQL', Number(process.env.SYNC_PG_SCHEDULES ?? 10), () => {
        const schema = `conv_${crypto.randomBytes(5).toString('hex')}`;
        return {
          open: async () => openPostgres(url, { schema }),
          async drop() {
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await client.end();
          },
        };
      });
    });
  }
});
