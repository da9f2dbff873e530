/**
 * The records every desk shares. Places form a tree: site 園區 → building 建築 →
 * floor 樓層 → space 空間 (room, office, venue, garage…). Instants are UTC ISO strings.
 */
import type { Role } from './roles';
import { MAINTENANCE_KINDS, MAINTENANCE_REFERENCES, type MaintenanceEntities } from './maintenance/kinds';
import { PARKING_KINDS, PARKING_REFERENCES, type ParkingEntities } from './parking/kinds';
import { VEHICLE_KINDS, VEHICLE_REFERENCES, type VehicleEntities } from './vehicles/kinds';
import { VENUE_KINDS, VENUE_REFERENCES, type VenueEntities } from './venues/kinds';

export const SPACE_KINDS = ['office', 'meeting_room', 'auditorium', 'atrium', 'garage', 'parking', 'plant_room', 'dormitory', 'outdoor', 'other'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const PERSON_KINDS = ['staff', 'technician', 'contractor', 'driver', 'guard'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** 放假 holiday, 補行上班 make-up working day, 停止上班 closure (typhoon). */
export const DAY_KINDS = ['holiday', 'workday', 'closure'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

interface Archivable {
  archived: boolean;
}

/** 園區, e.g. 四維行政中心 */
export interface Site extends Stamped, Archivable {
  code: string;
  nameZh: string;
  nameEn: string;
  address: string;
}

/** 建築, e.g. 鳳山行政中心 前棟 */
export interface Building extends Stamped, Archivable {
  siteId: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** 樓層: name as written on the sign (B1, 1F, RF); level orders them (B1 = -1). */
export interface Floor extends Stamped, Archivable {
  buildingId: string;
  name: string;
  level: number;
}

/** 空間: a room, office, venue, garage or outdoor area. */
export interface Space extends Stamped, Archivable {
  floorId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: SpaceKind;
  capacity: number | null;
}

/** 機關: an agency of the city government. */
export interface Agency extends Stamped, Archivable {
  code: string;
  nameZh: string;
  nameEn: string;
  shortName: string;
  phone: string;
}

/** Where an agency has its offices. */
export interface AgencyOffice extends Stamped {
  agencyId: string;
  spaceId: string;
}

/** 人員: staff, technicians, contractors' people, drivers, guards. */
export interface Person extends Stamped, Archivable {
  name: string;
  kind: PersonKind;
  agencyId: string | null;
  company: string;
  title: string;
  phoneExt: string;
  phone: string;
  email: string;
}

/** 使用者: who signs in. The password verifier is not part of it (secrets travel apart). */
export interface User extends Stamped, Archivable {
  username: string;
  displayName: string;
  personId: string | null;
  roles: Role[];
}

/** A day that departs from the Monday–Friday rule. id = the date. */
export interface CalendarDay extends Stamped {
  date: string;
  kind: DayKind;
  name: string;
}

/** The records every desk shares, by their names in mutations, audit and sync. */
export interface SharedEntities {
  site: Site;
  building: Building;
  floor: Floor;
  space: Space;
  agency: Agency;
  agencyOffice: AgencyOffice;
  person: Person;
  user: User;
  calendarDay: CalendarDay;
}

const SHARED_KINDS = ['site', 'building', 'floor', 'space', 'agency', 'agencyOffice', 'person', 'user', 'calendarDay'] as const satisfies readonly (keyof SharedEntities)[];

const SHARED_REFERENCES = [
  ['building', 'siteId', 'site'],
  ['floor', 'buildingId', 'building'],
  ['space', 'floorId', 'floor'],
  ['agencyOffice', 'spaceId', 'space'],
  ['agencyOffice', 'agencyId', 'agency'],
  ['person', 'agencyId', 'agency'],
  ['user', 'personId', 'person'],
] as const;

// Each desk declares its own kinds in domain/<desk>/kinds.ts; these lines only combine them.

/** Every kind of synced record, by its name in mutations, audit and sync. */
export interface Entities extends SharedEntities, VenueEntities, MaintenanceEntities, ParkingEntities, VehicleEntities {}

export type Kind = keyof Entities;

/** In the order a first sync and a demo load write them: shared records first. */
export const KINDS: readonly Kind[] = [...SHARED_KINDS, ...VENUE_KINDS, ...MAINTENANCE_KINDS, ...PARKING_KINDS, ...VEHICLE_KINDS];

type Reference = readonly [Kind, string, Kind];
const ALL_REFERENCES: readonly Reference[] = [...SHARED_REFERENCES, ...VENUE_REFERENCES, ...MAINTENANCE_REFERENCES, ...PARKING_REFERENCES, ...VEHICLE_REFERENCES];

/**
 * Who refers to whom, by the kind referred to: a record with references is archived,
 * never deleted.
 */
export const REFERENCES: Partial<Record<Kind, ReadonlyArray<readonly [Kind, string]>>> = byKindReferredTo(ALL_REFERENCES);

function byKindReferredTo(references: readonly Reference[]) {
  const out: Partial<Record<Kind, Array<readonly [Kind, string]>>> = {};
  for (const [from, field, to] of references) (out[to] ??= []).push([from, field]);
  return out;
}
