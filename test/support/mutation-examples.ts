/**
 * One valid call of every named mutation, and the records those calls refer to. Shared by
 * the workstation's argument checks (electron/backend/mutation-validation.test.ts) and
 * the server's roles × mutations matrix (server/roles-matrix.test.ts): a new mutation
 * without an example here fails both, so none can skip either check.
 *
 * Each example must be valid against the fixture alone (every example is tried on its
 * own), for every role its mutation allows: a technician works on the ticket assigned to
 * them (user-role-technician is person-tech) and removes their own comment.
 */
import { ROLES, type Role } from '../../domain/roles';

/** Makes the fixture (unless a step says who), holding every role. */
export const FIXTURE_AUTHOR = 'user-admin';

/** The person a role's fixture user is: the technician one, and the agency account (of agency-1). */
const ROLE_PERSON: Partial<Record<Role, string>> = { technician: 'person-tech', agency_requester: 'person-1' };

/** The fixture's user holding only `role`. */
export const roleUser = (role: Role) => `user-role-${role}`;

/** A fixture step: a mutation, its arguments, and who makes it (default: FIXTURE_AUTHOR). */
export type FixtureStep = [name: string, args: Record<string, unknown>, by?: string];

const VENUE = {
  spaceId: 'space-1',
  type: 'meeting_room',
  capacity: 120,
  equipment: ['projector'],
  opensAt: '08:00',
  closesAt: '18:00',
  bufferBefore: 15,
  bufferAfter: 15,
  approvalLevels: 1,
  bookableBy: 'agencies',
  fee: 0,
  deposit: 0,
  closures: [],
  notes: '',
};
const PARTICULARS = {
  venueId: 'venue-1',
  applicantAgencyId: 'agency-1',
  applicantOrg: '',
  contactName: '王建國',
  contactPhone: '07-3368333',
  eventName: '局務會議',
  activityType: 'meeting',
  attendees: 30,
  equipment: [],
  letterNo: '',
  attachments: [],
  fee: 0,
  feeWaived: false,
  notes: '',
};
const BOOKING = { ...PARTICULARS, start: '2022-03-01T06:00:00.000Z', end: '2022-03-01T08:00:00.000Z' };
const SERIES = { ...PARTICULARS, rule: { freq: 'weekly', interval: 1, weekdays: [3] }, startDate: '2022-03-02', startTime: '09:00', endTime: '10:00', until: '2022-03-30', count: null };

/** Records every example can refer to; the "spare" ones are referred to by nothing, so they can be deleted. */
export const FIXTURE: FixtureStep[] = [
  ['site.create', { id: 'site-1', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' }],
  ['site.create', { id: 'site-spare', code: 'FS', nameZh: '鳳山行政中心', nameEn: '', address: '' }],
  ['building.create', { id: 'bldg-1', siteId: 'site-1', code: 'M', nameZh: '行政大樓', nameEn: '' }],
  ['building.create', { id: 'bldg-spare', siteId: 'site-1', code: 'O', nameZh: '戶外區', nameEn: '' }],
  ['floor.create', { id: 'floor-1', buildingId: 'bldg-1', name: '2F' }],
  ['floor.create', { id: 'floor-spare', buildingId: 'bldg-1', name: 'RF' }],
  ['space.create', { id: 'space-1', floorId: 'floor-1', nameZh: '市府第一會議室', kind: 'meeting_room', capacity: 120 }],
  ['space.create', { id: 'space-spare', floorId: 'floor-1', nameZh: '茶水間', kind: 'other' }],
  ['agency.create', { id: 'agency-1', code: 'CAB', nameZh: '民政局', officeSpaceIds: ['space-1'] }],
  ['agency.create', { id: 'agency-spare', code: 'FIN', nameZh: '財政局' }],
  ['person.create', { id: 'person-1', name: '王建國', kind: 'staff', agencyId: 'agency-1' }],
  ['person.create', { id: 'person-spare', name: '郭俊傑', kind: 'contractor', company: '永昇電梯' }],
  // FIXTURE_AUTHOR, holding every role so that each desk's fixture can be made.
  ['user.create', { id: 'user-admin', username: 'desk-admin', displayName: '管理者', personId: 'person-1', roles: [...ROLES] }],
  ['user.create', { id: 'user-spare', username: 'viewer', displayName: '檢視者', roles: ['viewer'] }],
  ['calendarDay.set', { date: '2022-01-31', kind: 'holiday', name: '農曆除夕' }],
  // venues
  ['venue.create', { id: 'venue-1', ...VENUE }],
  ['booking.create', { id: 'booking-1', ...BOOKING }],
  ['bookingSeries.create', { id: 'series-1', ...SERIES }],
  // inspections, projects and assets
  ['person.create', { id: 'person-tech', name: '張文雄', kind: 'technician' }],
  ['asset.create', { id: 'asset-1', code: 'EL-1', name: '客梯1號', kind: 'elevator', spaceId: 'space-1' }],
  ['asset.create', { id: 'asset-spare', name: '揚水泵浦', kind: 'pump', spaceId: 'space-1' }],
  [
    'inspectionPlan.create',
    {
      id: 'plan-1',
      name: '電梯每月保養',
      category: 'elevator',
      recurrence: { freq: 'monthly', interval: 1, day: 15 },
      startOn: '2022-01-01',
      spaceIds: ['space-1'],
      checklist: [
        { id: 'c1', text: '機房溫度' },
        { id: 'c2', text: '煞車' },
      ],
      assigneeId: 'person-tech',
    },
  ],
  [
    'inspectionPlan.create',
    {
      id: 'plan-spare',
      name: '消防年度檢修',
      category: 'fire',
      recurrence: { freq: 'yearly', interval: 1, month: 11, day: 10 },
      startOn: '2023-01-01',
      spaceIds: ['space-1'],
      checklist: [{ id: 'c1', text: '滅火器' }],
    },
  ],
  ['inspectionRound.generate', { from: '2022-01-01', to: '2022-03-31' }],
  ['inspectionRound.passRemaining', { id: 'round:plan-1:2022-01-15' }],
  ['inspectionRound.complete', { id: 'round:plan-1:2022-01-15', completedAt: '2022-01-17T06:00:00.000Z' }],
  ['inspectionRound.passRemaining', { id: 'round:plan-1:2022-02-15' }],
  ['project.create', { id: 'project-1', name: '電梯整修 第五期' }],
  ['project.create', { id: 'project-spare', name: '外牆修繕' }],
  ['projectPhase.create', { id: 'phase-1', projectId: 'project-1', name: '貨梯1號' }],
  ['projectPhase.create', { id: 'phase-spare', projectId: 'project-1', name: '貨梯2號' }],
  // repair tickets: one assigned to the technician, with a comment of theirs and a cost line
  ['person.create', { id: 'person-tech2', name: '陳志明', kind: 'technician' }],
  ...ROLES.map((role): FixtureStep => ['user.create', { id: roleUser(role), username: `role-${role}`, displayName: role, personId: ROLE_PERSON[role] ?? null, roles: [role] }]),
  ['ticket.create', { id: 'ticket-1', spaceId: 'space-1', category: 'plumbing', subject: '男廁漏水' }],
  ['ticket.transition', { id: 'ticket-1', changeId: 'change-1', status: 'assigned', assigneeId: 'person-tech' }],
  ['ticketComment.add', { id: 'comment-1', ticketId: 'ticket-1', body: '明早帶零件來' }, roleUser('technician')],
  ['ticketCost.add', { id: 'cost-1', ticketId: 'ticket-1', type: 'part', description: '止水閥', quantity: 1, unit: '個', unitPrice: 350 }],
  // parking: a car park with an annual permit, and two more car parks (one with an area to delete)
  ['space.create', { id: 'space-park', floorId: 'floor-1', nameZh: '地下停車場', kind: 'parking' }],
  ['space.create', { id: 'space-park2', floorId: 'floor-1', nameZh: '機車停車場', kind: 'parking' }],
  ['space.create', { id: 'space-park3', floorId: 'floor-1', nameZh: '屋頂停車場', kind: 'parking' }],
  ['parkingArea.create', { id: 'area-1', spaceId: 'space-park', capacityCar: 300, capacityMotorcycle: 500, permitTypes: ['annual', 'temporary'] }],
  ['parkingArea.create', { id: 'area-spare', spaceId: 'space-park2', capacityCar: 0, capacityMotorcycle: 200, permitTypes: ['temporary'] }],
  ['permit.issue', { id: 'permit-1', type: 'annual', areaId: 'area-1', holderName: '王小明', holderAgencyId: 'agency-1', plates: ['ABC-1234'], vehicleType: 'car', year: 2022 }],
  ['parkingQuota.set', { id: 'quota-1', agencyId: 'agency-1', siteId: 'site-1', type: 'temporary', year: 2022, quota: 10 }],
  [
    'permitApplication.file',
    { id: 'application-1', agencyId: 'agency-1', areaId: 'area-1', type: 'temporary', countAsked: 2, purpose: '運動會', validFrom: '2022-05-01', plates: ['AAA-1111', 'BBB-2222'] },
  ],
  ['permitApplication.file', { id: 'application-2', agencyId: 'agency-1', areaId: 'area-1', type: 'temporary', countAsked: 1, purpose: '研習', validFrom: '2022-05-02' }],
  ['permit.issue', { id: 'permit-app-1', type: 'temporary', areaId: 'area-1', holderName: '運動會', holderAgencyId: 'agency-1', plates: ['AAA-1111'], vehicleType: 'car', validFrom: '2022-05-01' }],
  // vehicles: a garage, a car, a driver, a waiting request and an assigned trip
  ['space.create', { id: 'space-garage', floorId: 'floor-1', nameZh: '公務車庫', kind: 'garage' }],
  ['person.create', { id: 'person-driver', name: '李志強', kind: 'driver' }],
  ['person.create', { id: 'person-driver2', name: '黃大明', kind: 'driver' }],
  ['vehicle.create', { id: 'veh-1', plate: 'ABC-1234', type: 'sedan', seats: 5, garageId: 'space-garage', nextServiceKm: 0 }],
  ['vehicle.create', { id: 'veh-spare', plate: 'ABC-9999', type: 'van', seats: 8 }],
  ['driverProfile.create', { id: 'drv-1', personId: 'person-driver', licenceClass: 'light' }],
  ['person.create', { id: 'person-driver3', name: '林志豪', kind: 'driver' }],
  ['driverProfile.create', { id: 'drv-spare', personId: 'person-driver3', licenceClass: 'bus' }],
  [
    'request.file',
    {
      id: 'req-1',
      source: 'online',
      agencyId: 'agency-1',
      requesterName: '王建國',
      passengers: 2,
      purpose: '會勘',
      stops: ['鳳山'],
      departAt: '2030-03-04T01:00:00.000Z',
      returnAt: '2030-03-04T04:00:00.000Z',
      distanceKm: 20,
    },
  ],
  [
    'request.file',
    {
      id: 'req-2',
      source: 'paper',
      paperNumber: 'P-001',
      agencyId: 'agency-1',
      requesterName: '王建國',
      passengers: 2,
      purpose: '開會',
      stops: ['左營'],
      departAt: '2030-03-05T01:00:00.000Z',
      returnAt: '2030-03-05T04:00:00.000Z',
      distanceKm: 20,
    },
  ],
  ['trip.assign', { id: 'trip-1', requestId: 'req-1', vehicleId: 'veh-1', driverId: 'drv-1' }],
];

/** One valid call of every mutation, against the fixture. */
export const EXAMPLES: Record<string, Record<string, unknown>> = {
  'site.create': { id: 'site-new', code: 'DM', nameZh: '市府員工宿舍', nameEn: 'Staff Dormitories', address: '高雄市苓雅區' },
  'site.update': { id: 'site-1', nameEn: 'Siwei Administrative Center' },
  'site.archive': { id: 'site-spare' },
  'site.restore': { id: 'site-spare' },
  'site.delete': { id: 'site-spare' },
  'building.create': { id: 'bldg-new', siteId: 'site-1', code: 'N', nameZh: '北棟', nameEn: '' },
  'building.update': { id: 'bldg-1', nameEn: 'Administration Building' },
  'building.archive': { id: 'bldg-spare' },
  'building.restore': { id: 'bldg-spare' },
  'building.delete': { id: 'bldg-spare' },
  'floor.create': { id: 'floor-new', buildingId: 'bldg-1', name: 'B1' },
  'floor.update': { id: 'floor-1', name: '3F', level: 3 },
  'floor.archive': { id: 'floor-spare' },
  'floor.restore': { id: 'floor-spare' },
  'floor.delete': { id: 'floor-spare' },
  'space.create': { id: 'space-new', floorId: 'floor-1', code: 'AUD', nameZh: '大禮堂', nameEn: 'Auditorium', kind: 'auditorium', capacity: 800 },
  'space.update': { id: 'space-1', capacity: 100 },
  'space.archive': { id: 'space-spare' },
  'space.restore': { id: 'space-spare' },
  'space.delete': { id: 'space-spare' },
  'agency.create': { id: 'agency-new', code: 'LAB', nameZh: '勞工局', nameEn: 'Labor Affairs Bureau', shortName: '勞工', phone: '07-7995678', officeSpaceIds: ['space-1'] },
  'agency.update': { id: 'agency-1', phone: '07-3368333' },
  'agency.archive': { id: 'agency-spare' },
  'agency.restore': { id: 'agency-spare' },
  'agency.delete': { id: 'agency-spare' },
  'person.create': { id: 'person-new', name: '張文雄', kind: 'technician', agencyId: 'agency-1', company: '', title: '水電技工', phoneExt: '2161', phone: '', email: 'wx.zhang@example.org' },
  'person.update': { id: 'person-1', title: '科長' },
  'person.archive': { id: 'person-spare' },
  'person.restore': { id: 'person-spare' },
  'person.delete': { id: 'person-spare' },
  'user.create': { id: 'user-new', username: 'tech', displayName: '張文雄', personId: null, roles: ['technician'] },
  'user.update': { id: 'user-spare', roles: ['viewer', 'guard'] },
  'user.archive': { id: 'user-spare' },
  'user.restore': { id: 'user-spare' },
  'user.delete': { id: 'user-spare' },
  'calendarDay.set': { date: '2022-02-28', kind: 'holiday', name: '和平紀念日' },
  'calendarDay.clear': { date: '2022-01-31' },
  'calendar.importYear': { year: 2022, source: '政府行政機關辦公日曆表', days: [{ date: '2022-10-10', kind: 'holiday', name: '國慶日' }] },
  // venues
  'venue.create': { id: 'venue-new', ...VENUE, spaceId: 'space-spare', type: 'auditorium', capacity: 800 },
  'venue.update': { id: 'venue-1', capacity: 100 },
  'venue.archive': { id: 'venue-1' },
  'venue.restore': { id: 'venue-1' },
  'booking.create': { id: 'booking-new', ...BOOKING, start: '2022-03-02T06:00:00.000Z', end: '2022-03-02T08:00:00.000Z' },
  'booking.update': { id: 'booking-1', attendees: 40 },
  'booking.move': { id: 'booking-1', start: '2022-03-03T06:00:00.000Z', end: '2022-03-03T08:00:00.000Z' },
  'booking.approve': { id: 'booking-1' },
  'booking.reject': { id: 'booking-1', reason: '同時段另有市長行程' },
  'booking.cancel': { id: 'booking-1', reason: '活動取消' },
  'bookingSeries.create': { id: 'series-new', ...SERIES, startDate: '2022-03-03', rule: { freq: 'weekly', interval: 1, weekdays: [4] } },
  'bookingSeries.update': { id: 'series-1', contactPhone: '07-3368444' },
  'bookingSeries.approve': { id: 'series-1' },
  'bookingSeries.reject': { id: 'series-1', reason: '改用視訊' },
  'bookingSeries.cancel': { id: 'series-1', reason: '停開' },
  // inspections, projects and assets
  'inspectionPlan.create': {
    id: 'plan-new',
    name: '登革熱孳生源巡檢',
    category: 'other',
    recurrence: { freq: 'weekly', interval: 1, weekdays: [1] },
    startOn: '2022-01-03',
    spaceIds: ['space-1'],
    checklist: [{ id: 'c1', text: '積水容器已清除' }],
  },
  'inspectionPlan.update': { id: 'plan-1', graceDays: 5 },
  'inspectionPlan.archive': { id: 'plan-spare' },
  'inspectionPlan.restore': { id: 'plan-spare' },
  'inspectionPlan.delete': { id: 'plan-spare' },
  'inspectionRound.generate': { from: '2022-04-01', to: '2022-04-30' },
  'inspectionItem.record': { roundId: 'round:plan-1:2022-03-15', spaceId: 'space-1', itemId: 'c1', outcome: 'pass' },
  'inspectionItem.openTicket': { roundId: 'round:plan-1:2022-03-15', spaceId: 'space-1', itemId: 'c2', ticketId: 'ticket-from-round', subject: '煞車異音', category: 'elevator' },
  'inspectionRound.passRemaining': { id: 'round:plan-1:2022-03-15' },
  'inspectionRound.complete': { id: 'round:plan-1:2022-02-15' },
  'inspectionRound.skip': { id: 'round:plan-1:2022-03-15', reason: '颱風停止上班' },
  'inspectionRound.reopen': { id: 'round:plan-1:2022-01-15' },
  'inspectionRound.assign': { id: 'round:plan-1:2022-03-15', assigneeId: 'person-tech' },
  'project.create': { id: 'project-new', name: '中央空調系統汰換工程', status: 'planned' },
  'project.update': { id: 'project-1', budget: 14800000 },
  'project.archive': { id: 'project-spare' },
  'project.restore': { id: 'project-spare' },
  'project.delete': { id: 'project-spare' },
  'projectPhase.create': { id: 'phase-new', projectId: 'project-1', name: '驗收' },
  'projectPhase.update': { id: 'phase-1', seq: 2 },
  'projectPhase.archive': { id: 'phase-spare' },
  'projectPhase.restore': { id: 'phase-spare' },
  'projectPhase.delete': { id: 'phase-spare' },
  'asset.create': { id: 'asset-new', code: 'CH-1', name: '冰水主機1號', kind: 'chiller', spaceId: 'space-1' },
  'asset.update': { id: 'asset-1', model: 'NEXIEZ-MRL' },
  'asset.archive': { id: 'asset-spare' },
  'asset.restore': { id: 'asset-spare' },
  'asset.delete': { id: 'asset-spare' },
  // repair tickets
  'ticket.create': { id: 'ticket-new', spaceId: 'space-1', category: 'elevator', subject: '電梯異音' },
  'ticket.update': { id: 'ticket-1', subject: '男廁洗手台漏水' },
  'ticket.transition': { id: 'ticket-1', changeId: 'change-new', status: 'in_progress' },
  'ticket.assign': { id: 'ticket-1', assigneeId: 'person-tech2' },
  'ticketComment.add': { id: 'comment-new', ticketId: 'ticket-1', body: '已換止水閥' },
  'ticketComment.remove': { id: 'comment-1' },
  'ticketCost.add': { id: 'cost-new', ticketId: 'ticket-1', type: 'labour', description: '技工 2 小時', quantity: 2, unit: '時', unitPrice: 500 },
  'ticketCost.remove': { id: 'cost-1' },
  'slaRule.set': { category: 'plumbing', priority: 'urgent', hours: 4 },
  'parkingArea.create': { id: 'area-new', spaceId: 'space-park3', capacityCar: 40, capacityMotorcycle: 0, permitTypes: ['temporary'] },
  'parkingArea.update': { id: 'area-1', capacityCar: 280 },
  'parkingArea.archive': { id: 'area-1' },
  'parkingArea.restore': { id: 'area-1' },
  'parkingArea.delete': { id: 'area-spare' },
  'permit.issue': { id: 'permit-new', type: 'temporary', areaId: 'area-1', holderName: '來賓', plates: ['XYZ-9876'], vehicleType: 'car', validFrom: '2022-03-02', validTo: '2022-03-03' },
  'permit.revoke': { id: 'permit-1', reason: '離職' },
  'parkingQuota.set': { id: 'quota-1', agencyId: 'agency-1', siteId: 'site-1', type: 'temporary', year: 2022, quota: 20 },
  'permitApplication.file': { id: 'application-new', agencyId: 'agency-1', areaId: 'area-1', type: 'annual', countAsked: 5, purpose: '年度配額', year: 2023 },
  'permitApplication.approve': { id: 'application-1', permitIds: ['permit-app-1'] },
  'permitApplication.reject': { id: 'application-2', reason: '場地未借用' },
  'permit.replace': { id: 'permit-1', newId: 'permit-1b', reason: '遺失' },
  'vehicle.create': { id: 'veh-new', plate: 'XYZ-5678', type: 'minibus', seats: 20 },
  'vehicle.update': { id: 'veh-1', seats: 4 },
  'vehicle.archive': { id: 'veh-1' },
  'vehicle.restore': { id: 'veh-1' },
  'vehicle.delete': { id: 'veh-spare' },
  'driverProfile.create': { id: 'drv-new', personId: 'person-driver2', licenceClass: 'bus' },
  'driverProfile.update': { id: 'drv-1', phone: '0912-345678' },
  'driverProfile.archive': { id: 'drv-1' },
  'driverProfile.restore': { id: 'drv-1' },
  'driverProfile.delete': { id: 'drv-spare' },
  'vehicle.unavailable': { id: 'vu-1', vehicleId: 'veh-1', from: '2030-04-01T00:00:00.000Z', to: '2030-04-02T00:00:00.000Z', reason: '定檢' },
  'driver.leave': { id: 'dl-1', driverId: 'drv-1', from: '2030-04-01T00:00:00.000Z', to: '2030-04-02T00:00:00.000Z' },
  'request.file': {
    id: 'req-new',
    source: 'online',
    agencyId: 'agency-1',
    requesterName: '王建國',
    passengers: 3,
    purpose: '會勘',
    stops: ['旗山'],
    departAt: '2030-03-06T01:00:00.000Z',
    returnAt: '2030-03-06T04:00:00.000Z',
    distanceKm: 60,
  },
  'request.cancel': { id: 'req-2', reason: '會議延期' },
  'trip.assign': { id: 'trip-new', requestId: 'req-2', vehicleId: 'veh-1', driverId: 'drv-1' },
  'trip.unassign': { id: 'trip-1' },
  'trip.cancel': { id: 'trip-1', reason: '取消' },
  'trip.log': { id: 'trip-1', odometerOut: 100, odometerIn: 130 },
  'vehicle.openService': { id: 'veh-1' },
};

/** The fixture in runs of one author each (a batch runs under one user). */
export function fixtureByAuthor(): { by: string; steps: { name: string; args: Record<string, unknown> }[] }[] {
  const runs: { by: string; steps: { name: string; args: Record<string, unknown> }[] }[] = [];
  for (const [name, args, by = FIXTURE_AUTHOR] of FIXTURE) {
    const last = runs.at(-1);
    if (last && last.by === by) last.steps.push({ name, args });
    else runs.push({ by, steps: [{ name, args }] });
  }
  return runs;
}
