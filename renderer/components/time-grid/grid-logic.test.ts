import { describe, expect, it } from 'vitest';
import { assignLanes, clock, dragged, instantAt, parseClock, piecesFor, selectionRange, taipeiMinute, visibleHours, weekDates, type GridItem } from './grid-logic';

const ev = (id: string, start: string, end: string, extra: Partial<GridItem> = {}): GridItem => ({
  id,
  resourceId: 'aud',
  start,
  end,
  bufferBefore: 0,
  bufferAfter: 0,
  title: id,
  tone: 'approved',
  movable: true,
  label: id,
  ...extra,
});

describe('Taipei minutes', () => {
  it('reads an instant as its Taipei date and minute, and back', () => {
    expect(taipeiMinute('2022-01-31T01:30:00.000Z')).toEqual({ date: '2022-01-31', minute: 9 * 60 + 30 });
    // 23:30 UTC is already the next morning in Taipei.
    expect(taipeiMinute('2022-01-30T23:30:00.000Z')).toEqual({ date: '2022-01-31', minute: 7 * 60 + 30 });
    expect(instantAt('2022-01-31', 9 * 60 + 30)).toBe('2022-01-31T01:30:00.000Z');
    expect(instantAt('2022-01-31', 1440)).toBe('2022-01-31T16:00:00.000Z');
  });

  it('writes and reads clock times, 24:00 as the end of a day', () => {
    expect(clock(570)).toBe('09:30');
    expect(clock(1440)).toBe('24:00');
    expect(parseClock('9:30')).toBe(570);
    expect(parseClock('0930')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:30')).toBeNull();
    expect(parseClock('9:75')).toBeNull();
  });

  it('starts the week on Sunday', () => {
    expect(weekDates('2022-02-02')).toEqual(['2022-01-30', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05']);
  });
});

describe('pieces of a day column', () => {
  it('clips a multi-day exhibition to each day and says it goes on', () => {
    const expo = ev('expo', instantAt('2022-03-01', 9 * 60), instantAt('2022-03-03', 17 * 60));
    const [first] = piecesFor({ date: '2022-03-01', resourceId: 'aud' }, [expo]);
    expect([first.from, first.to, first.continuesBefore, first.continuesAfter]).toEqual([540, 1440, false, true]);
    const [middle] = piecesFor({ date: '2022-03-02', resourceId: 'aud' }, [expo]);
    expect([middle.from, middle.to, middle.continuesBefore, middle.continuesAfter]).toEqual([0, 1440, true, true]);
    const [last] = piecesFor({ date: '2022-03-03', resourceId: 'aud' }, [expo]);
    expect([last.from, last.to, last.continuesBefore, last.continuesAfter]).toEqual([0, 1020, true, false]);
    expect(piecesFor({ date: '2022-03-04', resourceId: 'aud' }, [expo])).toEqual([]);
    expect(piecesFor({ date: '2022-03-02', resourceId: 'atrium' }, [expo])).toEqual([]);
  });

  it('draws buffers around the item, clipped to the day', () => {
    const b = ev('b', instantAt('2022-03-01', 9 * 60), instantAt('2022-03-01', 10 * 60), { bufferBefore: 30, bufferAfter: 15 });
    const [p] = piecesFor({ date: '2022-03-01', resourceId: 'aud' }, [b]);
    expect([p.bufferFrom, p.from, p.to, p.bufferTo]).toEqual([510, 540, 600, 615]);
  });

  it('puts overlapping items (buffers counted) side by side, and lets touching ones share a lane', () => {
    const a = ev('a', instantAt('2022-03-01', 540), instantAt('2022-03-01', 600));
    const b = ev('b', instantAt('2022-03-01', 570), instantAt('2022-03-01', 660), { tone: 'competing' });
    const c = ev('c', instantAt('2022-03-01', 600), instantAt('2022-03-01', 630));
    const d = ev('d', instantAt('2022-03-01', 720), instantAt('2022-03-01', 780));
    const lanes = Object.fromEntries(piecesFor({ date: '2022-03-01', resourceId: 'aud' }, [a, b, c, d]).map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
    const buffered = ev('e', instantAt('2022-03-01', 780), instantAt('2022-03-01', 840), { bufferBefore: 15 });
    const both = assignLanes(piecesFor({ date: '2022-03-01', resourceId: 'aud' }, [d, buffered]));
    expect(both.map((p) => p.lanes)).toEqual([2, 2]);
  });
});

describe('dragging an item', () => {
  const b = ev('b', instantAt('2022-03-01', 9 * 60), instantAt('2022-03-01', 11 * 60));

  it('moves it by the days and minutes the pointer moved, to another room too', () => {
    const to = dragged(b, 'move', { date: '2022-03-01', minute: 600 }, { date: '2022-03-02', minute: 630, resourceId: 'mr1' });
    expect(to).toEqual({ resourceId: 'mr1', start: instantAt('2022-03-02', 570), end: instantAt('2022-03-02', 690) });
  });

  it('changes only its end when the lower edge is dragged, never below the minimum length', () => {
    expect(dragged(b, 'resize-end', { date: '2022-03-01', minute: 660 }, { date: '2022-03-01', minute: 720, resourceId: 'x' })).toEqual({
      resourceId: 'aud',
      start: b.start,
      end: instantAt('2022-03-01', 720),
    });
    expect(dragged(b, 'resize-end', { date: '2022-03-01', minute: 660 }, { date: '2022-03-01', minute: 400, resourceId: 'x' }).end).toBe(instantAt('2022-03-01', 555));
    expect(dragged(b, 'resize-start', { date: '2022-03-01', minute: 540 }, { date: '2022-03-01', minute: 480, resourceId: 'x' }).start).toBe(instantAt('2022-03-01', 480));
  });
});

describe('selection and hours', () => {
  it('snaps a dragged selection outwards whichever way it was dragged', () => {
    expect(selectionRange(547, 622, 15, [0, 1440])).toEqual([540, 630]);
    expect(selectionRange(622, 547, 15, [0, 1440])).toEqual([540, 630]);
    expect(selectionRange(540, 540, 15, [0, 1440])).toEqual([540, 555]);
    expect(selectionRange(1430, 1500, 30, [0, 1440])).toEqual([1410, 1440]);
  });

  it('shows from the earliest opening to the latest closing, in whole hours', () => {
    expect(visibleHours([{ open: [510, 1020] }, { open: [480, 1290] }, { open: null }])).toEqual([480, 1320]);
    expect(visibleHours([{ open: null }])).toEqual([480, 1080]);
  });
});

describe('Taipei arithmetic', () => {
  it('agrees with the time-zone tables for instants across years, midnights included', async () => {
    const { taipeiDateOf, startOfTaipeiDay } = await import('../../../domain/dates');
    for (let ms = Date.UTC(2021, 0, 1); ms < Date.UTC(2023, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) {
      const { date, minute } = taipeiMinute(ms);
      expect(date).toBe(taipeiDateOf(new Date(ms)));
      expect(minute).toBe(Math.round((ms - Date.parse(startOfTaipeiDay(date))) / 60_000));
      expect(instantAt(date, minute)).toBe(new Date(ms - (ms % 60_000)).toISOString());
    }
  });
});
