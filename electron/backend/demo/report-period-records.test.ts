import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkstation } from '../../../test/support/demo-workstation';
import { chartData } from '../../../domain/report/charts';
import type { FigureRecords, ReportChart } from '../../../domain/report/section';
import { vehiclesReport } from '../../../domain/vehicles/report-section';
import { venueReport } from '../../../domain/venues/report-section';
import { Workstation } from '../workstation';
import { SEED_PERIOD } from './report-period-parking';

/** report.charts draws every desk's charts: it answers once every desk declares its records call. */

/** The seed report's figures behind which the drill-down lists the records (issue 13, item 5). */
const SEED = { venue_sessions: 205, room_uses: 1149, trips: 472, trips_lent: 39 } as const;
type Figure = keyof typeof SEED;

describe('the drill-down into the demo’s venue and dispatch figures for the seed period (110/9/1–111/1/31)', () => {
  let ws: Workstation;
  const records = new Map<Figure, FigureRecords>();
  beforeAll(async () => {
    ws = await demoWorkstation(['supervisor']);
    for (const figure of Object.keys(SEED) as Figure[]) records.set(figure, await ws.call('report.records', { ...SEED_PERIOD, figure }));
  }, 180_000);
  afterAll(() => ws?.close());

  it('lists as many records as each figure of the report counts: 205, 1,149, 472 and 39', async () => {
    const report = await ws.call('report.period', SEED_PERIOD);
    for (const figure of Object.keys(SEED) as Figure[]) {
      const rows = records.get(figure)!.rows;
      expect({ figure, listed: rows.length }).toEqual({ figure, listed: SEED[figure] });
      expect({ figure, listed: rows.length }).toEqual({ figure, listed: report.lines[figure] });
      // Each record once, by the date it counts on, every date inside the period.
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(rows.map((r) => r.date)).toEqual(rows.map((r) => r.date).sort());
      expect(rows.every((r) => r.date >= SEED_PERIOD.from && r.date <= SEED_PERIOD.to)).toBe(true);
    }
    // Per site as well: the venue lists split by site as the report's per-site lines do.
    for (const figure of ['venue_sessions', 'room_uses'] as const) {
      const bySite: Record<string, number> = {};
      for (const r of records.get(figure)!.rows) bySite[r.siteId!] = (bySite[r.siteId!] ?? 0) + 1;
      const counted = report.sections.flatMap((s) => s.figures).find((f) => f.name === figure)!.now.bySite!;
      expect(bySite).toEqual(Object.fromEntries(Object.entries(counted).filter(([, n]) => n > 0)));
    }
    // The loans are among the trips, and are all of the trips marked as loans.
    const trips = records.get('trips')!.rows;
    const lent = records.get('trips_lent')!.rows;
    expect(lent.every((r) => trips.some((t) => t.id === r.id))).toBe(true);
    expect(trips.filter((t) => t.cells.loan === '是').map((t) => t.id)).toEqual(lent.map((r) => r.id));
  });

  it('charts venue use by weekday and venue, and trips by agency, from the same rows', () => {
    const names = { site: (id: string) => id, weekday: (d: number) => String(d) };
    const chart = (c: ReportChart) =>
      chartData(
        c,
        c.figures.flatMap((f) => records.get(f as Figure)!.rows),
        SEED_PERIOD,
        names,
      );
    const sum = (c: ReturnType<typeof chart>) => c.series.reduce((a, s) => a + s.values.reduce((x, y) => x + y, 0), 0);
    const venues = chart(venueReport.charts!.find((c) => c.id === 'venueUseByWeekday')!);
    expect(venues.kind).toBe('heatmap');
    expect(sum(venues)).toBe(205 + 1149);
    // A row per venue, named as the reader reads it.
    expect(venues.series.length).toBeGreaterThan(1);
    expect(venues.series.every((s) => s.name !== '—')).toBe(true);
    const trips = chart(vehiclesReport.charts!.find((c) => c.id === 'tripsByAgency')!);
    expect(sum(trips)).toBe(472);
    expect(trips.xs.length).toBeGreaterThan(1);
    expect(trips.xs).not.toContain('—');
  });

  it('gives the same two charts through report.charts', async () => {
    const charts = await ws.call('report.charts', SEED_PERIOD);
    const total = (id: string) => charts.find((c) => c.id === id)!.series.reduce((a, s) => a + s.values.reduce((x, y) => x + y, 0), 0);
    expect(charts.find((c) => c.id === 'venueUseByWeekday')!.kind).toBe('heatmap');
    expect(total('venueUseByWeekday')).toBe(205 + 1149);
    expect(total('tripsByAgency')).toBe(472);
  });
});
