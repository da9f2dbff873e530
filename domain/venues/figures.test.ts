import { describe, expect, it } from 'vitest';
import { countVenueFigures, type FigureVenue } from './figures';
import { taipeiInstant } from '../dates';
import type { ActivityType, BookingStatus } from './types';

const venues = new Map<string, FigureVenue>([
  ['atrium', { type: 'atrium', siteId: 'SW', siteNameZh: '四維行政中心', siteNameEn: 'Siwei' }],
  ['aud', { type: 'auditorium', siteId: 'SW', siteNameZh: '四維行政中心', siteNameEn: 'Siwei' }],
  ['mr', { type: 'meeting_room', siteId: 'SW', siteNameZh: '四維行政中心', siteNameEn: 'Siwei' }],
  ['mr-fs', { type: 'meeting_room', siteId: 'FS', siteNameZh: '鳳山行政中心', siteNameEn: 'Fengshan' }],
]);

const at = (wallClock: string) => taipeiInstant(wallClock.slice(0, 10), wallClock.slice(11));
const b = (venueId: string, start: string, status: BookingStatus = 'approved', activityType: ActivityType = 'meeting') => ({ venueId, start: at(start), status, activityType });

// The report period 110/9/1–111/1/31.
const FROM = '2021-09-01';
const TO = '2022-01-31';

describe('venue figures for the period report', () => {
  it('counts an occurrence by its Taipei start date, however long it runs: an exhibition begun before the period is not counted', () => {
    const f = countVenueFigures([b('atrium', '2021-08-16 09:00', 'approved', 'exhibition'), b('atrium', '2021-10-01 09:00', 'approved', 'exhibition')], venues, FROM, TO);
    expect(f.venueSessions).toBe(1);
    expect(f.rows).toEqual([{ siteId: 'SW', siteNameZh: '四維行政中心', siteNameEn: 'Siwei', measure: 'venue_sessions', activityType: 'exhibition', count: 1 }]);
  });

  it('counts each occurrence of a series, but not a cancelled one', () => {
    const weekly = ['2021-11-01', '2021-11-08', '2021-11-15', '2021-11-22'].map((d, i) => b('mr', `${d} 09:00`, i === 2 ? 'cancelled' : 'approved'));
    expect(countVenueFigures(weekly, venues, FROM, TO).roomUses).toBe(3);
  });

  it('does not count a booking approved and then cancelled, nor pending or rejected ones', () => {
    const f = countVenueFigures(
      [b('aud', '2021-10-15 14:00', 'cancelled', 'lecture'), b('aud', '2021-10-16 14:00', 'pending', 'lecture'), b('aud', '2021-10-17 14:00', 'rejected', 'lecture')],
      venues,
      FROM,
      TO,
    );
    expect(f).toMatchObject({ venueSessions: 0, roomUses: 0, rows: [] });
  });

  it('takes both bounds by Taipei calendar date: 23:59 on the last day counts, 00:00 the day after does not', () => {
    const edges = [
      b('mr', '2021-08-31 23:59'), // the day before: out
      b('mr', '2021-09-01 00:00'), // first day, first minute: in
      b('mr', '2022-01-31 23:59'), // last day, last minute: in
      b('mr', '2022-02-01 00:00'), // the day after: out
    ];
    expect(countVenueFigures(edges, venues, FROM, TO).roomUses).toBe(2);
    // 2022-01-31 23:59 Taipei is 15:59 UTC the same day; 2021-09-01 00:00 Taipei is 16:00 UTC the day before.
    expect(edges[1].start).toBe('2021-08-31T16:00:00.000Z');
  });

  it('splits activity venues from meeting rooms, by site and activity type', () => {
    const f = countVenueFigures(
      [
        b('aud', '2021-10-15 14:00', 'approved', 'policy_promotion'),
        b('aud', '2021-11-15 14:00', 'approved', 'policy_promotion'),
        b('atrium', '2021-12-01 09:00', 'approved', 'exhibition'),
        b('mr', '2021-10-01 09:00'),
        b('mr-fs', '2021-10-01 09:00', 'approved', 'training'),
      ],
      venues,
      FROM,
      TO,
    );
    expect(f.venueSessions).toBe(3);
    expect(f.roomUses).toBe(2);
    expect(f.rows.map((r) => [r.siteId, r.measure, r.activityType, r.count])).toEqual([
      ['FS', 'room_uses', 'training', 1],
      ['SW', 'venue_sessions', 'policy_promotion', 2],
      ['SW', 'venue_sessions', 'exhibition', 1],
      ['SW', 'room_uses', 'meeting', 1],
    ]);
  });
});
