import { describe, expect, it } from 'vitest';
import { clockInput } from './clock';

describe('a time typed on the paper request and the trip log', () => {
  it('reads 0930, 9:30, 09:30 and a full-width colon as 09:30, and refuses what is not a time', () => {
    for (const typed of ['0930', '9:30', '09:30', ' 09：30 ']) expect(clockInput(typed), typed).toBe('09:30');
    for (const typed of ['', '24:00', '9:60', 'noon', undefined]) expect(clockInput(typed), String(typed)).toBeNull();
  });
});
