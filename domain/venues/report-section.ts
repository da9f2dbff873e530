/** The venue desk's section of the period report: venue sessions and meeting-room uses (場次). */
import { defineReportSection, figure, type FigureValue } from '../report/section';
import type { VenueFigures } from './views';

function ofMeasure(a: VenueFigures, measure: 'venue_sessions' | 'room_uses'): FigureValue {
  const bySite: Record<string, number> = {};
  for (const r of a.rows) if (r.measure === measure) bySite[r.siteId] = (bySite[r.siteId] ?? 0) + r.count;
  return { total: measure === 'venue_sessions' ? a.venueSessions : a.roomUses, bySite };
}

export const venueReport = defineReportSection({
  title: 'report.section.venues',
  figures: [
    figure<VenueFigures>({
      name: 'venue_sessions',
      call: 'venues.figures',
      measure: '場次',
      additive: true,
      perSite: true,
      label: 'report.figure.venue_sessions',
      records: 'venues.figureRecords',
      pick: (a) => ofMeasure(a, 'venue_sessions'),
    }),
    figure<VenueFigures>({
      name: 'room_uses',
      call: 'venues.figures',
      measure: '場次',
      additive: true,
      perSite: true,
      label: 'report.figure.room_uses',
      records: 'venues.figureRecords',
      pick: (a) => ofMeasure(a, 'room_uses'),
    }),
  ],
  sentence: 'report.sentence.venues',
  charts: [{ id: 'venueUseByWeekday', title: 'report.chart.venueUseByWeekday', figures: ['venue_sessions', 'room_uses'], kind: 'heatmap', x: 'weekday', by: { column: 'venue' } }],
});
