import { describe, expect, it } from 'vitest';
import { instant, isInstant } from './instants';

describe('instants', () => {
  it('an argument in any ISO form is kept in the canonical form', () => {
    expect(instant.parse('2022-01-31T14:05+08:00')).toBe('2022-01-31T06:05:00.000Z');
    expect(isInstant(instant.parse('2022-01-31T06:05:00Z'))).toBe(true);
  });

  it('a date alone or a time that is not one is refused as a date', () => {
    for (const bad of ['2022-01-31', '2022-01-31T', '2022-01-31T25:00Z', 'soon']) {
      const r = instant.safeParse(bad);
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe('date');
    }
  });

  it('only the canonical form counts as stored', () => {
    expect(isInstant('2022-01-31T06:05:00.000Z')).toBe(true);
    expect(isInstant('2022-01-31T06:05:00Z')).toBe(false);
    expect(isInstant(null)).toBe(false);
  });
});
