import { describe, expect, it } from 'vitest';
import { formatPlate, isPlate, normalizePlate, plateMatches } from './plates';

describe('plates as people type them', () => {
  it('keeps letters and digits only, upper case, full-width folded', () => {
    expect(normalizePlate('abc-1234')).toBe('ABC1234');
    expect(normalizePlate(' ＡＢＣ－１２３４ ')).toBe('ABC1234');
    expect(normalizePlate('123 abc')).toBe('123ABC');
    expect(normalizePlate('ab.1234')).toBe('AB1234');
  });

  it('shows a plate in the usual form, letter group and digit group apart', () => {
    expect(formatPlate('ABC1234')).toBe('ABC-1234');
    expect(formatPlate('123ABC')).toBe('123-ABC');
    expect(formatPlate('AB1234')).toBe('AB-1234');
    expect(formatPlate('1234AB')).toBe('1234-AB');
    expect(formatPlate('A1B2')).toBe('A1B2');
  });

  it('refuses what cannot be a plate: too short, too long, letters or digits only', () => {
    expect(isPlate('ABC1234')).toBe(true);
    expect(isPlate('AB1')).toBe(false);
    expect(isPlate('ABCDE123456')).toBe(false);
    expect(isPlate('ABCDEF')).toBe(false);
    expect(isPlate('123456')).toBe(false);
  });

  it('matches a partial plate anywhere, however it is typed, and nothing for an empty one', () => {
    expect(plateMatches('ABC1234', 'c-12')).toBe(true);
    expect(plateMatches('ABC1234', '１２３４')).toBe(true);
    expect(plateMatches('ABC1234', 'abd')).toBe(false);
    expect(plateMatches('ABC1234', ' - ')).toBe(false);
  });
});
