/**
 * Live updates: enrolled workstations keep a WebSocket open on GET /events (device token
 * in the Authorization header) and the server sends a poke when something they do not have
 * yet was committed. A poke carries the changes since the previous one when they are few
 * (`from` and `to` cursors and the changes, as a page of a pull): a workstation holding
 * `from` with nothing unsent applies them and is done, without a pull; any other pulls.
 * Two hundred workstations pulling after every poke kept the server busy answering the
 * same page; a poke that carries it is read and written once for all of them.
 *
 * On SQLite there is one server process: a push pokes this process's sockets once its
 * transaction committed. On PostgreSQL several processes may serve one database: each
 * change's transaction runs `pg_notify` (delivered at commit, never for a rollback), and
 * every process LISTENs on the channel of its database and pokes its own sockets.
 * Heartbeats (ping; no pong by the next one: the socket is closed) drop dead connections.
 *
 * Revoking a workstation closes its sockets at once (close code 4401, reason
 * auth.revoked), in every process: on PostgreSQL the revocation's transaction notifies
 * the same channel with `revoked:<device id>`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENTS_CLOSE_REVOKED, EVENTS_PATH, POKE } from '../domain/sync-protocol';
import { authenticate } from './auth';
import { HttpError } from './http-error';
import { revokedDeviceIds } from './store/auth-data';
import type { SqlConn, SqlDb } from './store/sql';
import { changesSince } from './store/changes';
import { databaseId, headSeq, makeCursor, prunedThrough } from './store/sync-data';

/** Pokes following the first within this many ms go out together at its end. */
const COALESCE_MS = 15;
/** A poke carries its changes up to this many (whole mutations) and bytes; more, and it says only "pull". */
const POKE_CHANGES = 500;
const POKE_BYTES = 64 * 1024;

interface Connection {
  deviceId: string;
  alive: boolean;
}

/** This process's open sockets, and the pokes sent to them. */
export class PokeHub {
  private readonly sockets = new Map<WebSocket, Connection>();
  private window: NodeJS.Timeout | undefined;
  private pending: Set<string | null> | null = null;
  /** Pokes go out in order: one is composed only when the one before it was sent. */
  private sending: Promise<void> = Promise.resolve();
  /** What a poke says (ChangeFeed makes it carry the changes); a bare poke otherwise. */
  message: () => Promise<string> = () => Promise.resolve(POKE);

  get size(): number {
    return this.sockets.size;
  }

  add(ws: WebSocket, deviceId: string): void {
    this.sockets.set(ws, { deviceId, alive: true });
    ws.on('pong', () => {
      const c = this.sockets.get(ws);
      if (c) c.alive = true;
    });
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => ws.terminate());
    // A workstation that just (re)connected may have missed pokes meanwhile.
    ws.send(POKE);
  }

  /**
   * Something changed, made by workstation `origin` (null: by the server, or unknown).
   * The first poke goes out at once; more within a short window are sent once at its
   * end, so a push of many mutations makes few pokes. The workstation that made the
   * change is not poked: it pulls after its push anyway.
   */
  poke(origin: string | null): void {
    if (this.window) {
      (this.pending ??= new Set()).add(origin);
      return;
    }
    this.send(new Set([origin]));
    this.window = setTimeout(() => this.endWindow(), COALESCE_MS);
    this.window.unref();
  }

  private endWindow(): void {
    this.window = undefined;
    const pending = this.pending;
    this.pending = null;
    if (pending) this.poke(pending.size === 1 ? [...pending][0] : null);
  }

  private send(origins: Set<string | null>): void {
    const skip = origins.size === 1 ? [...origins][0] : null;
    this.sending = this.sending.then(async () => {
      if (this.sockets.size === 0) return;
      // Composed for all at once; should reading the changes fail, "pull" is still true.
      const message = await this.message().catch(() => POKE);
      for (const [ws, c] of this.sockets) if (c.deviceId !== skip && ws.readyState === ws.OPEN) ws.send(message);
    });
  }

  /** Pings every socket; one that did not answer the previous ping is closed. */
  heartbeat(): void {
    for (const [ws, c] of this.sockets) {
      if (!c.alive) {
        ws.terminate();
        this.sockets.delete(ws);
        continue;
      }
      c.alive = false;
      ws.ping();
    }
  }

  /** The workstations with a socket open here. */
  deviceIds(): string[] {
    return [...new Set([...this.sockets.values()].map((c) => c.deviceId))];
  }

  /** Closes a revoked workstation's sockets; it is refused (401 auth.revoked) when it connects again. */
  closeDevice(deviceId: string): void {
    for (const [ws, c] of this.sockets) {
      if (c.deviceId !== deviceId) continue;
      this.sockets.delete(ws);
      ws.close(EVENTS_CLOSE_REVOKED.code, EVENTS_CLOSE_REVOKED.reason);
    }
  }

  closeAll(): void {
    clearTimeout(this.window);
    for (const ws of this.sockets.keys()) ws.close(1001, 'server stopping');
    this.sockets.clear();
  }
}

/** The NOTIFY channel of one database: every server process on it agrees, other databases differ. */
export function channelOf(dbId: string): string {
  return `ga_sync_${dbId.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/** A notification on the channel that is not a poke: a workstation's enrollment was revoked. */
const REVOKED = 'revoked:';

/** How a committed change, or a revocation, reaches every process's sockets. */
export class ChangeFeed {
  private listening: Promise<unknown> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  /** The sequence number the last poke's changes went up to; null before the first. */
  private pokedThrough: number | null = null;

  constructor(
    private readonly db: SqlDb,
    readonly hub: PokeHub,
    /** The NOTIFY channel on PostgreSQL; none on SQLite. */
    private readonly channel: string | null,
  ) {
    hub.message = () => this.nextPoke();
  }

  /**
   * The next poke: the changes committed since the previous poke, or a bare poke when
   * there is no previous one, when they are too many, or when deletions in between may
   * be pruned. Read like a pull's page, so a workstation applying it holds what a pull
   * from `from` would have given it.
   */
  private nextPoke(): Promise<string> {
    return this.db.read(async (c) => {
      const after = this.pokedThrough;
      const head = await headSeq(c);
      this.pokedThrough = head;
      // Nothing new (more pokes of one commit's mutations) still goes out, from the head to the head: a
      // workstation left out of the previous poke as its origin may need the others' changes in it.
      if (after === null || after > head || after < (await prunedThrough(c))) return POKE;
      const page = await changesSince(c, after, POKE_CHANGES);
      // Too many: the workstations pull up to the head, where the next poke starts.
      if (page.more || page.json.length > POKE_BYTES) return POKE;
      this.pokedThrough = page.through;
      const dbId = await databaseId(c);
      const json = typeof page.json === 'string' ? page.json : page.json.toString('utf8');
      return `{"type":"poke","from":${JSON.stringify(makeCursor(dbId, after))},"to":${JSON.stringify(makeCursor(dbId, page.through))},"changes":${json}}`;
    });
  }

  static async open(db: SqlDb, hub: PokeHub): Promise<ChangeFeed> {
    const channel = db.listen ? channelOf(await db.read(databaseId)) : null;
    const feed = new ChangeFeed(db, hub, channel);
    // The first poke carries what changed from now on.
    feed.pokedThrough = await db.read(headSeq);
    return feed;
  }

  /** Inside the write transaction of a change: tells every process, at commit. */
  async changedInTransaction(c: SqlConn, origin: string | null): Promise<void> {
    if (this.channel) await c.all('SELECT pg_notify(?, ?)', [this.channel, origin ?? '']);
  }

  /** After the transaction committed (on PostgreSQL the notification does it). */
  committed(origin: string | null): void {
    if (!this.channel) this.hub.poke(origin);
  }

  /** Inside the write transaction of a revocation: every process closes the workstation's sockets, at commit. */
  async revokedInTransaction(c: SqlConn, deviceId: string): Promise<void> {
    if (this.channel) await c.all('SELECT pg_notify(?, ?)', [this.channel, REVOKED + deviceId]);
  }

  /** After the revocation committed: this process closes the workstation's sockets at once (again when the notification comes: harmless). */
  revokedCommitted(deviceId: string): void {
    this.hub.closeDevice(deviceId);
  }

  /**
   * Closes the sockets here of workstations revoked meanwhile: after a socket joined (a
   * revocation may have committed between its authentication and then) and after the
   * listening connection came back (notifications may have been missed).
   */
  async closeRevoked(deviceIds: string[] = this.hub.deviceIds()): Promise<void> {
    if (deviceIds.length === 0) return;
    for (const id of await this.db.read((c) => revokedDeviceIds(c, deviceIds))) this.hub.closeDevice(id);
  }

  /** Starts listening when the first socket connects: a process nobody listens to needs no connection for it. */
  ready(): Promise<unknown> {
    if (!this.channel || !this.db.listen) return Promise.resolve();
    this.listening ??= this.db
      .listen(
        this.channel,
        (payload) => (payload.startsWith(REVOKED) ? this.hub.closeDevice(payload.slice(REVOKED.length)) : this.hub.poke(payload || null)),
        () => {
          this.hub.poke(null);
          void this.closeRevoked().catch(() => undefined);
        },
      )
      .then((stop) => (this.unlisten = stop))
      .catch((e: unknown) => {
        this.listening = undefined;
        throw e;
      });
    return this.listening;
  }

  async close(): Promise<void> {
    this.hub.closeAll();
    await this.listening?.catch(() => undefined);
    await this.unlisten?.();
  }
}

export interface EventsOptions {
  now: () => Date;
  /** How often sockets are pinged; one silent for a whole interval is closed. */
  heartbeatMs?: number;
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ statusCode: status, code, message });
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : status === 503 ? 'Service Unavailable' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Serves GET /events (WebSocket upgrades) on the app's HTTP server. */
export function serveEvents(app: FastifyInstance, db: SqlDb, feed: ChangeFeed, opts: EventsOptions): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  let closing = false;
  const heartbeat = setInterval(() => feed.hub.heartbeat(), opts.heartbeatMs ?? 30_000);
  heartbeat.unref();

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== EVENTS_PATH) return refuse(socket, 404, 'notFound', `There is no WebSocket at ${path}; connect to ${EVENTS_PATH}.`);
    if (closing) return refuse(socket, 503, 'server.stopping', 'The server is stopping; connect again shortly.');
    void (async () => {
      try {
        const caller = await authenticate(db, req.headers.authorization, opts.now());
        if (caller.type !== 'device') throw new HttpError(403, 'auth.deviceTokenRequired', 'Only an enrolled workstation listens for changes: use its device token.');
        await feed.ready();
        if (closing) return refuse(socket, 503, 'server.stopping', 'The server is stopping; connect again shortly.');
        wss.handleUpgrade(req, socket, head, (ws) => {
          feed.hub.add(ws, caller.device.id);
          // Revoked between the check above and now: the revocation found no socket to close.
          feed.closeRevoked([caller.device.id]).catch((e: unknown) => app.log.error({ err: e }, 'events revocation check failed'));
        });
      } catch (e) {
        if (e instanceof HttpError) return refuse(socket, e.statusCode, e.code, e.message);
        app.log.error({ err: e }, 'events connection failed');
        refuse(socket, 503, 'server.error', 'The server cannot take live connections now; pull on a timer meanwhile.');
      }
    })();
  });

  app.addHook('preClose', async () => {
    closing = true;
    clearInterval(heartbeat);
    await feed.close();
    wss.close();
  });
}
