/**
 * A workstation with a small venue desk for tests: one site with an auditorium (two-level
 * approval, outside groups welcome), a meeting room (clerk approves, agencies only) and a
 * small room that needs no approval; one agency; 2022-02-28 a holiday.
 */
import { expect } from 'vitest';
import type { Role } from '../../domain/roles';
import { taipeiInstant } from '../../domain/dates';
import type { BookingCreateArgs } from '../../domain/venues/schemas';
import { completeBookingArgs } from './booking-args';
import { tempDir } from './fresh-db';
import { signInAs } from './sign-in';
import type { Actor, MutationResult } from '../../electron/backend/mutation-runner';
import { Workstation } from '../../electron/backend/workstation';

export const T0 = '2022-02-01T02:00:00.000Z';

/** 'YYYY-MM-DD HH:MM' Taipei → UTC instant. */
export const tp = (wallClock: string) => taipeiInstant(wallClock.slice(0, 10), wallClock.slice(11));

const actor = (userId: string, roles: Role[]): Actor => ({ userId, roles, locale: 'zh-TW' });
export const ADMIN = actor('u-admin', ['admin']);
export const CLERK = actor('u-clerk', ['venue_clerk']);
export const CHIEF = actor('u-chief', ['supervisor']);
export const VIEWER = actor('u-viewer', ['viewer']);

export const AUD = 'v-aud';
export const MR1 = 'v-mr1';
export const MR2 = 'v-mr2';
export const CAB = 'ag-cab';

export async function venueDesk() {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  const run = (name: string, args: unknown, who: Actor = CLERK, at = T0): Promise<MutationResult> => ws.runner.run(name, args, who, at);
  const must = async (name: string, args: unknown, who: Actor = CLERK, at = T0) => {
    const r = await run(name, args, who, at);
    if (!r.ok) throw new Error(`${name}: ${r.message}`);
    return r;
  };
  await must('site.create', { id: 'site-sw', code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei', address: '' }, ADMIN);
  await must('building.create', { id: 'b-m', siteId: 'site-sw', code: 'M', nameZh: '行政大樓', nameEn: 'Main' }, ADMIN);
  await must('floor.create', { id: 'f-1', buildingId: 'b-m', name: '1F', level: 1 }, ADMIN);
  for (const [id, code, nameZh, kind, capacity] of [
    ['sp-aud', 'AUD', '大禮堂', 'auditorium', 800],
    ['sp-mr1', 'MR1', '市府第一會議室', 'meeting_room', 40],
    ['sp-mr2', 'MR2', '第二會議室', 'meeting_room', 20],
  ] as const) {
    await must('space.create', { id, floorId: 'f-1', code, nameZh, nameEn: code, kind, capacity }, ADMIN);
  }
  await must('agency.create', { id: CAB, code: 'CAB', nameZh: '民政局', nameEn: 'Civil Affairs Bureau', shortName: '民政局', phone: '07-1234567' }, ADMIN);
  await must('calendarDay.set', { date: '2022-02-28', kind: 'holiday', name: '和平紀念日' }, ADMIN);
  const base = { fee: 0, deposit: 0, closures: [], notes: '' };
  await must(
    'venue.create',
    {
      id: AUD,
      spaceId: 'sp-aud',
      type: 'auditorium',
      capacity: 800,
      equipment: ['projector', 'microphone', 'sound_system'],
      opensAt: '08:00',
      closesAt: '22:00',
      bufferBefore: 60,
      bufferAfter: 60,
      approvalLevels: 2,
      bookableBy: 'anyone',
      ...base,
      fee: 20000,
    },
    ADMIN,
  );
  await must(
    'venue.create',
    {
      id: MR1,
      spaceId: 'sp-mr1',
      type: 'meeting_room',
      capacity: 40,
      equipment: ['projector', 'video_conference'],
      opensAt: '08:00',
      closesAt: '18:00',
      bufferBefore: 15,
      bufferAfter: 15,
      approvalLevels: 1,
      bookableBy: 'agencies',
      ...base,
    },
    ADMIN,
  );
  await must(
    'venue.create',
    {
      id: MR2,
      spaceId: 'sp-mr2',
      type: 'meeting_room',
      capacity: 20,
      equipment: ['projector'],
      opensAt: '08:00',
      closesAt: '18:00',
      bufferBefore: 0,
      bufferAfter: 0,
      approvalLevels: 0,
      bookableBy: 'agencies',
      ...base,
    },
    ADMIN,
  );

  const get = (id: string) => ws.runner.records.getSync('booking', id);
  await signInAs(ws, ['venue_clerk'], CLERK.userId);
  return { ws, run, must, get, close: () => ws.close() };
}

export type Desk = Awaited<ReturnType<typeof venueDesk>>;

/** A complete booking.create argument, with what the test cares about overriding the rest. */
export function bookingArgs(id: string, over: Partial<BookingCreateArgs> & { from?: string; to?: string } = {}): BookingCreateArgs {
  const { from = '2022-03-01 14:00', to = '2022-03-01 16:00', ...rest } = over;
  return completeBookingArgs({ id, venueId: MR1, applicantAgencyId: CAB, eventName: `會議 ${id}`, attendees: 20, start: tp(from), end: tp(to), ...rest });
}

export function expectRefused(r: MutationResult, code: string) {
  expect(r.ok, r.ok ? 'accepted' : r.message).toBe(false);
  if (!r.ok) expect(r.problem.code).toBe(code);
  return r.ok ? undefined : r.problem;
}
