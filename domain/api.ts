/**
 * The one API between the screens and the workstation backend. Each call has a name,
 * a zod schema for its arguments (checked at the boundary: IPC in Electron, HTTP in the
 * browser shell) and a result type. The renderer's client and the backend's handler map
 * are both typed from here, so a renamed call fails the type check everywhere.
 */
import { z } from 'zod';
import { defineCall, DESK_READERS, WRITERS } from './call';
import type { Locale } from './dates';
import { deskCalls, type DeskResults } from './desks';
import { reportCalls, type ReportResults } from './report/calls';
import type { Entities, Kind } from './entities';
import { IMPORT_ROLES, IMPORT_WHATS, importAccess } from './imports';
import { KINDS } from './entities';
import type { Outcome, Problem } from './errors';
import type { Attachment } from './attachments';
import type { Role } from './roles';
import type { NumberKind } from './numbering';
import type { UpdateView } from './updates';

const kind = z.enum(KINDS as [Kind, ...Kind[]]);
const locale = z.enum(['zh-TW', 'en']);
const short = z.string().max(200);
const importWhat = z.enum(IMPORT_WHATS);

const sharedCalls = {
  'app.info': defineCall(z.object({}).strict(), 'none'),
  'app.setLocale': defineCall(z.object({ locale }).strict(), 'none'),
  'app.setAutoLock': defineCall(z.object({ minutes: z.number().int().min(1).max(240) }).strict(), 'signedIn'),
  'auth.status': defineCall(z.object({}).strict(), 'none'),
  'auth.login': defineCall(z.object({ username: short, password: z.string().max(200) }).strict(), 'none'),
  'auth.lock': defineCall(z.object({}).strict(), 'none'),
  'auth.logout': defineCall(z.object({}).strict(), 'none'),
  'auth.createFirstAdmin': defineCall(z.object({ username: short, displayName: short, password: z.string().max(200) }).strict(), 'none'),
  'auth.setPassword': defineCall(z.object({ userId: short, password: z.string().max(200) }).strict(), 'signedIn'),
  mutate: defineCall(z.object({ name: z.string().max(80), args: z.unknown() }).strict(), 'signedIn'),
  'records.list': defineCall(z.object({ kind, includeArchived: z.boolean().optional() }).strict(), DESK_READERS),
  'records.get': defineCall(z.object({ kind, id: short }).strict(), DESK_READERS),
  'records.history': defineCall(z.object({ kind, id: short }).strict(), DESK_READERS),
  'status.get': defineCall(z.object({}).strict(), 'none'),
  'sync.join': defineCall(
    z.object({ serverUrl: z.string().url().max(200), username: short, password: z.string().max(200), deviceName: z.string().trim().min(1).max(60), fingerprint: short.optional() }).strict(),
    'none',
  ),
  'sync.certificate': defineCall(z.object({}).strict(), ['admin']),
  'sync.repin': defineCall(z.object({ fingerprint: short }).strict(), ['admin']),
  'sync.now': defineCall(z.object({}).strict(), 'signedIn'),
  'attention.list': defineCall(z.object({}).strict(), 'signedIn'),
  'attention.discard': defineCall(z.object({ id: short }).strict(), 'signedIn'),
  'attention.resubmit': defineCall(z.object({ id: short, args: z.unknown() }).strict(), 'signedIn'),
  'demo.load': defineCall(z.object({}).strict(), 'none'),
  'demo.dismiss': defineCall(z.object({}).strict(), 'none'),
  'backup.list': defineCall(z.object({}).strict(), ['admin']),
  'backup.create': defineCall(z.object({}).strict(), ['admin']),
  'backup.restore': defineCall(z.object({ name: z.string().max(200) }).strict(), ['admin']),
  // Each import kind says who may import it (domain/imports).
  'import.preview': defineCall(z.object({ what: importWhat, fileBase64: z.string().max(14_000_000) }).strict(), IMPORT_ROLES, importAccess),
  'import.commit': defineCall(z.object({ what: importWhat, fileBase64: z.string().max(14_000_000), onlyValid: z.boolean() }).strict(), IMPORT_ROLES, importAccess),
  'import.template': defineCall(z.object({ what: importWhat }).strict(), IMPORT_ROLES, importAccess),
  'calendar.importCsv': defineCall(z.object({ year: z.number().int().min(1990).max(2200), csv: z.string().max(2_000_000) }).strict(), ['admin', 'supervisor']),
  // attachments (photos, scanned letters) of any desk's records
  'attachments.put': defineCall(z.object({ name: z.string().trim().min(1).max(200), type: z.string().max(100), dataBase64: z.string().max(20_000_000) }).strict(), WRITERS),
  'attachments.get': defineCall(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), DESK_READERS),
  // updates from the sync server (Electron only; see domain/updates.ts)
  'update.status': defineCall(z.object({}).strict(), 'none'),
  'update.agree': defineCall(z.object({ version: z.string().max(50) }).strict(), 'signedIn'),
} as const;

/** Every call of the API: the shared ones, each desk's (see domain/desks.ts) and the report desk's, which reads them all. */
export const apiCalls = { ...sharedCalls, ...deskCalls, ...reportCalls } as const;

export type ApiName = keyof typeof apiCalls;

/** The names, for the main process's check of what the page sends. */
export const API_NAMES = Object.keys(apiCalls) as ApiName[];

export type ApiArgs<N extends ApiName> = z.input<(typeof apiCalls)[N]['args']>;

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

export type { Outcome } from './errors';

export interface StatusView {
  connection: 'standalone' | 'online' | 'offline' | 'syncing';
  pending: number;
  needsAttention: number;
  lastSyncAt: string | null;
  /** The last sync failure, in the user's language. */
  lastError: string | null;
  /** While everything is pulled: records received so far; `resync` when it replaces a copy the workstation had. */
  progress: { received: number; resync: boolean } | null;
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

export interface ApiResults extends DeskResults, ReportResults {
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
  /** The pinned fingerprint and the one the server presents now (null: not https, or out of reach, with why). */
  'sync.certificate': { pinned: string | null; presented: string | null; problem: string | null };
  'sync.repin': Outcome;
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
  'attachments.put': Outcome<{ attachment: Attachment }>;
  'attachments.get': { dataBase64: string } | null;
  'update.status': UpdateView;
  'update.agree': UpdateView;
}

/** Pushed from the backend to the screens. */
export type ApiEvent = { type: 'status'; status: StatusView } | { type: 'changed'; kinds: Kind[] } | { type: 'session'; session: SessionState } | { type: 'update'; update: UpdateView };

/** What the renderer sees as window.api (Electron preload) or its HTTP twin (browser shell). */
export interface WorkstationApi {
  call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResults[N]>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
