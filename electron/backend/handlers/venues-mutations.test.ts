import { afterEach, describe, expect, it } from 'vitest';
import { flaggedBookings } from '../../../db/queries/venues';
import { translate } from '../../../domain/i18n';
import { occurrenceId } from '../../../domain/venues/recurrence';
import { AUD, CAB, CHIEF, CLERK, MR1, MR2, VIEWER, bookingArgs, expectRefused, tp, venueDesk, type Desk } from '../../../test/support/venue-desk';

let desk: Desk;
afterEach(() => desk?.close());

describe('venue bookings: approval', () => {
  it('takes an application through the levels its venue needs, with who and when at each step', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('b1', { venueId: AUD, from: '2022-03-02 14:00', to: '2022-03-02 17:00' }));
    const b = desk.get('b1')!;
    expect(b).toMatchObject({ status: 'pending', approvedLevel: 0, number: expect.stringMatching(/^場-111-\d{5}$/) });

    // The chief's level comes second: the clerk signs first.
    await desk.must('booking.approve', { id: 'b1' }, CLERK, '2022-02-01T03:00:00.000Z');
    expect(desk.get('b1')).toMatchObject({ status: 'pending', approvedLevel: 1 });
    expectRefused(await desk.run('booking.approve', { id: 'b1' }, CLERK), 'venues.needsSupervisor');
    await desk.must('booking.approve', { id: 'b1' }, CHIEF, '2022-02-01T04:00:00.000Z');
    const done = desk.get('b1')!;
    expect(done.status).toBe('approved');
    expect(done.steps).toEqual([
      { action: 'applied', userId: 'u-clerk', at: '2022-02-01T02:00:00.000Z' },
      { action: 'approved', level: 1, userId: 'u-clerk', at: '2022-02-01T03:00:00.000Z' },
      { action: 'approved', level: 2, userId: 'u-chief', at: '2022-02-01T04:00:00.000Z' },
    ]);
    const history = await desk.ws.db.$client.prepare("SELECT mutation FROM audit WHERE kind = 'booking' AND record_id = 'b1' ORDER BY at").all();
    expect(history.map((h) => (h as { mutation: string }).mutation)).toEqual(['booking.create', 'booking.approve', 'booking.approve']);
  });

  it('books a room that needs no approval at once, and rejects and cancels with a reason', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('b1', { venueId: MR2 }));
    expect(desk.get('b1')!.status).toBe('approved');
    await desk.must('booking.create', bookingArgs('b2', { from: '2022-03-03 09:00', to: '2022-03-03 10:00' }));
    await desk.must('booking.reject', { id: 'b2', reason: '同時段另有市長行程' });
    expect(desk.get('b2')).toMatchObject({ status: 'rejected', steps: [expect.anything(), { action: 'rejected', reason: '同時段另有市長行程' }] });
    expectRefused(await desk.run('booking.approve', { id: 'b2' }), 'venues.finished');
    await desk.must('booking.cancel', { id: 'b1', reason: '活動取消' });
    expect(desk.get('b1')!.status).toBe('cancelled');
    expectRefused(await desk.run('booking.cancel', { id: 'b1', reason: '再取消' }), 'venues.finished');
  });

  it('lets only venue clerks and supervisors book, and only supervisors override', async () => {
    desk = await venueDesk();
    expectRefused(await desk.run('booking.create', bookingArgs('b1'), VIEWER), 'error.forbidden');
    expectRefused(
      await desk.run('booking.create', bookingArgs('b1', { from: '2022-03-01 19:00', to: '2022-03-01 20:00', override: { reason: '市長臨時記者會' } }), CLERK),
      'venues.overrideNeedsSupervisor',
    );
    expect(desk.get('b1')).toBeUndefined();
  });
});

describe('venue bookings: the double-booking rule', () => {
  it('refuses to approve a booking that overlaps an approved one, counting both buffers, and names it', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('first', { from: '2022-03-01 14:00', to: '2022-03-01 16:00' }));
    await desk.must('booking.approve', { id: 'first' });
    // 16:20 is clear of 16:00 itself, but not of 15 minutes' tear-down plus 15 minutes' set-up.
    await desk.must('booking.create', bookingArgs('second', { from: '2022-03-01 16:20', to: '2022-03-01 17:00' }));
    const problem = expectRefused(await desk.run('booking.approve', { id: 'second' }), 'venues.conflict')!;
    const first = desk.get('first')!;
    expect(problem.params).toMatchObject({ conflictId: 'first', number: first.number, name: '會議 first', when: '111/03/01 14:00–16:00' });
    expect(translate('zh-TW', problem.code, problem.params)).toBe(`與已核准的「${first.number} 會議 first」（111/03/01 14:00–16:00）時間重疊（含場佈與復原時間）`);
    expect(desk.get('second')!.status).toBe('pending');
    // 16:30 leaves exactly the two buffers free: touching spans do not overlap.
    await desk.must('booking.create', bookingArgs('third', { from: '2022-03-01 16:30', to: '2022-03-01 17:30' }));
    await desk.must('booking.approve', { id: 'third' });
  });

  it('counts a booking asking for more set-up than the venue default', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('first', { from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.approve', { id: 'first' });
    await desk.must('booking.create', bookingArgs('long-setup', { from: '2022-03-01 11:00', to: '2022-03-01 12:00', bufferBefore: 60 }));
    expect(desk.get('long-setup')).toMatchObject({ bufferBefore: 60, bufferAfter: 15, occupiedFrom: tp('2022-03-01 10:00') });
    expectRefused(await desk.run('booking.approve', { id: 'long-setup' }), 'venues.conflict');
  });

  it('lets pending bookings overlap each other: they compete until one is approved', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('a', { venueId: AUD, applicantAgencyId: null, applicantOrg: '港都國樂團', from: '2022-03-04 18:30', to: '2022-03-04 21:00' }));
    await desk.must('booking.create', bookingArgs('b', { venueId: AUD, applicantAgencyId: null, applicantOrg: '市民合唱團', from: '2022-03-04 19:00', to: '2022-03-04 21:30' }));
    const list = await desk.ws.call('venues.bookings', { from: tp('2022-03-04 00:00'), to: tp('2022-03-05 00:00') });
    expect(list.map((b) => [b.id, b.competing, b.applicantNameZh])).toEqual([
      ['a', true, '港都國樂團'],
      ['b', true, '市民合唱團'],
    ]);
    const groups = await desk.ws.call('venues.competing', {});
    expect(groups.map((g) => g.bookings.map((b) => b.id))).toEqual([['a', 'b']]);
    await desk.must('booking.approve', { id: 'a' });
    await desk.must('booking.approve', { id: 'a' }, CHIEF);
    expectRefused(await desk.run('booking.approve', { id: 'b' }), 'venues.conflict');
  });

  it('checks a move of an approved booking like any approval, and a pending one only against the hours', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('a', { from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.approve', { id: 'a' });
    await desk.must('booking.create', bookingArgs('b', { from: '2022-03-01 13:00', to: '2022-03-01 14:00' }));
    await desk.must('booking.approve', { id: 'b' });
    expectRefused(await desk.run('booking.move', { id: 'b', start: tp('2022-03-01 09:30'), end: tp('2022-03-01 10:30') }), 'venues.conflict');
    expect(desk.get('b')!.start).toBe(tp('2022-03-01 13:00'));
    await desk.must('booking.move', { id: 'b', start: tp('2022-03-01 15:00'), end: tp('2022-03-01 16:30') });
    expect(desk.get('b')).toMatchObject({ start: tp('2022-03-01 15:00'), end: tp('2022-03-01 16:30'), occupiedTo: tp('2022-03-01 16:45'), status: 'approved' });
    expect(desk.get('b')!.steps.at(-1)).toMatchObject({ action: 'moved' });
    // Into another room: its defaults apply (none there).
    await desk.must('booking.move', { id: 'b', venueId: MR2, start: tp('2022-03-01 09:00'), end: tp('2022-03-01 10:00') });
    expect(desk.get('b')).toMatchObject({ venueId: MR2, bufferBefore: 0, bufferAfter: 0, occupiedFrom: tp('2022-03-01 09:00') });
  });

  it('a supervisor may override for an official event: the booking in the way goes back to pending, displaced', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('club', { venueId: MR1, contactName: '陳美麗', contactPhone: '0912-000111', from: '2022-03-01 14:00', to: '2022-03-01 16:00' }));
    await desk.must('booking.approve', { id: 'club' });
    await desk.must('booking.create', bookingArgs('mayor', { venueId: MR1, eventName: '市長防疫記者會', from: '2022-03-01 15:00', to: '2022-03-01 16:00' }), CHIEF);
    expectRefused(await desk.run('booking.approve', { id: 'mayor' }, CHIEF), 'venues.conflict');
    await desk.must('booking.approve', { id: 'mayor', override: { reason: '市長指示之公務活動' } }, CHIEF);
    expect(desk.get('mayor')).toMatchObject({ status: 'approved', overrideReason: '市長指示之公務活動' });
    expect(desk.get('club')).toMatchObject({ status: 'pending', displaced: true, displacedBy: 'mayor' });
    const displaced = await desk.ws.call('venues.displaced', {});
    expect(displaced.map((b) => [b.id, b.contactName, b.contactPhone])).toEqual([['club', '陳美麗', '0912-000111']]);
    // Moved to a free time and approved again, it leaves the list.
    await desk.must('booking.move', { id: 'club', start: tp('2022-03-02 14:00'), end: tp('2022-03-02 16:00') });
    await desk.must('booking.approve', { id: 'club' });
    expect(await desk.ws.call('venues.displaced', {})).toEqual([]);
  });
});

describe('venue bookings: hours, closures, holidays, who may book', () => {
  it('refuses outside the opening hours, on a holiday, a weekend or a closure, unless a supervisor overrides', async () => {
    desk = await venueDesk();
    expectRefused(await desk.run('booking.create', bookingArgs('late', { from: '2022-03-01 17:00', to: '2022-03-01 19:00' })), 'venues.outsideHours');
    expectRefused(await desk.run('booking.create', bookingArgs('early', { from: '2022-03-01 07:30', to: '2022-03-01 09:00' })), 'venues.outsideHours');
    const holiday = expectRefused(await desk.run('booking.create', bookingArgs('h', { from: '2022-02-28 10:00', to: '2022-02-28 11:00' })), 'venues.holiday')!;
    expect(translate('zh-TW', holiday.code, holiday.params)).toBe('111/02/28 是和平紀念日，場地不開放');
    expectRefused(await desk.run('booking.create', bookingArgs('w', { from: '2022-03-05 10:00', to: '2022-03-05 11:00' })), 'venues.weekend');
    await desk.must('venue.update', { id: MR1, closures: [{ from: '2022-03-07', to: '2022-03-11', reason: '空調更新' }] });
    expectRefused(await desk.run('booking.create', bookingArgs('c', { from: '2022-03-08 10:00', to: '2022-03-08 11:00' })), 'venues.closed');
    await desk.must('booking.create', bookingArgs('c', { from: '2022-03-08 10:00', to: '2022-03-08 11:00', override: { reason: '緊急防災會議' } }), CHIEF);
    await desk.must('booking.approve', { id: 'c' }, CHIEF);
    expect(desk.get('c')).toMatchObject({ status: 'approved', overrideReason: '緊急防災會議' });
  });

  it('lets a multi-day exhibition run over weekends and holidays, its first and last days within hours', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('expo', { venueId: AUD, activityType: 'exhibition', from: '2022-02-21 09:00', to: '2022-03-25 17:00' }));
    await desk.must('booking.approve', { id: 'expo' });
    await desk.must('booking.approve', { id: 'expo' }, CHIEF);
    // Any time inside the run collides, even a weekday evening far from its ends.
    await desk.must('booking.create', bookingArgs('talk', { venueId: AUD, from: '2022-03-10 19:00', to: '2022-03-10 21:00' }));
    expectRefused(await desk.run('booking.approve', { id: 'talk' }), 'venues.conflict');
  });

  it('takes outside groups only at venues open to them', async () => {
    desk = await venueDesk();
    expectRefused(await desk.run('booking.create', bookingArgs('x', { applicantAgencyId: null, applicantOrg: '社區發展協會' })), 'venues.agenciesOnly');
    expectRefused(await desk.run('booking.create', bookingArgs('y', { venueId: AUD, applicantAgencyId: null, applicantOrg: '' })), 'venues.noApplicant');
    await desk.must('booking.create', bookingArgs('z', { venueId: AUD, applicantAgencyId: null, applicantOrg: '社區發展協會' }));
  });

  it('warns about attendees over capacity and missing equipment without refusing', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('big', { attendees: 60, equipment: ['projector', 'piano'] }));
    const detail = await desk.ws.call('venues.booking', { id: 'big' });
    expect(detail!.warnings.map((w) => w.code)).toEqual(['venues.overCapacity', 'venues.missing.piano']);
    expect(translate('zh-TW', detail!.warnings[0].code, detail!.warnings[0].params)).toBe('預計 60 人，超過場地容納人數 40 人');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    desk = await venueDesk();
    const r = await desk.run('booking.create', bookingArgs('bad', { from: '2022-03-01 16:00', to: '2022-03-01 14:00' }));
    expect(expectRefused(r, 'venues.endBeforeStart')).toMatchObject({ field: 'end' });
    expectRefused(await desk.run('booking.create', { ...bookingArgs('bad2'), start: '明天下午' }), 'error.invalidDate');
    expectRefused(await desk.run('booking.create', bookingArgs('bad3', { venueId: 'nope' })), 'error.notFound');
    expect(desk.ws.runner.records.findSync('booking', {})).toEqual([]);
  });
});

describe('venue bookings: recurring series', () => {
  const weekly = (id: string, over: Record<string, unknown> = {}) => {
    const { start, end, ...rest } = bookingArgs(id, { eventName: '局務會議' });
    void start;
    void end;
    return { ...rest, rule: { freq: 'weekly', interval: 1, weekdays: [1] }, startDate: '2022-02-14', startTime: '09:00', endTime: '10:00', until: null, count: 6, ...over };
  };

  it('makes one record per occurrence with ids from the series and the date, skipping holidays', async () => {
    desk = await venueDesk();
    await desk.must('bookingSeries.create', weekly('s1'));
    const series = desk.ws.runner.records.getSync('bookingSeries', 's1')!;
    expect(series.skippedDates).toEqual(['2022-02-28']);
    const occ = desk.ws.runner.records.findSync('booking', { seriesId: 's1' }).sort((a, b) => (a.start < b.start ? -1 : 1));
    expect(occ.map((o) => o.id)).toEqual(['2022-02-14', '2022-02-21', '2022-03-07', '2022-03-14', '2022-03-21', '2022-03-28'].map((d) => occurrenceId('s1', d)));
    expect(occ[0]).toMatchObject({ start: tp('2022-02-14 09:00'), end: tp('2022-02-14 10:00'), number: series.number, status: 'pending', originalDate: '2022-02-14' });
  });

  it('approves every occurrence, refusing the whole step when one collides; that one can be moved or cancelled', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('training', { from: '2022-03-14 09:30', to: '2022-03-14 11:00' }));
    await desk.must('booking.approve', { id: 'training' });
    await desk.must('bookingSeries.create', weekly('s1'));
    const problem = expectRefused(await desk.run('bookingSeries.approve', { id: 's1' }), 'venues.seriesConflict')!;
    expect(problem.params).toMatchObject({ date: '2022-03-14', conflictId: 'training', count: 1 });
    await desk.must('booking.move', { id: occurrenceId('s1', '2022-03-14'), start: tp('2022-03-15 09:00'), end: tp('2022-03-15 10:00') });
    await desk.must('bookingSeries.approve', { id: 's1' });
    const occ = desk.ws.runner.records.findSync('booking', { seriesId: 's1' });
    expect(new Set(occ.map((o) => o.status))).toEqual(new Set(['approved']));
    expect(desk.ws.runner.records.getSync('bookingSeries', 's1')!.status).toBe('approved');
    // One occurrence cancelled alone; the rest stand.
    await desk.must('booking.cancel', { id: occurrenceId('s1', '2022-03-21'), reason: '主席出國' });
    expect(desk.ws.runner.records.findSync('booking', { seriesId: 's1', status: 'approved' })).toHaveLength(5);
  });

  it('cancels from a date on, keeping what already happened, and copies edits to the live occurrences', async () => {
    desk = await venueDesk();
    await desk.must('bookingSeries.create', weekly('s1'));
    await desk.must('bookingSeries.update', { id: 's1', contactPhone: '07-7777777' });
    expect(desk.ws.runner.records.findSync('booking', { seriesId: 's1' }).every((o) => o.contactPhone === '07-7777777')).toBe(true);
    await desk.must('bookingSeries.cancel', { id: 's1', reason: '改為視訊', fromDate: '2022-03-14' });
    const byStatus = desk.ws.runner.records.findSync('booking', { seriesId: 's1' }).map((o) => [o.originalDate, o.status]);
    expect(byStatus.sort()).toEqual([
      ['2022-02-14', 'pending'],
      ['2022-02-21', 'pending'],
      ['2022-03-07', 'pending'],
      ['2022-03-14', 'cancelled'],
      ['2022-03-21', 'cancelled'],
      ['2022-03-28', 'cancelled'],
    ]);
  });

  it('takes two approvals at a two-level venue, and a supervisor may override a clash for the whole series', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('concert', { venueId: AUD, from: '2022-03-07 09:00', to: '2022-03-07 10:00' }));
    await desk.must('booking.approve', { id: 'concert' });
    await desk.must('booking.approve', { id: 'concert' }, CHIEF);
    await desk.must('bookingSeries.create', weekly('s1', { venueId: AUD, count: 3 }));
    expectRefused(await desk.run('bookingSeries.approve', { id: 's1' }), 'venues.seriesConflict');
    await desk.must('bookingSeries.approve', { id: 's1', override: { reason: '市長主持之防疫會議' } }, CHIEF);
    // The override let level 1 through; the series is still waiting for level 2, and the
    // concert keeps its time until the series takes it.
    expect(desk.ws.runner.records.getSync('bookingSeries', 's1')!.status).toBe('pending');
    expect(desk.get('concert')).toMatchObject({ status: 'approved', displaced: false });
    await desk.must('bookingSeries.approve', { id: 's1' }, CHIEF);
    expect(desk.get('concert')).toMatchObject({ status: 'pending', displaced: true, displacedBy: occurrenceId('s1', '2022-03-07') });
    expect(desk.ws.runner.records.getSync('bookingSeries', 's1')!.status).toBe('approved');
    expect(desk.ws.runner.records.findSync('booking', { seriesId: 's1' }).map((o) => [o.status, o.approvedLevel])).toEqual([
      ['approved', 2],
      ['approved', 2],
      ['approved', 2],
    ]);
  });

  it('an override at level 1 of two displaces nobody until the last level takes the time', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('concert', { venueId: AUD, contactName: '林雅文', contactPhone: '0933-222111', from: '2022-03-08 14:00', to: '2022-03-08 16:00' }));
    await desk.must('booking.approve', { id: 'concert' });
    await desk.must('booking.approve', { id: 'concert' }, CHIEF);
    await desk.must('booking.create', bookingArgs('mayor', { venueId: AUD, eventName: '市長防疫記者會', from: '2022-03-08 15:00', to: '2022-03-08 16:00' }), CHIEF);
    expectRefused(await desk.run('booking.approve', { id: 'mayor' }, CHIEF), 'venues.conflict');
    await desk.must('booking.approve', { id: 'mayor', override: { reason: '市長指示之公務活動' } }, CHIEF);
    expect(desk.get('mayor')).toMatchObject({ status: 'pending', approvedLevel: 1, overrideReason: '市長指示之公務活動' });
    // Level 1 alone takes nothing: the concert stays approved and still holds the time.
    expect(desk.get('concert')).toMatchObject({ status: 'approved', approvedLevel: 2, displaced: false, displacedBy: null });
    expect(await desk.ws.call('venues.displaced', {})).toEqual([]);
    await desk.must('booking.create', bookingArgs('third', { venueId: AUD, from: '2022-03-08 15:30', to: '2022-03-08 16:00' }));
    expect(expectRefused(await desk.run('booking.approve', { id: 'third' }), 'venues.conflict')!.params).toMatchObject({ conflictId: 'concert' });
    // The supervisor's level-2 signature takes the time with the standing override.
    await desk.must('booking.approve', { id: 'mayor' }, CHIEF);
    expect(desk.get('mayor')).toMatchObject({ status: 'approved', approvedLevel: 2 });
    expect(desk.get('concert')).toMatchObject({ status: 'pending', approvedLevel: 0, displaced: true, displacedBy: 'mayor' });
    expect(desk.get('concert')!.steps.at(-1)).toMatchObject({ action: 'displaced', reason: '市長指示之公務活動' });
    expect((await desk.ws.call('venues.displaced', {})).map((b) => [b.id, b.contactName, b.contactPhone])).toEqual([['concert', '林雅文', '0933-222111']]);
  });

  it('asks for a last date or a count, and refuses a rule that gives nothing', async () => {
    desk = await venueDesk();
    expectRefused(await desk.run('bookingSeries.create', weekly('s1', { until: '2022-04-01' })), 'venues.seriesEnd');
    expectRefused(await desk.run('bookingSeries.create', weekly('s2', { rule: { freq: 'weekly', interval: 1, weekdays: [0] }, until: '2022-03-31', count: null })), 'venues.seriesEmpty');
    expectRefused(await desk.run('bookingSeries.create', weekly('s3', { startTime: '17:00', endTime: '19:00' })), 'venues.outsideHours');
  });
});

describe('venue settings changes', () => {
  it('flags approved bookings that no longer fit new hours, buffers or closures, and cancels none', async () => {
    desk = await venueDesk();
    await desk.must('booking.create', bookingArgs('a', { from: '2022-03-01 09:00', to: '2022-03-01 10:00' }));
    await desk.must('booking.approve', { id: 'a' });
    await desk.must('booking.create', bookingArgs('b', { from: '2022-03-01 10:30', to: '2022-03-01 11:30' }));
    await desk.must('booking.approve', { id: 'b' });
    await desk.must('booking.create', bookingArgs('c', { from: '2022-03-02 16:00', to: '2022-03-02 17:30' }));
    await desk.must('booking.approve', { id: 'c' });
    const now = '2022-02-01T00:00:00.000Z';
    expect(flaggedBookings(desk.ws.db, now)).toEqual([]);
    await desk.must('venue.update', { id: MR1, bufferBefore: 30, bufferAfter: 30, closesAt: '17:00', closures: [{ from: '2022-03-03', to: '2022-03-03', reason: '消防檢查' }] });
    const flagged = flaggedBookings(desk.ws.db, now);
    expect(flagged.map((f) => [f.booking.id, f.problems.map((p) => p.code)])).toEqual([
      ['a', ['venues.conflict']],
      ['b', ['venues.conflict']],
      ['c', ['venues.outsideHours']],
    ]);
    expect(desk.ws.runner.records.findSync('booking', {}).every((b) => b.status === 'approved')).toBe(true);
    // Bookings already over are not flagged.
    expect(flaggedBookings(desk.ws.db, tp('2022-03-02 18:00'))).toEqual([]);
  });

  it('refuses a space that is already a venue, and closing before opening', async () => {
    desk = await venueDesk();
    const base = {
      type: 'meeting_room',
      capacity: 10,
      equipment: [],
      opensAt: '08:00',
      closesAt: '18:00',
      bufferBefore: 0,
      bufferAfter: 0,
      approvalLevels: 1,
      bookableBy: 'agencies',
      fee: 0,
      deposit: 0,
      closures: [],
      notes: '',
    };
    expectRefused(await desk.run('venue.create', { id: 'v-x', spaceId: 'sp-mr1', ...base }), 'venues.spaceTaken');
    expectRefused(await desk.run('venue.update', { id: MR1, closesAt: '07:00' }), 'venues.hoursOrder');
    expect(await desk.ws.call('venues.list', {})).toHaveLength(3);
  });

  it('lists venues with their place names', async () => {
    desk = await venueDesk();
    const [aud] = await desk.ws.call('venues.list', {});
    expect(aud).toMatchObject({ id: AUD, nameZh: '大禮堂', siteNameZh: '四維行政中心', locationZh: '四維行政中心 / 行政大樓 / 1F', approvalLevels: 2 });
    void CAB;
  });
});
