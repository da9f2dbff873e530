import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taipeiInstant } from '../../../domain/dates';
import { chartData } from '../../../domain/report/charts';
import { vehiclesReport } from '../../../domain/vehicles/report-section';
import { tempDir } from '../../../test/support/fresh-db';
import { signInAs } from '../../../test/support/sign-in';
import type { NamedMutation } from '../desk';
import { Workstation } from '../workstation';

/** October 2021, the month the drill-down is asked for. */
const OCTOBER = { from: '2021-10-01', to: '2021-10-31' };
const DESK = { userId: 'u-setup', roles: ['admin', 'supervisor'] as const, locale: 'zh-TW' as const };

let ws: Workstation;
beforeEach(async () => {
  ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  await signInAs(ws, ['viewer']);
});
afterEach(() => ws?.close());

/** A request filed and, unless `assign` is false, put on the one car: departing at a Taipei wall-clock time, back two hours later. */
function trip(id: string, day: string, clock: string, over: { loan?: boolean; assign?: boolean; purpose?: string } = {}): NamedMutation[] {
  const departAt = taipeiInstant(day, clock);
  const returnAt = new Date(Date.parse(departAt) + 2 * 3_600_000).toISOString();
  const loan = over.loan ?? false;
  const out: NamedMutation[] = [
    {
      name: 'request.file',
      args: {
        id: `r-${id}`,
        source: 'paper',
        paperNumber: `派-110-${id}`,
        agencyId: loan ? 'ag-cab' : 'ag-sec',
        requesterName: '申請人',
        passengers: 2,
        purpose: over.purpose ?? '公務洽公',
        stops: ['高雄市議會'],
        departAt,
        returnAt,
        distanceKm: 30,
        isLoan: loan,
        withDriver: !loan,
      },
    },
  ];
  if (over.assign !== false) out.push({ name: 'trip.assign', args: { id, requestId: `r-${id}`, vehicleId: 'car', driverId: loan ? null : 'drv' } });
  return out;
}

async function dispatchDesk(records: NamedMutation[]) {
  const setup: NamedMutation[] = [
    { name: 'agency.create', args: { id: 'ag-sec', code: 'SEC', nameZh: '秘書處', nameEn: 'Secretariat' } },
    { name: 'agency.create', args: { id: 'ag-cab', code: 'CAB', nameZh: '民政局', nameEn: 'Civil Affairs Bureau' } },
    { name: 'vehicle.create', args: { id: 'car', plate: 'ABC-1234', make: 'Toyota', model: 'Altis', type: 'sedan', seats: 5, odometer: 10_000 } },
    { name: 'person.create', args: { id: 'p-drv', name: '陳國華', kind: 'driver' } },
    { name: 'driverProfile.create', args: { id: 'drv', personId: 'p-drv', licenceClass: 'pro_light' } },
  ];
  const result = await ws.runner.runBatch([...setup, ...records], { ...DESK, roles: [...DESK.roles] }, '2021-09-01T00:00:00.000Z');
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
}

describe('the report’s drill-down into trips and trips lent', () => {
  it('lists exactly the trips each figure counts: the period’s Taipei days, no cancelled or unassigned ones, loans alone in trips_lent', async () => {
    await dispatchDesk([
      // 01:45 on 10/1 in Taipei is 17:45 on 9/30 in UTC: it counts on 10/1.
      ...trip('first', '2021-10-01', '01:45'),
      ...trip('loan', '2021-10-12', '09:00', { loan: true }),
      ...trip('last', '2021-10-31', '21:30'),
      // Not counted: the evening before, midnight after, a cancelled loan, a trip taken off its car, a request never assigned.
      ...trip('before', '2021-09-30', '23:30'),
      ...trip('after', '2021-11-01', '00:00'),
      ...trip('cancelled', '2021-10-20', '09:00', { loan: true }),
      { name: 'trip.cancel', args: { id: 'cancelled', reason: '活動延期' } },
      ...trip('unassigned', '2021-10-21', '09:00'),
      { name: 'trip.unassign', args: { id: 'unassigned' } },
      ...trip('waiting', '2021-10-22', '09:00', { loan: true, assign: false }),
    ]);
    const figures = await ws.call('vehicles.figures', OCTOBER);
    const trips = await ws.call('report.records', { ...OCTOBER, figure: 'trips' });
    const lent = await ws.call('report.records', { ...OCTOBER, figure: 'trips_lent' });
    expect(trips.rows.length).toBe(figures.trips);
    expect(lent.rows.length).toBe(figures.tripsLent);
    expect(trips.rows.map((r) => [r.id, r.date])).toEqual([
      ['first', '2021-10-01'],
      ['loan', '2021-10-12'],
      ['last', '2021-10-31'],
    ]);
    expect(lent.rows.map((r) => r.id)).toEqual(['loan']);
    // A single day at each edge: the day before and the day after list nothing.
    expect((await ws.call('report.records', { from: '2021-09-30', to: '2021-09-30', figure: 'trips' })).rows.map((r) => r.id)).toEqual(['before']);
    expect((await ws.call('report.records', { from: '2021-11-01', to: '2021-11-01', figure: 'trips' })).rows.map((r) => r.id)).toEqual(['after']);
  });

  it('shows each trip with its slip and paper numbers, agency, plate, stops, loan and distance, in the reader’s language, without the requester', async () => {
    await dispatchDesk([
      ...trip('loan', '2021-10-12', '09:00', { loan: true, purpose: '借用公務車辦理業務' }),
      ...trip('own', '2021-10-13', '09:00'),
      { name: 'trip.log', args: { id: 'own', odometerOut: 10_000, odometerIn: 10_042 } },
    ]);
    const zh = await ws.call('report.records', { ...OCTOBER, figure: 'trips' });
    expect(zh.columns.map((c) => c.key)).toEqual(['number', 'paperNumber', 'departAt', 'agency', 'vehicle', 'stops', 'purpose', 'loan', 'distanceKm']);
    expect(zh.columns.find((c) => c.key === 'departAt')!.type).toBe('instant');
    expect(zh.rows.map((r) => r.cells)).toEqual([
      {
        number: 'LOAN',
        paperNumber: '派-110-loan',
        departAt: taipeiInstant('2021-10-12', '09:00'),
        agency: '民政局',
        vehicle: 'ABC-1234',
        stops: '高雄市議會',
        purpose: '借用公務車辦理業務',
        loan: '是',
        distanceKm: 30,
      },
      // The odometer's distance once both readings are logged, the request's estimate before.
      {
        number: 'OWN',
        paperNumber: '派-110-own',
        departAt: taipeiInstant('2021-10-13', '09:00'),
        agency: '秘書處',
        vehicle: 'ABC-1234',
        stops: '高雄市議會',
        purpose: '公務洽公',
        loan: '否',
        distanceKm: 42,
      },
    ]);
    expect(JSON.stringify(zh)).not.toContain('申請人');
    await ws.call('app.setLocale', { locale: 'en' });
    const en = await ws.call('report.records', { ...OCTOBER, figure: 'trips' });
    expect(en.rows.map((r) => [r.cells.agency, r.cells.loan])).toEqual([
      ['Civil Affairs Bureau', 'Yes'],
      ['Secretariat', 'No'],
    ]);
  });

  it('charts trips by the requesting agency from the same rows', async () => {
    await dispatchDesk([...trip('a', '2021-10-04', '09:00'), ...trip('b', '2021-10-05', '09:00'), ...trip('c', '2021-10-06', '09:00', { loan: true })]);
    // As report.charts counts it (chartsOf), from this section's chart and the drill-down's rows.
    const rows = (await ws.call('report.records', { ...OCTOBER, figure: 'trips' })).rows;
    const chart = chartData(
      vehiclesReport.charts!.find((c) => c.id === 'tripsByAgency')!,
      rows,
      OCTOBER,
      { site: (id) => id, weekday: String },
    );
    expect(chart.xs).toEqual(['秘書處', '民政局']);
    expect(chart.series.map((s) => s.values)).toEqual([[2, 1]]);
  });

  it('refuses a figure it does not count, naming the ones it does', async () => {
    await dispatchDesk([]);
    await expect(ws.call('vehicles.figureRecords', { ...OCTOBER, figure: 'room_uses' })).rejects.toThrow(/figure is not valid/);
  });
});

describe('the queue and its exports', () => {
  it('leaves out the requests of earlier days unless asked, and exports the queue and the trips as .ods as well as .xlsx', async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await dispatchDesk([...trip('old', '2021-10-05', '09:00', { assign: false, purpose: '舊申請' }), ...trip('new', soon, '09:00', { assign: false, purpose: '新申請' })]);
    const purposes = (rows: { purpose: string }[]) => rows.map((r) => r.purpose);
    expect(purposes(await ws.call('vehicles.requests', { states: ['waiting'] }))).toEqual(['新申請']);
    expect(purposes(await ws.call('vehicles.requests', { states: ['waiting'], includePast: true }))).toEqual(['舊申請', '新申請']);
    for (const format of ['xlsx', 'ods'] as const) {
      const requests = await ws.call('vehicles.exportRequests', { format });
      const trips = await ws.call('vehicles.exportTrips', { from: taipeiInstant('2021-10-01', '00:00'), to: taipeiInstant('2021-10-31', '00:00'), format });
      for (const file of [requests, trips]) {
        expect(file).toMatchObject({ ok: true });
        if (file.ok) expect(file.fileName.endsWith(`.${format}`)).toBe(true);
      }
    }
  });
});
