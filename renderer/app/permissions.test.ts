import { describe, expect, it } from 'vitest';
import { mayRun } from './permissions';

describe('what the screens offer', () => {
  it('follows the roles of each mutation', () => {
    expect(mayRun('space.update', ['admin'])).toBe(true);
    expect(mayRun('space.update', ['supervisor', 'viewer'])).toBe(false);
    expect(mayRun('calendarDay.set', ['supervisor'])).toBe(true);
    expect(mayRun('calendarDay.set', ['guard'])).toBe(false);
    expect(mayRun('no.such', ['admin'])).toBe(false);
  });
});
