import { describe, expect, it } from 'vitest';
import { hasMessage } from '../domain/i18n';
import { ROLES } from '../domain/roles';
import { DESKS } from './app/desks';
import { DESK_ENTRIES, desksFor } from './desks';

describe('the desk registry', () => {
  it('declares every desk of the navigation once, with its own label', () => {
    for (const desk of DESKS) {
      expect(DESK_ENTRIES[desk].id).toBe(desk);
      expect(hasMessage(DESK_ENTRIES[desk].label), desk).toBe(true);
    }
  });

  it('shows a guard the parking desk only, and every other role every desk', () => {
    expect(desksFor(['guard']).map((d) => d.id)).toEqual(['parking']);
    for (const role of ROLES.filter((r) => r !== 'guard')) expect(desksFor([role]).map((d) => d.id)).toEqual([...DESKS]);
  });

  it('loads every desk lazily', () => {
    expect(
      desksFor(['admin'])
        .filter((d) => d.load)
        .map((d) => d.id),
    ).toEqual([...DESKS]);
  });
});
