/**
 * The workstation's side of sync. Push sends the outbox in order; pull fetches the
 * server's changes page by page and applies each with its cursor in one transaction
 * (rebase.ts). It runs when the server pokes (a WebSocket carrying no data), after every
 * local write, and on a slow timer as a fallback; when the server cannot be reached it
 * retries with backoff and the workstation simply goes on working offline.
 */
import WebSocket from 'ws';
import type { Db } from '../../../db/open';
import { getMeta, setMeta } from '../../../db/meta';
import type { MutationRunner } from '../mutation-runner';
import { applyPulledPage, isKept, recordKey } from './rebase';
import { attachmentHashes } from '../../../domain/attachments';
import { taipeiDateOf } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { mutationList } from '../../../domain/mutations';
import type { NumberKind } from '../../../domain/numbering';
import { addServerLease } from '../../../db/numbers';
import type { AttachmentStore } from '../attachments';
import { pokedChanges, ServerError, SyncServerApi, type PokedChanges, type PushedMutation } from './server-api';
import { EVENTS_CLOSE_REVOKED, pokeCovers, SCHEMA_VERSION, type PullResponse } from '../../../domain/sync-protocol';

export type Connection = 'online' | 'offline' | 'syncing';

export interface SyncState {
  connection: Connection;
  lastSyncAt: string | null;
  /** The last failure as a stable code (the screens put it in words). */
  lastError: { code: string; message: string; detail?: ServerError['detail'] } | null;
  /** While a first sync streams in: records received so far. */
  progress: { received: number; resync: boolean } | null;
}

const PUSH_BATCH = 500;
/** Below this many numbers left for a kind this year, ask the server for another block. */
const LEASE_TOP_UP_BELOW = 50;
const LEASE_BLOCK = 200;
/** The kinds of printed numbers some mutation gives out. */
const NUMBERED_KINDS = [...new Set(mutationList.flatMap((m) => (m.numbered ? [m.numbered.kind] : [])))];
/**
 * Records per pull. With the next page fetched while this one is applied, two pages are
 * held at once: 2,000 keeps a first sync of 100,000 records under 200 MB at the same speed
 * as 5,000 (223 MB).
 */
const PULL_PAGE = 2000;
const FALLBACK_POLL_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/** Failures that retrying will not fix: the device was revoked, or the app must be updated. */
const STOPPING = new Set(['auth.revoked', 'auth.invalidToken', 'auth.missingToken', 'sync.foreignClient', 'sync.certificateChanged']);

/**
 * Data pulled by an older release lacks what that release did not know (kinds, fields):
 * it skipped them and its cursor moved on. After an update that raised SCHEMA_VERSION the
 * workstation pulls everything again, once, from an empty cursor; until that pull is
 * through, `syncAgain` is set. Workstations from before this record have data of
 * version 1.
 */
function pullAgainAfterUpdate(db: Db): void {
  const recorded = getMeta(db, 'syncSchemaVersion');
  if (recorded === String(SCHEMA_VERSION)) return;
  const pulledWith = Number(recorded || 1);
  db.$client.transaction(() => {
    if (pulledWith < SCHEMA_VERSION && getMeta(db, 'syncCursor')) {
      setMeta(db, 'syncCursor', '');
      setMeta(db, 'syncAgain', '1');
    }
    setMeta(db, 'syncSchemaVersion', String(SCHEMA_VERSION));
  })();
}

/** Pull errors after which the workstation pulls everything again and replaces its copy, keeping its outbox. */
const RESYNC = new Set(['sync.resyncRequired', 'sync.resetRequired']);

/**
 * A file uploaded within the last day is not sent again. One uploaded earlier is: its
 * change is still waiting, and the server removes files no record refers to after a grace
 * period of days (server/prune.ts; at least two).
 */
const UPLOAD_FRESH_MS = 86_400_000;
const uploadedLately = (at: string | undefined) => !!at && /^\d{4}-\d\d-\d\dT/.test(at) && Date.now() - Date.parse(at) < UPLOAD_FRESH_MS;

interface OutboxRow {
  client_id: string;
  mutation_id: number;
  name: string;
  args: string;
  at: string;
  user_id: string;
}

export class SyncClient {
  state: SyncState = { connection: 'offline', lastSyncAt: null, lastError: null, progress: null };
  private running: Promise<void> | null = null;
  private again = false;
  private backoffMs = 1000;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private socket: WebSocket | null = null;
  private socketRetryMs = 1000;
  private socketTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: () => Db,
    private readonly runner: () => MutationRunner,
    readonly api: SyncServerApi,
    private readonly onState: (s: SyncState) => void,
    /** Where this workstation keeps attachment files (none: attachments are not carried). */
    private readonly files: AttachmentStore | null = null,
  ) {
    this.state.lastSyncAt = getMeta(db(), 'lastSyncAt') ?? null;
  }

  get deviceToken(): string | null {
    return getMeta(this.db(), 'deviceToken') ?? null;
  }

  start(): void {
    this.stopped = false;
    if (!this.deviceToken) return;
    this.connectEvents();
    this.pollTimer = setInterval(() => void this.syncNow(), FALLBACK_POLL_MS);
    this.pollTimer.unref();
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.socketTimer) clearTimeout(this.socketTimer);
    this.socket?.terminate();
    this.socket = null;
  }

  /**
   * Syncs now; a request while one runs makes it run once more after. Resolves when done.
   * `poked`: the changes a poke carried, applied instead of a sync when they fit.
   */
  syncNow(poked?: PokedChanges | null): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      this.again = false;
      if (!(poked && (await this.applyPoked(poked)))) this.again = true;
      while (this.again && !this.stopped) {
        this.again = false;
        await this.runOnce();
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private setState(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  private async runOnce(): Promise<void> {
    const token = this.deviceToken;
    if (!token || this.stopped) return;
    this.setState({ connection: 'syncing' });
    try {
      await this.pushAll(token);
      await this.pullAll(token);
      if (this.stopped) return;
      await this.topUpLeases(token);
      const now = new Date().toISOString();
      setMeta(this.db(), 'lastSyncAt', now);
      this.backoffMs = 1000;
      this.setState({ connection: 'online', lastSyncAt: now, lastError: null, progress: null });
    } catch (e) {
      // Closed while a request was out: the database is gone, nothing to record.
      if (this.stopped) return;
      const err = e instanceof ServerError ? e : new ServerError('sync.failed', 0, e instanceof Error ? e.message : String(e));
      this.setState({ connection: err.code === 'unreachable' ? 'offline' : 'online', lastError: { code: err.code, message: err.message, detail: err.detail }, progress: null });
      if (!STOPPING.has(err.code)) this.retryLater();
    }
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.syncNow();
    }, wait);
    this.retryTimer.unref();
  }

  /**
   * The server went back in time (restored from a backup): the writes it processed after
   * that backup are gone from it, while this workstation dropped them from its outbox.
   * They are kept a while (sent_mutation, rebase.ts); those the server no longer has go
   * back into the outbox ahead of the pending ones, in their order, to be pushed again
   * under their own ids (the server applies each once; one it refuses now comes back as
   * a refusal with what the user typed). Their files are uploaded again too: the
   * restored server may lack them. Returns how many went back.
   */
  private async recoverSent(token: string): Promise<number> {
    const db = this.db();
    const clients = (db.$client.prepare('SELECT DISTINCT client_id FROM sent_mutation UNION SELECT DISTINCT client_id FROM outbox').all() as { client_id: string }[]).map((r) => r.client_id);
    let moved = 0;
    for (const clientId of clients) {
      const { lastMutationId } = await this.api.push(token, clientId, []);
      if (this.stopped) return moved;
      moved += await this.runner().exclusive(async () => {
        const lost = db.$client.prepare('SELECT * FROM sent_mutation WHERE client_id = ? AND mutation_id > ? ORDER BY mutation_id').all(clientId, lastMutationId) as OutboxRow[];
        if (lost.length === 0) return 0;
        db.$client.transaction(() => {
          const pending = db.$client.prepare('SELECT client_id, mutation_id, name, args, user_id, at, undo FROM outbox ORDER BY seq').all() as (OutboxRow & { undo: string })[];
          const insert = db.$client.prepare('INSERT INTO outbox (client_id, mutation_id, name, args, user_id, at, undo) VALUES (?, ?, ?, ?, ?, ?, ?)');
          db.$client.prepare('DELETE FROM outbox').run();
          // Their effect is in the local records already (pulled then): nothing to roll back, hence no before-images.
          for (const r of lost) insert.run(r.client_id, r.mutation_id, r.name, r.args, r.user_id, r.at, '[]');
          for (const r of pending) insert.run(r.client_id, r.mutation_id, r.name, r.args, r.user_id, r.at, r.undo);
          db.$client.prepare('DELETE FROM sent_mutation WHERE client_id = ? AND mutation_id > ?').run(clientId, lastMutationId);
          for (const sha256 of new Set(lost.flatMap((r) => attachmentHashes(JSON.parse(r.args))))) setMeta(db, `uploaded:${sha256}`, '');
        })();
        return lost.length;
      });
    }
    return moved;
  }

  /** Sends the outbox in order, per client id (a restored workstation may hold two). */
  private async pushAll(token: string, recovered = false): Promise<void> {
    const rows = this.db().$client.prepare('SELECT client_id, mutation_id, name, args, at, user_id FROM outbox ORDER BY seq').all() as OutboxRow[];
    const byClient = new Map<string, OutboxRow[]>();
    for (const r of rows) {
      const list = byClient.get(r.client_id);
      if (list) list.push(r);
      else byClient.set(r.client_id, [r]);
    }
    for (const [clientId, list] of byClient) {
      for (let i = 0; i < list.length; i += PUSH_BATCH) {
        const batch: PushedMutation[] = list.slice(i, i + PUSH_BATCH).map((r) => ({ mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args), at: r.at, userId: r.user_id }));
        await this.uploadAttachments(token, batch);
        const reply = await this.api.push(token, clientId, batch);
        if (this.stopped) return;
        if (reply.gap && !recovered && (await this.recoverSent(token)) > 0) return this.pushAll(token, true);
        if (reply.gap) throw new ServerError('sync.gap', 0, `the server expected mutation ${reply.gap.expected} of ${clientId}`);
      }
    }
  }

  /**
   * Pulls until the server has nothing more, each page in one local transaction. A pull of
   * everything that replaces the local copy (a full resync, or the pull again after an
   * update) starts from the beginning until it is through: the records it brought are
   * known only to the run that fetched them. A server whose data was replaced (restored
   * from a backup: `409 sync.resetRequired`) first gets back the writes it lost.
   */
  /**
   * A poke's changes, applied as a pulled page when this workstation holds the cursor they
   * follow (or one they cover) and has nothing unsent, nothing pushed but unconfirmed, and no pull from the
   * start pending: then they are exactly what a pull would bring. False: sync instead.
   */
  private async applyPoked(poked: PokedChanges): Promise<boolean> {
    if (!this.deviceToken || this.stopped) return false;
    const db = this.db();
    const covers = pokeCovers(getMeta(db, 'syncCursor') ?? '', poked);
    const fits =
      covers !== 'pull' && getMeta(db, 'syncSchemaVersion') === String(SCHEMA_VERSION) && getMeta(db, 'syncAgain') !== '1' && !getMeta(db, 'syncResync') && this.runner().pendingCount() === 0;
    if (!fits) return false;
    if (covers === 'have') return true;
    try {
      // A write saved meanwhile is unsent: the rebase keeps it on top, and the sync it asks for pushes it.
      await applyPulledPage(db, this.runner(), { changes: poked.changes, cursor: poked.to, lastMutationIds: {}, refusals: [], renumbered: [] });
      await this.downloadAttachments(
        this.deviceToken,
        poked.changes.filter(isKept).map((c) => c.data),
      );
    } catch {
      return false;
    }
    const now = new Date().toISOString();
    setMeta(db, 'lastSyncAt', now);
    this.setState({ connection: 'online', lastSyncAt: now, lastError: null, progress: null });
    return true;
  }

  private async pullAll(token: string): Promise<void> {
    const db = this.db();
    const clientId = getMeta(db, 'clientId')!;
    pullAgainAfterUpdate(db);
    for (;;) {
      const again = getMeta(db, 'syncAgain') === '1';
      const resync = getMeta(db, 'syncResync') || '';
      const cursor = again || resync ? '' : (getMeta(db, 'syncCursor') ?? '');
      try {
        return await this.pullFrom(token, clientId, cursor, again, resync);
      } catch (e) {
        // Below the server's pruning horizon (or the server's data was replaced): everything again, keeping the outbox.
        if (!(e instanceof ServerError && RESYNC.has(e.code)) || cursor === '' || this.stopped) throw e;
        const pending = this.runner().pendingCount();
        if (e.code === 'sync.resetRequired') {
          await this.recoverSent(token);
          await this.pushAll(token, true);
          if (this.stopped) return;
        }
        // `<why>:<unsent writes>`, kept until the pull is through (a restart pulls everything again).
        setMeta(db, 'syncResync', `${e.code === 'sync.resetRequired' ? 'replaced' : 'pruned'}:${pending}`);
      }
    }
  }

  private async pullFrom(token: string, clientId: string, cursor: string, again: boolean, resync: string): Promise<void> {
    const first = !getMeta(this.db(), 'syncCursor') || resync !== '';
    const seen = again || resync ? new Set<string>() : null;
    let received = 0;
    let next: Promise<PullResponse> | null = this.api.pull(token, clientId, cursor, PULL_PAGE);
    while (next) {
      const page: PullResponse = await next;
      if (this.stopped) return;
      // The next page travels while this one is applied; its cursor is in this reply.
      next = page.more ? this.api.pull(token, clientId, page.cursor, PULL_PAGE) : null;
      next?.catch(() => undefined); // a failure surfaces when it is awaited
      for (const c of page.changes) if (seen && c.data !== null) seen.add(recordKey(c.kind, c.id));
      const [why, pending] = resync.split(':');
      const notice = resync ? { clientId, pending: Number(pending) || 0, replaced: why === 'replaced' } : undefined;
      const replace = seen && !page.more ? { seen, notice } : undefined;
      await applyPulledPage(this.db(), this.runner(), page, undefined, again, replace);
      if (!page.more) {
        if (again) setMeta(this.db(), 'syncAgain', '');
        if (resync) setMeta(this.db(), 'syncResync', '');
      }
      await this.downloadAttachments(
        token,
        page.changes.filter(isKept).map((c) => c.data),
      );
      received += page.changes.length;
      if (first) this.setState({ progress: { received, resync: resync !== '' } });
    }
  }

  /** Files go up before the mutations that refer to them (the server refuses a mutation whose file is missing). */
  private async uploadAttachments(token: string, batch: PushedMutation[]): Promise<void> {
    const db = this.db();
    for (const sha256 of new Set(batch.flatMap((m) => attachmentHashes(m.args)))) {
      if (!this.files || uploadedLately(getMeta(db, `uploaded:${sha256}`))) continue;
      const data = this.files.get(sha256);
      if (!data) continue; // not on this workstation: the server will say so for that mutation
      await this.api.putAttachment(token, sha256, data);
      setMeta(db, `uploaded:${sha256}`, new Date().toISOString());
    }
  }

  /** Files other workstations attached to the records that came down. */
  private async downloadAttachments(token: string, records: unknown[]): Promise<void> {
    for (const sha256 of new Set(records.flatMap((r) => attachmentHashes(r)))) {
      if (!this.files || this.files.get(sha256)) continue;
      const data = await this.api.getAttachment(token, sha256);
      if (data) this.files.putVerified(sha256, data);
    }
  }

  /** Keeps a block of printed numbers in hand for every numbered kind, this year. */
  private async topUpLeases(token: string): Promise<void> {
    const db = this.db();
    const clientId = getMeta(db, 'clientId')!;
    const year = Number(taipeiDateOf(new Date()).slice(0, 4));
    for (const kind of NUMBERED_KINDS as NumberKind[]) {
      const left = (db.$client.prepare('SELECT coalesce(sum(to_n - next_n + 1), 0) AS n FROM number_lease WHERE kind = ? AND year = ? AND next_n <= to_n').get(kind, year) as { n: number }).n;
      if (left >= LEASE_TOP_UP_BELOW) continue;
      // One request id per block wanted, kept until the block is stored: a retry after a lost reply gets the same block.
      const pending = `leaseRequest:${clientId}:${kind}:${year}`;
      const requestId = getMeta(db, pending) || newId();
      setMeta(db, pending, requestId);
      const lease = await this.api.lease(token, clientId, kind, year, LEASE_BLOCK, requestId);
      db.$client.transaction(() => {
        addServerLease(db, { kind: lease.kind, year: lease.year, from: lease.from, to: lease.to });
        setMeta(db, pending, ''); // none pending
      })();
      this.runner().numbersLow.delete(kind);
    }
  }

  /** The server's pokes: each means "something changed, pull". */
  private connectEvents(): void {
    if (this.stopped) return;
    const token = this.deviceToken;
    if (!token) return;
    const url = `${this.api.baseUrl.replace(/^http/, 'ws')}/events`;
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, ...this.api.socketTls() });
    this.socket = socket;
    socket.on('open', () => {
      this.socketRetryMs = 1000;
      void this.syncNow();
    });
    socket.on('message', (data) => void this.syncNow(pokedChanges(String(data))));
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      // Revoked: the sync that follows is refused (401 auth.revoked) and the state says so; reconnecting is pointless.
      if (code === EVENTS_CLOSE_REVOKED.code) return void this.syncNow();
      const wait = this.socketRetryMs;
      this.socketRetryMs = Math.min(this.socketRetryMs * 2, MAX_BACKOFF_MS);
      this.socketTimer = setTimeout(() => this.connectEvents(), wait);
      this.socketTimer.unref();
    });
  }
}
