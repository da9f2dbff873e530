/**
 * What the sync server tells a Prometheus scraper at GET /metrics (prom-client, one
 * registry per server, so several servers in one process — the tests — count apart).
 * Counters live in the process's memory and start at 0 when it starts; the gauges are
 * read at each scrape. See docs/server.md for every series and what it means.
 */
import crypto from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import { newestBackup } from './backups';
import type { SqlDb } from './store/sql';
import { headSeq } from './store/sync-data';

export const readyResponse = z.object({ status: z.literal('ready'), engine: z.string() }).meta({ id: 'ReadyResponse' });
/** Prometheus' text exposition format (text/plain; version=0.0.4). */
export const metricsResponse = z.string().describe('Prometheus text format');

/** How long /readyz waits for the database. */
export const READY_TIMEOUT_MS = 2000;

/** Whether the database answers a trivial query in time; the reason when not. */
export async function databaseAnswers(db: SqlDb, timeoutMs = READY_TIMEOUT_MS): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([db.read((c) => c.all('SELECT 1 AS one')).then(() => null), late]);
  } catch (e) {
    return (e as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

/** How a scraper may read /metrics, from the server's options. */
export interface MetricsAccess {
  /** A long-lived scrape token (GA_METRICS_TOKEN); without one only loopback callers (and administrators) may read. */
  token?: string;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly latency: Histogram<'method' | 'route' | 'status'>;
  readonly mutations: Counter<'name' | 'outcome'>;
  /** Per device: the sequence number of the cursor it sent in its latest pull to this process. */
  private readonly pulledThrough = new Map<string, number>();

  constructor(
    private readonly db: SqlDb,
    connections: () => number,
    /** The folder the backups go to (none: no backups are made by this server). */
    backupsDir: string | undefined,
    now: () => Date,
  ) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'ga_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers });
    this.latency = new Histogram({
      name: 'ga_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.mutations = new Counter({ name: 'ga_mutations_total', help: 'Pushed mutations processed, by mutation name and outcome (applied or refused)', labelNames: ['name', 'outcome'], registers });
    new Gauge({
      name: 'ga_connected_workstations',
      help: 'Live change-feed connections (/events) open to this server process',
      registers,
      collect() {
        this.set(connections());
      },
    });
    const pulled = this.pulledThrough;
    const gaps = async () => {
      const head = await db.read(headSeq);
      return [...pulled.values()].map((seq) => Math.max(0, head - seq));
    };
    new Gauge({
      name: 'ga_pull_lag_changes',
      help: 'Changes (sequence numbers) the workstation furthest behind has yet to pull: head minus the cursor of its latest pull to this process',
      registers,
      async collect() {
        this.set(Math.max(0, ...(await gaps())));
      },
    });
    new Gauge({
      name: 'ga_workstations_behind',
      help: 'Workstations that pulled from this process whose latest cursor is behind the head',
      registers,
      async collect() {
        this.set((await gaps()).filter((g) => g > 0).length);
      },
    });
    new Gauge({
      name: 'ga_change_head_seq',
      help: 'The latest change sequence number of the database',
      registers,
      async collect() {
        this.set(await db.read(headSeq));
      },
    });
    new Gauge({
      name: 'ga_database_size_bytes',
      help: 'Size of the database (SQLite: its pages; PostgreSQL: pg_database_size)',
      registers,
      async collect() {
        this.set(await databaseBytes(db));
      },
    });
    new Gauge({
      name: 'ga_backup_newest_age_seconds',
      help: 'Age of the newest backup in the backups folder; +Inf when there is none',
      registers,
      collect() {
        const newest = backupsDir ? newestBackup(backupsDir) : undefined;
        this.set(newest ? Math.max(0, (now().getTime() - newest.at.getTime()) / 1000) : Infinity);
      },
    });
  }

  /** One mutation processed (after its transaction committed). */
  mutation(name: string, refused: boolean): void {
    this.mutations.inc({ name, outcome: refused ? 'refused' : 'applied' });
  }

  /** A workstation asked for the changes after `cursor` (`<database id>/<seq>`, or '' for all). */
  pulled(deviceId: string, cursor: string): void {
    const seq = /\/(\d{1,15})$/.exec(cursor)?.[1];
    this.pulledThrough.set(deviceId, seq ? Number(seq) : 0);
  }

  /** One answered request; `route` is the pattern it matched (e.g. /devices/:id/revoke), never the raw URL. */
  answered(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The database's size in bytes. */
export async function databaseBytes(db: SqlDb): Promise<number> {
  if (db.dialect === 'sqlite') {
    const rows = await db.read((c) => c.all<{ n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()'));
    return Number(rows[0]?.n ?? 0);
  }
  const rows = await db.read((c) => c.all<{ n: unknown }>('SELECT pg_database_size(current_database()) AS n'));
  return Number(rows[0]?.n ?? 0);
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
