import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/fresh-db';
import { signInAs } from '../../../test/support/sign-in';
import { Workstation } from '../workstation';
import { agencyId, DEMO_AGENCIES } from './agencies';
import { SEED_PERIOD } from './report-period-parking';
import { reportPeriodVehiclesMutations, SEED_VEHICLES } from './report-period-vehicles';

const run = promisify(execFile);

describe('the report period’s trips in the demo', () => {
  let dataDir: string;
  let ws: Workstation;
  beforeAll(async () => {
    dataDir = tempDir();
    ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
    const agencies = DEMO_AGENCIES.map((a) => ({ name: 'agency.create', args: { id: agencyId(a.code), code: a.code, nameZh: a.nameZh } }));
    const result = await ws.runner.runBatch([...agencies, ...reportPeriodVehiclesMutations()], { userId: 'system', roles: ['admin', 'supervisor'], locale: 'zh-TW' }, new Date().toISOString());
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    await signInAs(ws, ['supervisor']);
  }, 120_000);
  afterAll(() => ws?.close());

  it('keeps the period’s cars and drivers out of today’s fleet and driver lists, their trips still counted', async () => {
    const plates = (await ws.call('vehicles.fleet', {})).map((v) => v.plate);
    expect(plates.filter((p) => p.startsWith('RPV-'))).toEqual([]);
    expect(await ws.call('vehicles.drivers', {})).toEqual([]);
    expect((await ws.call('vehicles.fleet', { includeArchived: true })).length).toBe(5);
  });

  it('gives the seed report’s 472 trips, 39 of them lent, and leaves out the cancelled, the waiting and the days outside', async () => {
    const f = await ws.call('vehicles.figures', SEED_PERIOD);
    expect([f.trips, f.tripsLent]).toEqual([SEED_VEHICLES.trips, SEED_VEHICLES.tripsLent]);
    expect(f.trips).toBe(472);
    expect(f.tripsLent).toBe(39);
    // Loans are other agencies' requests; the department's own trips are not loans.
    expect(f.lentByAgency[agencyId('SEC')]).toBeUndefined();
    expect(Object.values(f.lentByAgency).reduce((a, b) => a + b, 0)).toBe(39);
    // The edges: the first and last day count, the day before and the day after do not.
    expect((await ws.call('vehicles.figures', { from: '2021-08-31', to: '2021-08-31' })).trips).toBe(1);
    expect((await ws.call('vehicles.figures', { from: '2021-09-01', to: '2021-09-01' })).trips).toBeGreaterThan(0);
    expect((await ws.call('vehicles.figures', { from: '2022-02-01', to: '2022-02-01' })).trips).toBe(1);
    // Two halves of the period add up to it.
    const [first, second] = [await ws.call('vehicles.figures', { from: '2021-09-01', to: '2021-11-15' }), await ws.call('vehicles.figures', { from: '2021-11-16', to: '2022-01-31' })];
    expect([first.trips + second.trips, first.tripsLent + second.tripsLent]).toEqual([472, 39]);
    // What does not count is still there: the cancelled trip, and two requests waiting.
    const trips = ws.runner.records.findSync('trip', {});
    expect(
      trips
        .filter((t) => t.state === 'cancelled')
        .map((t) => t.id)
        .sort(),
    ).toEqual(['demo-rp-trip-cancelled', 'demo-rp-trip-unassigned']);
    const waiting = ws.runner.records.findSync('tripRequest', { state: 'waiting' });
    expect(waiting.map((r) => r.id).sort()).toEqual(['demo-rp-request-unassigned', 'demo-rp-request-waiting']);
  });

  it('the report desk writes the section’s sentence from the figures, per agency', async () => {
    const report = await ws.call('report.period', SEED_PERIOD);
    const section = report.sections.find((s) => s.deskId === 'vehicles')!;
    expect(section.text).toBe('本期公務車輛調派計有 472 車次，其中支援市府其他機關申請借用車輛計有 39 車次。');
    expect(section.figures.map((f) => [f.name, f.measure, f.now.total])).toEqual([
      ['trips', '車次', 472],
      ['trips_lent', '車次', 39],
    ]);
    expect(section.figures[0].now.byAgency?.[agencyId('SEC')]).toBe(472 - 39);
  });

  it('npm run report prints the trips and the sentence’s figures for the seed period', async () => {
    await ws.close();
    const out = await run(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/report.ts', '--data-dir', dataDir, '--from', '110/09/01', '--to', '111/01/31']);
    expect(out.stdout).toContain('report.trips: 472\n');
    expect(out.stdout).toContain('report.trips_lent: 39\n');
  }, 60_000);
});
