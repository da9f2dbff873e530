/**
 * npm run bench -- venues
 * 50 venues, 20,000 bookings (bench/support/venues-data.ts), then:
 * - venues.conflict_check_p95_ms: the double-booking check a mutator runs for one new
 *   booking (Tx.findOverlapping over the workstation's SQLite), 2,000 random bookings;
 * - venues.free_slot_ms: the free-slot finder over all venues for one week (median of 20).
 */
import { performance } from 'node:perf_hooks';
import { freeSlots } from '../db/queries/venues';
import { addDays, taipeiInstant } from '../domain/dates';
import { approvedInTheWay } from '../domain/venues/mutations';
import { occupiedOf } from '../domain/venues/rules';
import { tempDir } from '../test/support/fresh-db';
import { BENCH_BOOKINGS, BENCH_VENUES, seedVenueBench, venueIdOf } from './support/venues-data';

const CONFLICT_TARGET_MS = 2;
const FREE_SLOT_TARGET_MS = 50;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function main(): Promise<void> {
  const seedStarted = performance.now();
  const ws = await seedVenueBench(tempDir('ga-bench-venues-'));
  const count = (ws.db.$client.prepare('SELECT count(*) AS n FROM booking').get() as { n: number }).n;
  console.log(`seeded ${BENCH_VENUES} venues and ${count} bookings in ${Math.round(performance.now() - seedStarted)} ms`);
  if (count !== BENCH_BOOKINGS) throw new Error(`expected ${BENCH_BOOKINGS} bookings`);

  // A deterministic spread of new bookings over the year, at any hour.
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const tx = ws.runner.records;
  const times: number[] = [];
  let clashes = 0;
  for (let i = 0; i < 2000 + 200; i++) {
    const date = addDays('2022-01-03', Math.floor(rand() * 300));
    const hour = 8 + Math.floor(rand() * 11);
    const start = taipeiInstant(date, `${String(hour).padStart(2, '0')}:${rand() < 0.5 ? '00' : '30'}`);
    const end = new Date(Date.parse(start) + (1 + Math.floor(rand() * 3)) * 30 * 60_000).toISOString();
    const wanted = { id: `new-${i}`, venueId: venueIdOf(Math.floor(rand() * BENCH_VENUES)), ...occupiedOf(start, end, 15, 15) };
    const t0 = performance.now();
    const inTheWay = await approvedInTheWay(tx, wanted);
    const ms = performance.now() - t0;
    if (i >= 200) times.push(ms); // the first ones warm the statement cache
    if (inTheWay.length > 0) clashes++;
  }
  console.log(`conflict checks: ${times.length}, with a clash: ${clashes}, median ${round(percentile(times, 50))} ms`);
  const conflictP95 = round(percentile(times, 95));

  const slotTimes: number[] = [];
  let found = 0;
  for (let i = 0; i < 22; i++) {
    const date = addDays('2022-03-07', i % 5);
    const t0 = performance.now();
    const slots = freeSlots(ws.db, { start: taipeiInstant(date, '14:00'), end: taipeiInstant(date, '16:00'), attendees: 40, limit: 200 }, { searchDays: 7 });
    const ms = performance.now() - t0;
    if (i >= 2) slotTimes.push(ms);
    found = slots.length;
  }
  console.log(`free-slot searches: ${slotTimes.length}, slots per answer: ${found}`);
  const freeSlotMs = round(percentile(slotTimes, 50));
  ws.close();

  console.log(`venues.conflict_check_p95_ms: ${conflictP95}`);
  console.log(`venues.free_slot_ms: ${freeSlotMs}`);
  const over = [conflictP95 > CONFLICT_TARGET_MS && 'conflict check', freeSlotMs > FREE_SLOT_TARGET_MS && 'free-slot search'].filter(Boolean);
  if (over.length > 0) console.log(`over target: ${over.join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
