/**
 * The network between simulated workstations and the sync server, under the test's
 * control. Each workstation talks real HTTP (its own SyncServerApi and fetch) to
 * `http://127.0.0.1:PORT/<station>/…`; this relay hands the request to the server
 * in-process (fastify inject) and can:
 * - be offline for a station (the connection is cut before the server sees anything),
 * - lose the request, or lose the reply after the server has handled it,
 * - deliver the request twice at once (a duplicated request),
 * - hold a copy and deliver it again later (a late duplicate), or deliver only later
 *   (a delayed request the workstation has already given up on).
 * Everything runs in one process and the relay decides in request order, so a schedule
 * that awaits each step replays exactly from its seed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export type Fault = 'pass' | 'loseRequest' | 'loseReply' | 'duplicate' | 'duplicateLater' | 'delay';

export interface Delivery {
  station: string;
  method: string;
  path: string;
  body: string;
  authorization: string | undefined;
}

export interface NetworkStats {
  requests: number;
  refusedOffline: number;
  faults: Record<Exclude<Fault, 'pass'>, number>;
  redelivered: number;
}

const emptyStats = (): NetworkStats => ({ requests: 0, refusedOffline: 0, faults: { loseRequest: 0, loseReply: 0, duplicate: 0, duplicateLater: 0, delay: 0 }, redelivered: 0 });

export class FaultyNetwork {
  private server: http.Server | null = null;
  private port = 0;
  /** The server every station reaches (a new one per schedule). */
  target: FastifyInstance | null = null;
  readonly offline = new Set<string>();
  /** Decides the fate of each request that reaches the relay while its station is online. */
  decide: (d: Delivery) => Fault = () => 'pass';
  /** Copies of requests to be delivered again later, oldest first. */
  held: Delivery[] = [];
  /** Stations whose requests are served now; anything else (a background retry) finds the line cut. */
  readonly active = new Set<string>();
  /** Paths whose requests are lost for now (e.g. '/pull', for a workstation that only gets its push through). */
  readonly blockedPaths = new Set<string>();
  stats: NetworkStats = emptyStats();

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A new schedule: a new server, every station online, nothing held. */
  reset(target: FastifyInstance): void {
    this.target = target;
    this.offline.clear();
    this.active.clear();
    this.blockedPaths.clear();
    this.held = [];
    this.decide = () => 'pass';
    this.stats = emptyStats();
  }

  baseUrl(station: string): string {
    return `http://127.0.0.1:${this.port}/${station}`;
  }

  /** Delivers a held request now; the reply goes nowhere. */
  async redeliver(index: number): Promise<void> {
    const [d] = this.held.splice(index, 1);
    if (!d) return;
    this.stats.redelivered += 1;
    await this.forward(d);
  }

  private async forward(d: Delivery) {
    const res = await this.target!.inject({
      method: d.method as 'POST',
      url: d.path,
      headers: { ...(d.authorization ? { authorization: d.authorization } : {}), 'content-type': 'application/json' },
      payload: d.body,
    });
    return { status: res.statusCode, body: res.body };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const m = /^\/([^/]+)(\/.*)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const d: Delivery = { station: m[1], path: m[2], method: req.method ?? 'GET', body: Buffer.concat(chunks).toString('utf8'), authorization: req.headers.authorization };
    this.stats.requests += 1;
    const cut = (): void => void req.socket.destroy();
    if (this.offline.has(d.station) || !this.active.has(d.station) || !this.target) {
      this.stats.refusedOffline += 1;
      return cut();
    }
    const fault = this.blockedPaths.has(d.path) ? 'loseRequest' : this.decide(d);
    if (fault !== 'pass') this.stats.faults[fault] += 1;
    switch (fault) {
      case 'loseRequest':
        return cut();
      case 'delay':
        this.held.push(d);
        return cut();
      case 'loseReply':
        await this.forward(d);
        return cut();
      case 'duplicate': {
        const [first] = await Promise.all([this.forward(d), this.forward(d)]);
        res.writeHead(first.status, { 'content-type': 'application/json' }).end(first.body);
        return;
      }
      case 'duplicateLater':
        this.held.push(d);
        break;
      case 'pass':
        break;
    }
    const reply = await this.forward(d);
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
  }
}
