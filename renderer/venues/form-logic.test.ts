import { describe, expect, it } from 'vitest';
import type { Booking } from '../../domain/venues/types';
import { EMPTY_FORM, createArgs, moveOf, normalClock, particularsPatch, seriesArgs, seriesValues, slotValues, timesOf, valuesOf, type BookingFormValues } from './form-logic';

const form = (patch: Partial<BookingFormValues>): BookingFormValues => ({
  ...EMPTY_FORM,
  venueId: 'v-aud',
  applicantAgencyId: 'demo-agency-CAB',
  contactName: '周雅婷',
  contactPhone: '3201',
  eventName: '市政宣導說明會',
  activityType: 'policy_promotion',
  attendees: 120,
  startDate: '2022-03-01',
  startTime: '09:00',
  endTime: '12:00',
  ...patch,
});

const booking = (patch: Partial<Booking> = {}): Booking => ({
  id: 'b1',
  number: '場-111-00001',
  seriesId: null,
  originalDate: null,
  venueId: 'v-aud',
  applicantAgencyId: 'demo-agency-CAB',
  applicantOrg: '',
  contactName: '周雅婷',
  contactPhone: '3201',
  eventName: '市政宣導說明會',
  activityType: 'policy_promotion',
  attendees: 120,
  equipment: ['microphone', 'projector'],
  letterNo: '高市民字第1110001號',
  attachments: [],
  fee: 0,
  feeWaived: true,
  notes: '',
  start: '2022-03-01T01:00:00.000Z',
  end: '2022-03-01T04:00:00.000Z',
  bufferBefore: 30,
  bufferAfter: 30,
  occupiedFrom: '2022-03-01T00:30:00.000Z',
  occupiedTo: '2022-03-01T04:30:00.000Z',
  status: 'pending',
  approvedLevel: 0,
  steps: [],
  overrideReason: '',
  displaced: false,
  displacedBy: null,
  createdAt: '',
  updatedAt: '',
  ...patch,
});

describe('times typed into the form', () => {
  it('reads clock times as clerks type them', () => {
    expect(normalClock('1430')).toBe('14:30');
    expect(normalClock('9:05')).toBe('09:05');
    expect(normalClock('14：30')).toBe('14:30');
    expect(normalClock('later')).toBe('later');
  });

  it('gives Taipei instants, over several days when an end date is set, and nothing when the end is not after the start', () => {
    expect(timesOf(form({}))).toEqual({ start: '2022-03-01T01:00:00.000Z', end: '2022-03-01T04:00:00.000Z' });
    expect(timesOf(form({ endDate: '2022-04-30', endTime: '17:00' }))).toEqual({ start: '2022-03-01T01:00:00.000Z', end: '2022-04-30T09:00:00.000Z' });
    expect(timesOf(form({ endTime: '08:00' }))).toBeNull();
    expect(timesOf(form({ startTime: '' }))).toBeNull();
  });
});

describe('what the form sends', () => {
  it('a new booking: an agency applicant leaves the organisation empty; buffers only when asked', () => {
    const args = createArgs(form({ equipment: ['projector', 'microphone', 'projector'] }), 'id1');
    expect(args).toMatchObject({ id: 'id1', venueId: 'v-aud', applicantAgencyId: 'demo-agency-CAB', applicantOrg: '', equipment: ['microphone', 'projector'], start: '2022-03-01T01:00:00.000Z' });
    expect(args).not.toHaveProperty('bufferBefore');
    const outside = createArgs(form({ applicantKind: 'org', applicantOrg: ' 高雄市文化協會 ', bufferBefore: 60, override: true, overrideReason: '市長記者會' }), 'id2');
    expect(outside).toMatchObject({ applicantAgencyId: null, applicantOrg: '高雄市文化協會', bufferBefore: 60, override: { reason: '市長記者會' } });
  });

  it('a weekly series: rule, wall-clock times and either a last date or a count', () => {
    const args = seriesArgs(form({ repeat: true, weekdays: [3, 1], endKind: 'until', until: '2022-06-30', startTime: '1400', endTime: '16:00' }), 's1');
    expect(args).toMatchObject({ rule: { freq: 'weekly', interval: 1, weekdays: [1, 3] }, startDate: '2022-03-01', startTime: '14:00', endTime: '16:00', until: '2022-06-30', count: null });
  });

  it('a refused series comes back into the form as it was typed, and goes out the same', () => {
    const args = seriesArgs(form({ repeat: true, weekdays: [1], endKind: 'count', count: 8, bufferBefore: 30 }), 's1');
    expect(seriesArgs(seriesValues(args), 's1')).toEqual(args);
  });

  it('an edit sends only the particulars that changed, and a move only when venue, time or buffers changed', () => {
    const b = booking();
    const same = valuesOf(b);
    expect(particularsPatch(b, same)).toEqual({});
    expect(moveOf(b, same)).toBeNull();
    expect(particularsPatch(b, { ...same, attendees: 150, applicantKind: 'org', applicantOrg: '文化協會' })).toEqual({ attendees: 150, applicantAgencyId: null, applicantOrg: '文化協會' });
    expect(moveOf(b, { ...same, startTime: '10:00', endTime: '13:00' })).toEqual({ id: 'b1', start: '2022-03-01T02:00:00.000Z', end: '2022-03-01T05:00:00.000Z', bufferBefore: 30, bufferAfter: 30 });
    expect(moveOf(b, { ...same, venueId: 'v-mr1' })).toMatchObject({ venueId: 'v-mr1' });
  });

  it('the scanned letter travels with the application, and an edit sends the files only when they changed', () => {
    const letter = { sha256: 'a'.repeat(64), name: '來函.pdf', size: 48213, type: 'application/pdf' };
    expect(createArgs(form({ attachments: [letter] }), 'id1').attachments).toEqual([letter]);
    expect(seriesArgs(form({ attachments: [letter], repeat: true, weekdays: [2] }), 's1').attachments).toEqual([letter]);
    const b = booking({ attachments: [letter] });
    expect(valuesOf(b).attachments).toEqual([letter]);
    expect(particularsPatch(b, valuesOf(b))).toEqual({});
    const enclosure = { sha256: 'b'.repeat(64), name: '附件.jpg', size: 1024, type: 'image/jpeg' };
    expect(particularsPatch(b, { ...valuesOf(b), attachments: [letter, enclosure] })).toEqual({ attachments: [letter, enclosure] });
    expect(particularsPatch(b, { ...valuesOf(b), attachments: [] })).toEqual({ attachments: [] });
  });

  it('a slot ending at midnight reads as 24:00 of its day', () => {
    expect(slotValues({ venueId: 'v', start: '2022-03-01T10:00:00.000Z', end: '2022-03-01T16:00:00.000Z' })).toEqual({
      venueId: 'v',
      startDate: '2022-03-01',
      startTime: '18:00',
      endDate: null,
      endTime: '24:00',
    });
  });
});
