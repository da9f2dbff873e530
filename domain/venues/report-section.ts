/** The venue desk's section of the period report: venue sessions and meeting-room uses (場次). */
import { defineReportSection, figure, type FigureValue } from '../report/section';
import type { VenueFigures } from './views';

function ofMeasure(a: VenueFigures, measure: 'venue_sessions' | 'room_uses'): FigureValue {
  const bySite: Record<string, number> = {};
  for (const r of a.rows) if (r.measure === measure) bySite[r.siteId] = (bySite[r.siteId] ?? 0) + r.count;
  return { total: measure === 'venue_sessions' ? a.venueSessions : a.roomUses, bySite };
}

export const venueReport = defineReportSection({
  title: { zh: '場地管理', en: 'Venues' },
  figures: [
    figure<VenueFigures>({
      name: 'venue_sessions',
      call: 'venues.figures',
      measure: '場次',
      additive: true,
      perSite: true,
      label: { zh: '場地開放', en: 'Venue sessions' },
      pick: (a) => ofMeasure(a, 'venue_sessions'),
    }),
    figure<VenueFigures>({
      name: 'room_uses',
      call: 'venues.figures',
      measure: '場次',
      additive: true,
      perSite: true,
      label: { zh: '會議室使用', en: 'Meeting-room uses' },
      pick: (a) => ofMeasure(a, 'room_uses'),
    }),
  ],
  sentence: '本期兩行政中心場地，共計開放 {venue_sessions} 場次，各會議室等集會場所申請使用共計 {room_uses} 場次。',
});
