/**
 * The one API between the screens and the workstation backend. Each call has a name,
 * a zod schema for its arguments (checked at the boundary: IPC in Electron, HTTP in the
 * browser shell) and a result type. The renderer's client and the backend's handler map
 * are both typed from here, so a renamed call fails the type check everywhere.
 */
import { z } from 'zod';
import type { Locale } from './dates';
import type { Entities, Kind } from './entities';
import { KINDS } from './entities';
import type { Problem } from './errors';
import { businessDate as inspectionDate } from './mutations/calendar';
import { ROUND_STATUSES } from './maintenance/inspections';
import type { AssetHistory, InspectionFigures, RoundDetail, RoundRow, TicketLine } from './maintenance/inspections-views';
import type { Role } from './roles';
import type { NumberKind } from './numbering';
import type { MyWorkItem } from './maintenance/my-work';
import type { CasesHandled } from './maintenance/report';
import type { Attachment } from './maintenance/tickets';
import { TICKET_CATEGORIES } from './maintenance/tickets';
import { savedFilterSchema, ticketFilterSchema, ticketSortSchema, MAX_SAVED_FILTERS, type TicketDetail, type TicketPage, type TicketPrefs, type TicketRow } from './maintenance/tickets-query';
import { isBusinessDate } from './dates';
import { businessDate, instant } from './venues/schemas';
import { ACTIVITY_TYPES, BOOKING_STATUSES, EQUIPMENT, VENUE_TYPES } from './venues/types';
import type { BookingCheck, BookingDetail, BookingView, CompetingGroup, FlaggedBooking, FreeSlot, VenueFigures, VenueView } from './venues/views';

const kind = z.enum(KINDS as [Kind, ...Kind[]]);
const locale = z.enum(['zh-TW', 'en']);
const short = z.string().max(200);
const importWhat = z.enum(['agency', 'person', 'space']);
const venueMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
/** Which bookings a list shows: those whose time overlaps [from, to). */
const bookingFilter = z.object({
  from: instant,
  to: instant,
  venueIds: z.array(short).max(500).optional(),
  siteId: short.optional(),
  statuses: z.array(z.enum(BOOKING_STATUSES)).max(BOOKING_STATUSES.length).optional(),
  activityTypes: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).optional(),
  agencyId: short.optional(),
  /** Matches number, event name, applicant, contact or letter number. */
  text: short.optional(),
  limit: z.number().int().min(1).max(50_000).optional(),
});

export const apiArgs = {
  'app.info': z.object({}).strict(),
  'app.setLocale': z.object({ locale }).strict(),
  'app.setAutoLock': z.object({ minutes: z.number().int().min(1).max(240) }).strict(),
  'auth.status': z.object({}).strict(),
  'auth.login': z.object({ username: short, password: z.string().max(200) }).strict(),
  'auth.lock': z.object({}).strict(),
  'auth.logout': z.object({}).strict(),
  'auth.createFirstAdmin': z.object({ username: short, displayName: short, password: z.string().max(200) }).strict(),
  'auth.setPassword': z.object({ userId: short, password: z.string().max(200) }).strict(),
  mutate: z.object({ name: z.string().max(80), args: z.unknown() }).strict(),
  'records.list': z.object({ kind, includeArchived: z.boolean().optional() }).strict(),
  'records.get': z.object({ kind, id: short }).strict(),
  'records.history': z.object({ kind, id: short }).strict(),
  'status.get': z.object({}).strict(),
  'sync.join': z.object({ serverUrl: z.string().url().max(200), username: short, password: z.string().max(200), deviceName: z.string().trim().min(1).max(60) }).strict(),
  'sync.now': z.object({}).strict(),
  'attention.list': z.object({}).strict(),
  'attention.discard': z.object({ id: short }).strict(),
  'attention.resubmit': z.object({ id: short, args: z.unknown() }).strict(),
  'demo.load': z.object({}).strict(),
  'demo.dismiss': z.object({}).strict(),
  'backup.list': z.object({}).strict(),
  'backup.create': z.object({}).strict(),
  'backup.restore': z.object({ name: z.string().max(200) }).strict(),
  'import.preview': z.object({ what: importWhat, fileBase64: z.string().max(14_000_000) }).strict(),
  'import.commit': z.object({ what: importWhat, fileBase64: z.string().max(14_000_000), onlyValid: z.boolean() }).strict(),
  'import.template': z.object({ what: importWhat }).strict(),
  'calendar.importCsv': z.object({ year: z.number().int().min(1990).max(2200), csv: z.string().max(2_000_000) }).strict(),
  // maintenance: repair tickets
  'tickets.page': z.object({ filter: ticketFilterSchema, sort: ticketSortSchema, offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) }).strict(),
  'tickets.get': z.object({ id: short }).strict(),
  'tickets.byNumber': z.object({ text: z.string().max(40) }).strict(),
  'tickets.openAt': z.object({ spaceId: short, category: z.enum(TICKET_CATEGORIES) }).strict(),
  'tickets.myWork': z.object({}).strict(),
  'tickets.export': z.object({ filter: ticketFilterSchema, sort: ticketSortSchema, format: z.enum(['xlsx', 'ods']) }).strict(),
  'tickets.figures': z.object({ from: z.string().refine(isBusinessDate, { message: 'date' }), to: z.string().refine(isBusinessDate, { message: 'date' }) }).strict(),
  'tickets.prefs': z.object({}).strict(),
  'tickets.savePrefs': z.object({ lastSpaceId: short.nullable().optional(), savedFilters: z.array(savedFilterSchema).max(MAX_SAVED_FILTERS).optional() }).strict(),
  'attachments.put': z.object({ name: z.string().trim().min(1).max(200), type: z.string().max(100), dataBase64: z.string().max(20_000_000) }).strict(),
  'attachments.get': z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  // venues
  'venues.list': z.object({ siteId: short.optional(), includeArchived: z.boolean().optional() }).strict(),
  'venues.bookings': bookingFilter.strict(),
  'venues.booking': z.object({ id: short }).strict(),
  'venues.check': z
    .object({
      venueId: short,
      start: instant,
      end: instant,
      bufferBefore: venueMinutes.optional(),
      bufferAfter: venueMinutes.optional(),
      attendees: z.number().int().min(0).max(100_000).optional(),
      equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
      applicantAgencyId: short.nullable().optional(),
      /** The booking being moved, left out of its own conflicts. */
      excludeId: short.optional(),
    })
    .strict(),
  'venues.freeSlots': z
    .object({
      start: instant,
      end: instant,
      siteId: short.optional(),
      venueIds: z.array(short).max(500).optional(),
      types: z.array(z.enum(VENUE_TYPES)).max(VENUE_TYPES.length).optional(),
      attendees: z.number().int().min(0).max(100_000).optional(),
      equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
      bufferBefore: venueMinutes.optional(),
      bufferAfter: venueMinutes.optional(),
      excludeId: short.optional(),
      /** How many slots at most (default 10). */
      limit: z.number().int().min(1).max(200).optional(),
    })
    .strict(),
  'venues.competing': z.object({ venueId: short.optional(), from: instant.optional(), to: instant.optional() }).strict(),
  'venues.flagged': z.object({}).strict(),
  'venues.displaced': z.object({}).strict(),
  'venues.figures': z.object({ from: businessDate, to: businessDate }).strict(),
  'venues.ical': z.object({ venueId: short.optional(), agencyId: short.optional() }).strict(),
  /** The address Outlook subscribes to on the LAN (the sync server's feed); null when there is no server to ask. */
  'venues.feedLink': z.object({ venueId: short.optional(), agencyId: short.optional() }).strict(),
  'venues.export': bookingFilter.extend({ format: z.enum(['xlsx', 'ods']) }).strict(),
  // inspections, projects and assets
  'inspections.rounds': z
    .object({
      from: inspectionDate.optional(),
      to: inspectionDate.optional(),
      statuses: z.array(z.enum(ROUND_STATUSES)).max(ROUND_STATUSES.length).optional(),
      planId: short.optional(),
      assigneeId: short.optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    })
    .strict(),
  'inspections.round': z.object({ id: short }).strict(),
  'inspections.missing': z.object({ from: inspectionDate, to: inspectionDate }).strict(),
  'inspections.figures': z.object({ from: inspectionDate, to: inspectionDate }).strict(),
  'assets.history': z.object({ id: short }).strict(),
  'projects.tickets': z.object({ id: short }).strict(),
} as const;

export type { ApiName } from './api-names';
import type { ApiName } from './api-names';

// The schemas and the name list must list the same calls (the type check fails otherwise).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: SameKeys<ApiName, keyof typeof apiArgs> = true;
void namesMatch;
export type ApiArgs<N extends ApiName> = z.input<(typeof apiArgs)[N]>;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface AppInfo {
  version: string;
  clientId: string;
  dataDir: string;
  locale: Locale;
  autoLockMinutes: number;
  /** No user and no reference data yet: offer the demo data. */
  offerDemo: boolean;
  serverUrl: string | null;
  shell: 'electron' | 'browser';
}

export interface SessionState {
  user: UserView | null;
  locked: boolean;
  hasUsers: boolean;
}

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; problem: Problem; message: string };

export interface StatusView {
  connection: 'standalone' | 'online' | 'offline' | 'syncing';
  pending: number;
  needsAttention: number;
  lastSyncAt: string | null;
  /** The last sync failure, in the user's language. */
  lastError: string | null;
  /** While a first sync streams in: records received so far. */
  progress: { received: number } | null;
  /** Kinds of printed numbers with few left in the blocks this workstation holds. */
  numbersLow: NumberKind[];
}

/** A write the server refused, kept with what the user typed until they resubmit or discard it. */
export interface AttentionItem {
  id: string;
  name: string;
  args: unknown;
  userId: string;
  at: string;
  /** The server's reason in the reader's language. */
  message: string;
  problem: Problem;
  conflict: unknown;
  refusedAt: string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  userId: string;
  userName: string;
  mutation: string;
  op: 'create' | 'update' | 'delete';
  changes: Record<string, [unknown, unknown]>;
}

export interface BackupView {
  name: string;
  at: string;
  bytes: number;
}

export interface ImportRowView {
  row: number;
  values: Record<string, string>;
  problems: string[];
}

export interface ImportPreview {
  columns: string[];
  rows: ImportRowView[];
  ok: number;
  bad: number;
}

export interface ApiResults {
  'app.info': AppInfo;
  'app.setLocale': AppInfo;
  'app.setAutoLock': AppInfo;
  'auth.status': SessionState;
  'auth.login': Outcome<{ user: UserView }>;
  'auth.lock': SessionState;
  'auth.logout': SessionState;
  'auth.createFirstAdmin': Outcome<{ user: UserView }>;
  'auth.setPassword': Outcome;
  mutate: Outcome<{ mutationId: number }>;
  'records.list': Entities[Kind][];
  'records.get': Entities[Kind] | null;
  'records.history': HistoryEntry[];
  'status.get': StatusView;
  'sync.join': Outcome;
  'sync.now': StatusView;
  'attention.list': AttentionItem[];
  'attention.discard': Outcome;
  'attention.resubmit': Outcome<{ mutationId: number }>;
  'demo.load': Outcome<{ records: number }>;
  'demo.dismiss': AppInfo;
  'backup.list': BackupView[];
  'backup.create': Outcome<{ backup: BackupView }>;
  'backup.restore': Outcome<{ clientId: string }>;
  'import.preview': Outcome<{ preview: ImportPreview }>;
  'import.commit': Outcome<{ imported: number }>;
  'import.template': { fileBase64: string; fileName: string };
  'calendar.importCsv': Outcome<{ imported: number; problems: string[] }>;
  // maintenance: repair tickets
  'tickets.page': TicketPage;
  'tickets.get': TicketDetail | null;
  'tickets.byNumber': { number: string | null; id: string | null };
  'tickets.openAt': TicketRow[];
  /** The signed-in technician's open tickets and rounds, overdue first. */
  'tickets.myWork': MyWorkItem[];
  'tickets.export': Outcome<{ fileBase64: string; fileName: string; mime: string }>;
  'tickets.figures': CasesHandled;
  'tickets.prefs': TicketPrefs;
  'tickets.savePrefs': Outcome<{ prefs: TicketPrefs }>;
  'attachments.put': Outcome<{ attachment: Attachment }>;
  'attachments.get': { dataBase64: string } | null;
  // venues
  'venues.list': VenueView[];
  'venues.bookings': BookingView[];
  'venues.booking': BookingDetail | null;
  'venues.check': BookingCheck;
  'venues.freeSlots': FreeSlot[];
  'venues.competing': CompetingGroup[];
  'venues.flagged': FlaggedBooking[];
  'venues.displaced': BookingView[];
  'venues.figures': VenueFigures;
  /** RFC 5545 text for a venue's or an agency's bookings (exactly one of the two). */
  'venues.ical': Outcome<{ text: string; fileName: string }>;
  'venues.feedLink': { url: string | null };
  'venues.export': { fileBase64: string; fileName: string };
  // inspections, projects and assets
  'inspections.rounds': RoundRow[];
  'inspections.round': RoundDetail | null;
  /** How many rounds due in the window are not made yet (generate makes them). */
  'inspections.missing': { count: number };
  'inspections.figures': InspectionFigures;
  'assets.history': AssetHistory;
  'projects.tickets': TicketLine[];
}

/** Pushed from the backend to the screens. */
export type ApiEvent = { type: 'status'; status: StatusView } | { type: 'changed'; kinds: Kind[] } | { type: 'session'; session: SessionState };

/** What the renderer sees as window.api (Electron preload) or its HTTP twin (browser shell). */
export interface WorkstationApi {
  call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResults[N]>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

export { API_NAMES } from './api-names';
