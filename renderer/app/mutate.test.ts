import { describe, expect, it } from 'vitest';
import { kindsTouchedBy } from './mutate';

describe('kinds a mutation changes', () => {
  it('names the record kind, with an agency office list and the calendar import', () => {
    expect(kindsTouchedBy('space.update')).toEqual(['space']);
    expect(kindsTouchedBy('agency.create')).toEqual(['agency', 'agencyOffice']);
    expect(kindsTouchedBy('calendar.importYear')).toEqual(['calendarDay']);
    expect(kindsTouchedBy('ticket.create')).toEqual(['ticket']);
    expect(kindsTouchedBy('report.print')).toEqual([]);
  });
});
