import { describe, expect, it } from 'vitest';
import { BusyIndex, findFreeSlots, OpeningCheck, type FinderVenue } from './free-slots';
import { scheduleProblems } from './rules';
import { taipeiInstant } from '../dates';

const at = (wallClock: string) => taipeiInstant(wallClock.slice(0, 10), wallClock.slice(11));
const room = (id: string, capacity: number, equipment: FinderVenue['equipment'] = [], over: Partial<FinderVenue> = {}): FinderVenue => ({
  id,
  type: 'meeting_room',
  capacity,
  equipment,
  opensAt: '08:00',
  closesAt: '18:00',
  bufferBefore: 15,
  bufferAfter: 15,
  closures: [],
  archived: false,
  ...over,
});
const busy = (spans: Record<string, Array<[string, string]>>) =>
  new Map(Object.entries(spans).map(([id, list]) => [id, new BusyIndex(list.map(([f, t], i) => ({ id: `${id}-${i}`, from: Date.parse(at(f)), to: Date.parse(at(t)) })))]));
const calendar = new Map([['2022-03-08', { kind: 'holiday' as const, name: '特別休假日' }]]);

// "A room for 40 people with video conferencing next Tuesday 14:00–16:00."
const ask = { start: at('2022-03-01 14:00'), end: at('2022-03-01 16:00'), attendees: 40, equipment: ['video_conference' as const] };

describe('free-slot finder', () => {
  const venues = [
    room('small', 20, ['video_conference']),
    room('big', 120, ['video_conference', 'projector']),
    room('fit', 45, ['video_conference']),
    room('novc', 60, ['projector']),
    room('gone', 50, ['video_conference'], { archived: true }),
  ];

  it('lists the venues free at the very time first, those that fit best first, leaving out what is too small, lacks equipment or is archived', () => {
    const slots = findFreeSlots(ask, venues, busy({}), calendar, { limit: 10 });
    expect(slots.filter((s) => s.sameTime).map((s) => s.venueId)).toEqual(['fit', 'big']);
    expect(slots[0]).toEqual({ venueId: 'fit', start: ask.start, end: ask.end, sameTime: true, shiftMinutes: 0 });
  });

  it('counts buffers on both sides: a room taken until 13:30 plus its tear-down is not free at 14:00 with set-up', () => {
    const slots = findFreeSlots(ask, venues, busy({ fit: [['2022-03-01 10:00', '2022-03-01 13:50']] }), calendar, { limit: 10 });
    expect(slots.filter((s) => s.sameTime).map((s) => s.venueId)).toEqual(['big']);
  });

  it('with the asked room taken, offers other rooms at that time, then the nearest times in the same room', () => {
    const slots = findFreeSlots({ ...ask, preferredVenueId: 'fit' }, venues, busy({ fit: [['2022-03-01 13:00', '2022-03-01 15:00']], big: [] }), calendar, { limit: 4 });
    expect(slots).toEqual([
      { venueId: 'big', start: ask.start, end: ask.end, sameTime: true, shiftMinutes: 0 },
      // The room is taken 13:00–15:00 (buffers included); with 15 minutes' set-up the first clear start after is 15:30…
      { venueId: 'fit', start: at('2022-03-01 15:30'), end: at('2022-03-01 17:30'), sameTime: false, shiftMinutes: 90 },
      { venueId: 'fit', start: at('2022-03-01 16:00'), end: at('2022-03-01 18:00'), sameTime: false, shiftMinutes: 120 },
      // …and before, a start whose 15 minutes' tear-down ends by 13:00.
      { venueId: 'fit', start: at('2022-03-01 10:30'), end: at('2022-03-01 12:30'), sameTime: false, shiftMinutes: -210 },
    ]);
  });

  it('never offers a time outside the opening hours, on a holiday or a closure', () => {
    const shut = [room('r', 50, ['video_conference'], { closures: [{ from: '2022-03-02', to: '2022-03-07', reason: '整修' }] })];
    const slots = findFreeSlots({ start: at('2022-03-01 16:30'), end: at('2022-03-01 18:30'), attendees: 10 }, shut, busy({}), calendar, { limit: 5, searchDays: 8 });
    for (const s of slots) {
      const day = s.start.slice(0, 10);
      expect(['2022-03-02', '2022-03-03', '2022-03-04', '2022-03-05', '2022-03-06', '2022-03-07', '2022-03-08']).not.toContain(day);
    }
    expect(slots[0]).toMatchObject({ start: at('2022-03-01 16:00'), shiftMinutes: -30 });
  });

  it('leaves the booking being moved out of its own way', () => {
    const taken = busy({ fit: [['2022-03-01 13:45', '2022-03-01 16:15']] });
    expect(findFreeSlots({ ...ask, preferredVenueId: 'fit', types: ['meeting_room'] }, [venues[2]], taken, calendar, { limit: 1 })[0].sameTime).toBe(false);
    expect(findFreeSlots({ ...ask, preferredVenueId: 'fit', excludeId: 'fit-0' }, [venues[2]], taken, calendar, { limit: 1 })[0].sameTime).toBe(true);
  });

  it('checks opening hours, working days and closures as the booking rules do, however many times one check is asked', () => {
    const rooms = [room('day', 50), room('late', 50, [], { opensAt: '13:00', closesAt: '24:00' }), room('shut', 50, [], { closures: [{ from: '2022-03-03', to: '2022-03-04', reason: '整修' }] })];
    const check = new OpeningCheck(calendar);
    const from = Date.parse(at('2022-02-28 00:00'));
    for (let s = from; s < from + 9 * 24 * 60 * 60_000; s += 90 * 60_000) {
      for (const minutes of [30, 120, 23 * 60, 3 * 24 * 60]) {
        const e = s + minutes * 60_000;
        for (const r of rooms) {
          const start = new Date(s).toISOString();
          const end = new Date(e).toISOString();
          expect(check.opens(r, s, e), `${r.id} ${start}–${end}`).toBe(scheduleProblems(r, start, end, calendar).length === 0);
        }
      }
    }
  });
});
