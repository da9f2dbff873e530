import { describe, expect, it } from 'vitest';
import { onlineFieldOf, onlineRequestArgs, onlineRequestForm, onlineRequestProblem } from './online';
import { requestFileArgs } from './schemas';

const typed = {
  requesterName: '陳美玲',
  passengers: 4,
  purpose: '會勘',
  stops: ['旗山區公所'],
  departDate: '115/3/6',
  departTime: '08:30',
  returnDate: '1150306',
  returnTime: '16:00',
  destinationId: 'qishan',
  distanceKm: 100,
  isLoan: false,
  withDriver: false,
};

describe('the online request form', () => {
  it('reads ROC dates as typed, in Taipei time, into the arguments of request.file', () => {
    const form = onlineRequestForm.parse(typed);
    const args = onlineRequestArgs('r-1', form, { agencyId: 'ag-cab', personId: 'p-cab' });
    expect(args).toMatchObject({ source: 'online', agencyId: 'ag-cab', personId: 'p-cab', departAt: '2026-03-06T00:30:00.000Z', returnAt: '2026-03-06T08:00:00.000Z' });
    // Not a loan: our driver goes, whatever the box said.
    expect(args.withDriver).toBe(true);
    expect(requestFileArgs.safeParse(args).success).toBe(true);
  });

  it('lets a loan go without our driver', () => {
    const args = onlineRequestArgs('r-1', onlineRequestForm.parse({ ...typed, isLoan: true }), { agencyId: 'a', personId: null });
    expect(args).toMatchObject({ isLoan: true, withDriver: false });
  });

  it('names the field of an impossible date or time, and of a key it does not take', () => {
    const path = (v: Record<string, unknown>) => {
      const r = onlineRequestForm.safeParse({ ...typed, ...v });
      return r.success ? null : [...r.error.issues[0].path, ...(r.error.issues[0].code === 'unrecognized_keys' ? r.error.issues[0].keys : [])].join('.');
    };
    expect(path({ departDate: '115/2/30' })).toBe('departDate');
    expect(path({ returnTime: '24:00' })).toBe('returnTime');
    expect(path({ destinationId: 'mars' })).toBe('destinationId');
    expect(path({ agencyId: 'ag-fin' })).toBe('agencyId');
  });

  it('refuses a departure already past and a return before departure, on the form fields', () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    expect(onlineRequestProblem({ departAt: '2026-02-28T01:00:00.000Z', returnAt: '2026-03-02T01:00:00.000Z' }, now)?.field).toBe('departDate');
    expect(onlineRequestProblem({ departAt: '2026-03-02T01:00:00.000Z', returnAt: '2026-03-02T01:00:00.000Z' }, now)?.field).toBe('returnDate');
    expect(onlineRequestProblem({ departAt: '2026-03-02T01:00:00.000Z', returnAt: '2026-03-02T05:00:00.000Z' }, now)).toBeNull();
    expect(onlineFieldOf('returnAt')).toBe('returnDate');
    expect(onlineFieldOf('stops.0')).toBe('stops');
  });
});
