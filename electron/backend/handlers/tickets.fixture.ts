/**
 * A small maintenance world for tests and the benchmark: two centres with a few spaces, an
 * agency, two technicians, a contractor, a clerk and a technician who sign in. Written
 * through the mutation runner like data typed in by hand.
 */
import { newId } from '../../../domain/ids';
import type { Actor, MutationRunner } from '../mutation-runner';

/** An instant given as Taipei wall-clock time. */
export const tpe = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

export const world = {
  sites: { siwei: 'site-siwei', fengshan: 'site-fengshan' },
  buildings: { admin: 'bld-admin', front: 'bld-front' },
  spaces: { room1: 'sp-room1', toilet3: 'sp-toilet3', lobby: 'sp-lobby', fsOffice: 'sp-fs-office', archived: 'sp-old' },
  agency: 'ag-cab',
  people: { tech: 'p-zhang', tech2: 'p-xu', contractor: 'p-guo', staff: 'p-zhou' },
  users: { clerk: 'u-clerk', tech: 'u-tech', tech2: 'u-tech2', supervisor: 'u-sup', viewer: 'u-viewer' },
};

export const adminActor: Actor = { userId: 'u-admin', roles: ['admin'], locale: 'zh-TW' };
export const clerk: Actor = { userId: world.users.clerk, roles: ['maintenance_clerk'], locale: 'zh-TW' };
export const tech: Actor = { userId: world.users.tech, roles: ['technician'], locale: 'zh-TW' };
export const tech2: Actor = { userId: world.users.tech2, roles: ['technician'], locale: 'zh-TW' };
export const supervisor: Actor = { userId: world.users.supervisor, roles: ['supervisor'], locale: 'zh-TW' };
export const viewer: Actor = { userId: world.users.viewer, roles: ['viewer'], locale: 'zh-TW' };

export function worldMutations(): { name: string; args: unknown }[] {
  const { sites, buildings, spaces, people, users } = world;
  return [
    { name: 'site.create', args: { id: sites.siwei, code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei', address: '' } },
    { name: 'site.create', args: { id: sites.fengshan, code: 'FS', nameZh: '鳳山行政中心', nameEn: 'Fengshan', address: '' } },
    { name: 'building.create', args: { id: buildings.admin, siteId: sites.siwei, code: 'A', nameZh: '行政大樓', nameEn: '' } },
    { name: 'building.create', args: { id: buildings.front, siteId: sites.fengshan, code: 'F', nameZh: '前棟', nameEn: '' } },
    { name: 'floor.create', args: { id: 'fl-1f', buildingId: buildings.admin, name: '1F' } },
    { name: 'floor.create', args: { id: 'fl-3f', buildingId: buildings.admin, name: '3F' } },
    { name: 'floor.create', args: { id: 'fl-fs-2f', buildingId: buildings.front, name: '2F' } },
    { name: 'space.create', args: { id: spaces.room1, floorId: 'fl-3f', code: '301', nameZh: '市府第一會議室', kind: 'meeting_room' } },
    { name: 'space.create', args: { id: spaces.toilet3, floorId: 'fl-3f', nameZh: '男廁', kind: 'other' } },
    { name: 'space.create', args: { id: spaces.lobby, floorId: 'fl-1f', nameZh: '大廳', kind: 'other' } },
    { name: 'space.create', args: { id: spaces.fsOffice, floorId: 'fl-fs-2f', nameZh: '社會局辦公室', kind: 'office' } },
    { name: 'space.create', args: { id: spaces.archived, floorId: 'fl-1f', nameZh: '舊倉庫', kind: 'other' } },
    { name: 'space.archive', args: { id: spaces.archived } },
    { name: 'agency.create', args: { id: world.agency, code: 'CAB', nameZh: '民政局' } },
    { name: 'person.create', args: { id: people.tech, name: '張文雄', kind: 'technician', title: '水電技工' } },
    { name: 'person.create', args: { id: people.tech2, name: '許志偉', kind: 'technician', title: '空調技工' } },
    { name: 'person.create', args: { id: people.contractor, name: '郭俊傑', kind: 'contractor', company: '永昇電梯' } },
    { name: 'person.create', args: { id: people.staff, name: '周雅婷', kind: 'staff', agencyId: world.agency } },
    { name: 'user.create', args: { id: adminActor.userId, username: 'admin', displayName: '管理者', roles: ['admin'] } },
    { name: 'user.create', args: { id: users.clerk, username: 'maint', displayName: '王建國', roles: ['maintenance_clerk'] } },
    { name: 'user.create', args: { id: users.tech, username: 'tech', displayName: '張文雄', roles: ['technician'], personId: people.tech } },
    { name: 'user.create', args: { id: users.tech2, username: 'tech2', displayName: '許志偉', roles: ['technician'], personId: people.tech2 } },
    { name: 'user.create', args: { id: users.supervisor, username: 'sup', displayName: '林淑芬', roles: ['supervisor'] } },
    { name: 'user.create', args: { id: users.viewer, username: 'viewer', displayName: '蔡佩珊', roles: ['viewer'] } },
  ];
}

export async function buildWorld(runner: MutationRunner, at = tpe('2022-01-03', '08:00')): Promise<void> {
  const r = await runner.runBatch(worldMutations(), adminActor, at);
  if (!r.ok) throw new Error(`world: ${r.message} (#${r.index})`);
}

/** The arguments of a plain ticket, with overrides. */
export function ticketArgs(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    spaceId: world.spaces.toilet3,
    category: 'plumbing',
    priority: 'normal',
    subject: '男廁漏水',
    description: '洗手台下方水管漏水，地板濕滑',
    reporterName: '周雅婷',
    reporterAgencyId: world.agency,
    reporterPhoneExt: '3201',
    source: 'phone',
    ...over,
  };
}
