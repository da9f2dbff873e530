/**
 * The records every desk shares. Places form a tree: site 園區 → building 建築 →
 * floor 樓層 → space 空間 (room, office, venue, garage…). Instants are UTC ISO strings.
 */
import type { Role } from './roles';
import type { Asset } from './maintenance/assets';
import type { InspectionPlan, InspectionResult, InspectionRound } from './maintenance/inspections';
import type { Project, ProjectPhase } from './maintenance/projects';
import type { SlaRule, Ticket, TicketComment, TicketCost, TicketStatusChange } from './maintenance/tickets';
import type { Booking, BookingSeries, Venue } from './venues/types';

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

/** Every kind of synced record, by its name in mutations, audit and sync. */
export interface Entities {
  site: Site;
  building: Building;
  floor: Floor;
  space: Space;
  agency: Agency;
  agencyOffice: AgencyOffice;
  person: Person;
  user: User;
  calendarDay: CalendarDay;
  // maintenance: repair tickets
  ticket: Ticket;
  ticketStatusChange: TicketStatusChange;
  ticketComment: TicketComment;
  ticketCost: TicketCost;
  slaRule: SlaRule;
  venue: Venue;
  bookingSeries: BookingSeries;
  booking: Booking;
  // maintenance: inspections, projects, assets
  inspectionPlan: InspectionPlan;
  inspectionRound: InspectionRound;
  inspectionResult: InspectionResult;
  project: Project;
  projectPhase: ProjectPhase;
  asset: Asset;
}

export type Kind = keyof Entities;

export const KINDS: readonly Kind[] = [
  'site',
  'building',
  'floor',
  'space',
  'agency',
  'agencyOffice',
  'person',
  'user',
  'calendarDay',
  'venue',
  'bookingSeries',
  'booking',
  'ticket',
  'ticketStatusChange',
  'ticketComment',
  'ticketCost',
  'slaRule',
  'inspectionPlan',
  'inspectionRound',
  'inspectionResult',
  'project',
  'projectPhase',
  'asset',
];

/**
 * Who refers to whom: a record with references is archived, never deleted. Desks add
 * their own kinds here (a ticket refers to a space, a trip to a person).
 */
export const REFERENCES: Partial<Record<Kind, ReadonlyArray<readonly [Kind, string]>>> = {
  site: [['building', 'siteId']],
  building: [['floor', 'buildingId']],
  floor: [['space', 'floorId']],
  space: [
    ['ticket', 'spaceId'],
    ['agencyOffice', 'spaceId'],
    ['venue', 'spaceId'],
    ['asset', 'spaceId'],
    ['inspectionResult', 'spaceId'],
  ],
  agency: [
    ['ticket', 'reporterAgencyId'],
    ['person', 'agencyId'],
    ['agencyOffice', 'agencyId'],
    ['booking', 'applicantAgencyId'],
    ['bookingSeries', 'applicantAgencyId'],
  ],
  venue: [
    ['booking', 'venueId'],
    ['bookingSeries', 'venueId'],
  ],
  person: [
    ['ticket', 'assigneeId'],
    ['user', 'personId'],
    ['asset', 'maintainerId'],
    ['project', 'contractorId'],
    ['inspectionPlan', 'assigneeId'],
    ['inspectionRound', 'assigneeId'],
  ],
  inspectionPlan: [['inspectionRound', 'planId']],
  inspectionRound: [['inspectionResult', 'roundId']],
  project: [
    ['projectPhase', 'projectId'],
    ['ticket', 'projectId'],
  ],
  asset: [['ticket', 'assetId']],
};
