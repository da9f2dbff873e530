/**
 * npm run bench -- parking
 * 50,000 permits on two sites, written through the mutation runner (bench data made up), then:
 * - parking.gate_lookup_p95_ms: the guard's lookup of a full or a partial plate (2,000 lookups);
 * - parking.batch_issue_1000_ms: approving an application of 1,000 temporary permits, each
 *   numbered, with its outbox and audit entries, in one batch (median of 3 runs);
 * - parking.renewal_741_ms: renewing 741 annual permits for the next year through the desk's
 *   `parking.renew` call, in the screen's runs of RENEWAL_RUN (median of 3 runs, other permits each).
 */
import { performance } from 'node:perf_hooks';
import { gateLookup } from '../db/queries/parking';
import type { Actor } from '../electron/backend/mutation-runner';
import { Workstation } from '../electron/backend/workstation';
import { approvalItems } from '../domain/parking/applications';
import { RENEWAL_RUN } from '../domain/parking/renewal';
import { tempDir } from '../test/support/fresh-db';
import { signInAs } from '../test/support/sign-in';

const PERMITS = 50_000;
const GATE_BAR_MS = 10;
const BATCH_BAR_MS = 2000;
const RENEWAL_BAR_MS = 2000;
const RENEWALS = 741;
const ACTOR: Actor = { userId: 'bench', roles: ['admin', 'parking_clerk'], locale: 'zh-TW' };
const AT = '2026-01-02T00:00:00.000Z';
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A distinct made-up car plate for each i (ABC-1234). */
const plateOf = (i: number) => {
  const k = Math.floor(i / 9000);
  return `${LETTERS[k % 24]}${LETTERS[Math.floor(k / 24) % 24]}${LETTERS[Math.floor(k / 576) % 24]}-${1000 + (i % 9000)}`;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function batch(ws: Workstation, items: Array<{ name: string; args: unknown }>) {
  for (let i = 0; i < items.length; i += 5000) {
    const r = await ws.runner.runBatch(items.slice(i, i + 5000), ACTOR, AT);
    if (!r.ok) throw new Error(`${items[i + r.index].name}: ${r.message}`);
  }
}

async function seed(): Promise<Workstation> {
  const ws = new Workstation({ dataDir: tempDir('ga-bench-parking-'), shell: 'browser', backupEveryMinutes: 0 });
  const items: Array<{ name: string; args: unknown }> = [{ name: 'agency.create', args: { id: 'ag', code: 'AG', nameZh: '測試機關' } }];
  for (const s of ['A', 'B']) {
    items.push({ name: 'site.create', args: { id: `site-${s}`, code: s, nameZh: `園區${s}`, nameEn: '', address: '' } });
    items.push({ name: 'building.create', args: { id: `b-${s}`, siteId: `site-${s}`, code: 'B', nameZh: '大樓', nameEn: '' } });
    items.push({ name: 'floor.create', args: { id: `f-${s}`, buildingId: `b-${s}`, name: 'B1' } });
    items.push({ name: 'space.create', args: { id: `park-${s}`, floorId: `f-${s}`, nameZh: '停車場', kind: 'parking' } });
    items.push({ name: 'parkingArea.create', args: { id: `area-${s}`, spaceId: `park-${s}`, capacityCar: 5000, capacityMotorcycle: 0, permitTypes: ['annual', 'temporary'] } });
  }
  for (let i = 0; i < PERMITS; i++) {
    const annual = i % 5 !== 0;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    items.push({
      name: 'permit.issue',
      args: {
        id: `p-${i}`,
        type: annual ? 'annual' : 'temporary',
        areaId: i % 2 ? 'area-A' : 'area-B',
        holderName: '持證人',
        holderAgencyId: 'ag',
        plates: [plateOf(i)],
        vehicleType: 'car',
        ...(annual ? { year: 2026 } : { validFrom: day, validTo: day, issuedOn: day }),
      },
    });
  }
  await batch(ws, items);
  return ws;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const ws = await seed();
  console.log(`seeded ${PERMITS} permits in ${Math.round(performance.now() - t0)} ms`);

  let s = 7;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const times: number[] = [];
  const byKind: number[][] = [[], [], []];
  let hits = 0;
  for (let i = 0; i < 2200; i++) {
    const full = plateOf(Math.floor(rand() * PERMITS));
    // Full plates as typed at the gate (lower case, spaces), and partial ones (the digits, or 3 characters).
    const typed = i % 3 === 0 ? full.toLowerCase().replace('-', ' ') : i % 3 === 1 ? full.slice(4) : full.slice(1, 4);
    const started = performance.now();
    const found = gateLookup(ws.db, typed, 'site-A', 'zh-TW');
    const ms = performance.now() - started;
    if (i >= 200) {
      times.push(ms);
      byKind[i % 3].push(ms);
    }
    if (found.length) hits++;
  }
  console.log(`gate lookups: ${times.length}, with matches: ${hits}, median ${round(percentile(times, 50))} ms`);
  console.log(`  p95 by kind: full ${round(percentile(byKind[0], 95))} ms, digits ${round(percentile(byKind[1], 95))} ms, 2 letters ${round(percentile(byKind[2], 95))} ms`);
  const gateP95 = round(percentile(times, 95));

  const batchTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const id = `app-${run}`;
    const plates = Array.from({ length: 1000 }, (_, i) => plateOf(PERMITS + run * 1000 + i));
    const filed = await ws.runner.run(
      'permitApplication.file',
      { id, agencyId: 'ag', areaId: 'area-A', type: 'temporary', countAsked: 1000, purpose: '活動', validFrom: '2026-12-20', plates },
      ACTOR,
      AT,
    );
    if (!filed.ok) throw new Error(filed.message);
    const app = ws.runner.records.getSync('permitApplication', id)!;
    const started = performance.now();
    const r = await ws.runner.runBatch(approvalItems(app, 1000, '測試機關'), ACTOR);
    batchTimes.push(performance.now() - started);
    if (!r.ok) throw new Error(r.message);
  }
  const batchMs = Math.round(percentile(batchTimes, 50));

  await signInAs(ws, ['parking_clerk']);
  const renewalTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    // Annual permits of 2026 are the ids that are not multiples of 5; each run renews other ones.
    const oldIds = Array.from({ length: RENEWALS }, (_, i) => `p-${(run * RENEWALS + i) * 5 + 1}`);
    const started = performance.now();
    let issued = 0;
    for (let i = 0; i < oldIds.length; i += RENEWAL_RUN) {
      const r = await ws.call('parking.renew', { year: 2027, lines: oldIds.slice(i, i + RENEWAL_RUN).map((oldId) => ({ oldId })) });
      if (!r.ok) throw new Error(r.message);
      if (r.refused.length) throw new Error(r.refused[0].message);
      issued += r.issued.length;
    }
    renewalTimes.push(performance.now() - started);
    if (issued !== RENEWALS) throw new Error(`renewed ${issued} of ${RENEWALS}`);
  }
  const renewalMs = Math.round(percentile(renewalTimes, 50));
  ws.close();

  console.log(`parking.gate_lookup_p95_ms: ${gateP95}`);
  console.log(`parking.batch_issue_1000_ms: ${batchMs}`);
  console.log(`parking.renewal_741_ms: ${renewalMs}`);
  const over = [gateP95 > GATE_BAR_MS && 'gate lookup', batchMs > BATCH_BAR_MS && 'batch issue', renewalMs > RENEWAL_BAR_MS && 'renewal'].filter(Boolean);
  if (over.length > 0) console.log(`over bar: ${over.join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
