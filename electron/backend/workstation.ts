/**
 * The workstation backend: one local database, the mutation runner, the signed-in
 * user, and the handler map behind the typed API. Electron's IPC and the browser
 * shell's HTTP both call `call()`; neither knows anything else about it.
 */
import path from 'node:path';
import { openDb, type Db } from '../../db/open';
import { clientIdOf, getMeta } from '../../db/meta';
import { apiCalls, type ApiArgs, type ApiEvent, type ApiName, type ApiResults, type AppInfo, type SessionState } from '../../domain/api';
import type { Locale } from '../../domain/dates';
import type { User } from '../../domain/entities';
import { MutationRunner, type Actor } from './mutation-runner';
import { checkpointBetweenWrites } from './checkpoints';
import { problemFromZod } from '../../domain/mutations';
import { mayCall, type CallDef } from '../../domain/call';
import { appHandlers } from './handlers/app';
import { authHandlers } from './handlers/auth';
import { recordHandlers } from './handlers/records';
import { backupHandlers } from './handlers/backup';
import { importHandlers } from './handlers/import';
import { demoHandlers } from './handlers/demo';
import { attentionHandlers } from './handlers/attention';
import { deskHandlers } from './desks';
import { reportHandlers } from './handlers/report';
import { attachmentHandlers } from './handlers/attachments';
import { Backups } from './backups';
import { AttachmentStore } from './attachments';
import { syncHandlers } from './handlers/sync';
import { updateHandlers, type UpdatePort } from './handlers/updates';
import { SyncClient } from './sync/sync-client';
import { SyncServerApi, VERSIONS } from './sync/server-api';
import { pinnedCertificate } from './sync/pin-store';
import { translate } from '../../domain/i18n';
import type { StatusView } from '../../domain/api';

export interface WorkstationOptions {
  dataDir: string;
  serverUrl?: string | null;
  shell: 'electron' | 'browser';
  version?: string;
  /** Minutes between automatic backups; 0 turns them off (tests). */
  backupEveryMinutes?: number;
  /** The Electron shell's updater (electron/main/updates.ts); the browser shell has none. */
  updates?: UpdatePort;
}

export type Handler<N extends ApiName> = (ws: Workstation, args: ApiArgs<N>) => Promise<ApiResults[N]> | ApiResults[N];
export type HandlerMap = { [N in ApiName]: Handler<N> };

const handlers: HandlerMap = {
  ...appHandlers,
  ...authHandlers,
  ...recordHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...demoHandlers,
  ...attentionHandlers,
  ...syncHandlers,
  ...attachmentHandlers,
  ...updateHandlers,
  ...deskHandlers,
  ...reportHandlers,
};

/** A call whose arguments fail the API schema: a 400 in the browser shell, a rejected invoke in Electron. */
export class ApiInputError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ApiInputError';
  }
}

/** A call the session may not make: 401 with nobody signed in (or the screen locked), 403 for the wrong roles. */
export class ApiAccessError extends ApiInputError {
  constructor(message: string, status: 401 | 403) {
    super(message, status);
    this.name = 'ApiAccessError';
  }
}

export class Workstation {
  db: Db;
  runner: MutationRunner;
  readonly backups: Backups;
  session: { user: User | null; locked: boolean } = { user: null, locked: false };
  private readonly listeners = new Set<(e: ApiEvent) => void>();
  readonly dbFile: string;
  /** Stops the WAL checkpoints of the current database (see checkpoints.ts). */
  private stopCheckpoints: (() => void) | null = null;
  /** The sync client, once this workstation has joined a server. */
  sync: SyncClient | null = null;

  constructor(readonly options: WorkstationOptions) {
    this.dbFile = path.join(options.dataDir, 'workstation.sqlite');
    this.db = openDb(this.dbFile);
    clientIdOf(this.db);
    this.runner = this.attachRunner();
    this.backups = new Backups(this, options.backupEveryMinutes ?? 30);
    this.startSync();
  }

  /** The sync server: --server wins over the one this workstation joined. */
  get serverUrl(): string | null {
    return this.options.serverUrl ?? getMeta(this.db, 'serverUrl') ?? null;
  }

  /** The files kept with records, in the data folder beside the database. */
  get attachments(): AttachmentStore {
    return new AttachmentStore(path.join(this.options.dataDir, 'attachments'));
  }

  /** Starts syncing if this workstation has joined a server (it holds a device token). */
  startSync(): void {
    const url = this.serverUrl;
    this.runner.joinedToServer = !!url;
    if (!url || this.sync || !getMeta(this.db, 'deviceToken')) return;
    this.sync = new SyncClient(
      () => this.db,
      () => this.runner,
      new SyncServerApi(url, undefined, VERSIONS, () => pinnedCertificate(this.db)),
      () => this.emit({ type: 'status', status: this.status() }),
      this.attachments,
    );
    this.sync.start();
  }

  /** Stops the sync client and starts a new one (a re-pinned certificate, a new connection). */
  restartSync(): void {
    this.sync?.stop();
    this.sync = null;
    this.startSync();
  }

  private attachRunner(): MutationRunner {
    this.stopCheckpoints?.();
    this.stopCheckpoints = checkpointBetweenWrites(this.db);
    const runner = new MutationRunner(this.db);
    runner.joinedToServer = !!this.serverUrl;
    runner.onCommit((kinds, origin) => {
      this.emit({ type: 'changed', kinds });
      this.emit({ type: 'status', status: this.status() });
      // A write made here goes to the server at once when online.
      if (origin === 'local') void this.sync?.syncNow();
      // The signed-in person's roles changed elsewhere: the session follows at once.
      if (origin === 'sync' && kinds.includes('user')) this.refreshSessionUser();
    });
    return runner;
  }

  /** Re-reads the signed-in user; one archived meanwhile is signed out. */
  refreshSessionUser(): void {
    const current = this.session.user;
    if (!current) return;
    const fresh = this.runner.records.getSync('user', current.id);
    if (fresh && JSON.stringify(fresh) === JSON.stringify(current)) return;
    this.session = fresh && !fresh.archived ? { ...this.session, user: fresh } : { user: null, locked: false };
    this.emit({ type: 'session', session: this.sessionState() });
  }

  /** Swaps in a database file (after a restore). */
  replaceDb(db: Db): void {
    this.db = db;
    this.runner = this.attachRunner();
  }

  /**
   * Who makes the current call: the signed-in user of the unlocked screen. Every call but
   * the sign-in screen's own has passed the access check in call(), so it is there.
   */
  get actor(): Actor {
    const user = this.session.locked ? null : this.session.user;
    if (!user) throw new ApiAccessError(translate(this.locale, 'error.notLoggedIn'), 401);
    return { userId: user.id, roles: user.roles, locale: this.locale };
  }

  get locale(): Locale {
    return (getMeta(this.db, 'locale') as Locale | undefined) ?? 'zh-TW';
  }

  info(): AppInfo {
    const hasUsers = this.runner.records.findSync('user', {}).length > 0;
    const hasPlaces = this.runner.records.findSync('site', {}).length > 0;
    return {
      version: this.options.version ?? '0.0.0',
      clientId: clientIdOf(this.db),
      dataDir: this.options.dataDir,
      locale: this.locale,
      autoLockMinutes: Number(getMeta(this.db, 'autoLockMinutes') ?? '10'),
      offerDemo: !hasUsers && !hasPlaces && getMeta(this.db, 'demoDismissed') !== '1',
      serverUrl: this.serverUrl,
      shell: this.options.shell,
    };
  }

  sessionState(): SessionState {
    const u = this.session.user;
    return {
      user: u ? { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles } : null,
      locked: this.session.locked,
      hasUsers: this.runner.records.findSync('user', { archived: false }).length > 0,
    };
  }

  status(): StatusView {
    const state = this.sync?.state;
    return {
      connection: state ? state.connection : this.serverUrl ? 'offline' : 'standalone',
      pending: this.runner.pendingCount(),
      needsAttention: (this.db.$client.prepare('SELECT count(*) AS n FROM needs_attention').get() as { n: number }).n,
      lastSyncAt: state?.lastSyncAt ?? null,
      lastError: state?.lastError ? this.syncErrorInWords(state.lastError) : null,
      progress: state?.progress ?? null,
      numbersLow: [...this.runner.numbersLow],
    };
  }

  private syncErrorInWords(error: NonNullable<SyncClient['state']['lastError']>): string {
    switch (error.code) {
      case 'sync.certificateChanged':
        return translate(this.locale, 'sync.error.certificateChanged', { pinned: error.detail?.pinned ?? '', presented: error.detail?.presented ?? '' });
      case 'unreachable':
        return translate(this.locale, 'sync.error.unreachable');
      case 'auth.revoked':
      case 'auth.invalidToken':
      case 'auth.missingToken':
        return translate(this.locale, 'sync.error.revoked');
      case 'sync.updateRequired':
        return translate(this.locale, 'sync.error.updateRequired');
      case 'sync.serverTooOld':
        return translate(this.locale, 'sync.error.serverTooOld');
      default:
        return translate(this.locale, 'sync.error.failed', { message: error.message });
    }
  }

  /** The one entry point: validates the arguments, then runs the handler. */
  async call<N extends ApiName>(name: N, rawArgs: unknown): Promise<ApiResults[N]> {
    if (!Object.prototype.hasOwnProperty.call(apiCalls, name)) throw new ApiInputError(`unknown call: ${String(name).slice(0, 80)}`, 404);
    const { args: schema, access } = apiCalls[name];
    const user = this.session.locked ? null : this.session.user;
    if (!mayCall(access, { signedIn: !!user, roles: user?.roles ?? [] })) {
      throw user ? new ApiAccessError(translate(this.locale, 'error.forbidden', { action: name }), 403) : new ApiAccessError(translate(this.locale, 'error.notLoggedIn'), 401);
    }
    const parsed = schema.safeParse(rawArgs ?? {}, { reportInput: true });
    if (!parsed.success) {
      const problem = problemFromZod(parsed.error);
      throw new ApiInputError(`${name}: ${problem.field ?? 'args'} is not valid (${problem.code})`);
    }
    const accessOf = (apiCalls[name] as CallDef).accessOf;
    if (accessOf && !mayCall(accessOf(parsed.data), { signedIn: !!user, roles: user?.roles ?? [] })) throw new ApiAccessError(translate(this.locale, 'error.forbidden', { action: name }), 403);
    const handler = handlers[name] as Handler<N>;
    return handler(this, parsed.data as ApiArgs<N>);
  }

  onEvent(listener: (e: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: ApiEvent): void {
    for (const l of this.listeners) l(e);
  }

  close(): void {
    this.stopCheckpoints?.();
    this.sync?.stop();
    this.backups.stop();
    this.db.$client.close();
  }
}
