import { describe, expect, it } from 'vitest';
import { conflictsWith, isValidSlot, slotsOverlap } from './overlap';

const at = (hhmm: string, day = '2022-01-25') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

describe('one resource, two slots', () => {
  it('back-to-back slots do not overlap; one minute more does', () => {
    expect(slotsOverlap({ start: at('09:00'), end: at('11:00') }, { start: at('11:00'), end: at('12:00') })).toBe(false);
    expect(slotsOverlap({ start: at('09:00'), end: at('11:01') }, { start: at('11:00'), end: at('12:00') })).toBe(true);
  });

  it('buffers of either side count', () => {
    const morning = { start: at('09:00'), end: at('11:00'), bufferAfter: 30 };
    const noon = { start: at('11:20'), end: at('12:00') };
    expect(slotsOverlap(morning, noon)).toBe(true);
    expect(slotsOverlap({ ...morning, bufferAfter: 0 }, { ...noon, bufferBefore: 30 })).toBe(true);
    expect(slotsOverlap({ ...morning, bufferAfter: 20 }, noon)).toBe(false);
  });

  it('a two-month exhibition blocks every day inside it', () => {
    const exhibition = { start: at('09:00', '2021-12-01'), end: at('17:00', '2022-01-31') };
    const meeting = { start: at('14:00', '2022-01-10'), end: at('15:00', '2022-01-10') };
    expect(conflictsWith(meeting, [exhibition])).toEqual([exhibition]);
  });

  it('an empty or reversed slot is not valid', () => {
    expect(isValidSlot({ start: at('10:00'), end: at('10:00') })).toBe(false);
    expect(isValidSlot({ start: at('10:00'), end: at('11:00'), bufferBefore: -5 })).toBe(false);
  });
});
