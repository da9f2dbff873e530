import { describe, expect, it } from 'vitest';
import { UUID_V7, idTime, newId } from './ids';

describe('record ids', () => {
  it('are UUIDv7 carrying their creation time', () => {
    const id = newId(Date.UTC(2022, 0, 31));
    expect(id).toMatch(UUID_V7);
    expect(idTime(id)).toBe(Date.UTC(2022, 0, 31));
  });

  it('sort in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
