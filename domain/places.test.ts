import { describe, expect, it } from 'vitest';
import { floorLevelFromName } from './places';

describe('floors sort the way the building signs read', () => {
  it.each([
    ['B2', -2],
    ['B1', -1],
    ['b1', -1],
    ['B1M', -1],
    ['1F', 1],
    ['1F夾層', 1],
    ['3F-1', 3],
    ['12F', 12],
    ['3樓', 3],
    ['L3', 3],
    ['地下1樓', -1],
    ['RF', 100],
    ['屋頂', 100],
    ['夾層', 50],
  ])('%s is level %i', (name, level) => {
    expect(floorLevelFromName(name)).toBe(level);
  });
});
