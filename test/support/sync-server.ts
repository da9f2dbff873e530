/** A real sync server on 127.0.0.1 over embedded SQLite, and workstations joined to it, for workstation-side sync tests. */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../server/app';
import { createFirstAdmin } from '../../server/first-admin';
import { openSqlite } from '../../server/store/sqlite';
import type { SqlDb } from '../../server/store/sql';
import { Workstation } from '../../electron/backend/workstation';
import { tempDir } from './fresh-db';
import { loadOrCreateCertificate } from '../../server/tls';

export const SERVER_ADMIN = { username: 'admin', password: 'server-admin-1' };

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Its database, for a test that plays a server of another release. */
  db: SqlDb;
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after a stop). */
  restart(): Promise<RunningServer>;
  /** With `tls`: the SHA-256 fingerprint of the certificate it serves. */
  fingerprint?: string;
}

/** On embedded SQLite in `dataDir`, or on `db` when given (a suite run per storage engine, server-harness.ts). */
/** `tls`: over HTTPS with the certificate of its data folder (made on first start), as `npm run server -- --https`. */
export async function startSyncServer(opts: { dataDir?: string; port?: number; db?: SqlDb; tls?: boolean } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? tempDir('ga-sync-server-');
  const db: SqlDb = opts.db ?? openSqlite(dataDir);
  const tls = opts.tls ? await loadOrCreateCertificate(dataDir) : undefined;
  const app = (await buildServer({ db, log: false, ...(tls ? { tls } : {}) })) as FastifyInstance;
  await createFirstAdmin(db, SERVER_ADMIN.username, SERVER_ADMIN.password);
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(tls ? { fingerprint: tls.fingerprint } : {}),
    port,
    dataDir,
    db,
    async stop() {
      await app.close();
      await db.close();
    },
    restart: () => startSyncServer({ dataDir, port, tls: opts.tls }),
  };
}

const opened: Workstation[] = [];

/** A new browser-shell workstation on a fresh data folder; closeWorkstations() closes it. */
export function newWorkstation(): Workstation {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  opened.push(ws);
  return ws;
}

/** A new workstation joined to the server as `name` by its administrator, synced once unless told not to. */
export async function joinedWorkstation(url: string, name: string, opts: { firstSync?: boolean } = {}): Promise<Workstation> {
  const ws = newWorkstation();
  const joined = await ws.call('sync.join', { serverUrl: url, ...SERVER_ADMIN, deviceName: name });
  if (!('ok' in joined) || joined.ok !== true) throw new Error(`joining ${url} as ${name} failed: ${JSON.stringify(joined)}`);
  if (opts.firstSync !== false) await ws.call('sync.now', {});
  return ws;
}

/** Closes every workstation the test made (call it in afterEach). */
export function closeWorkstations(): void {
  opened.splice(0).forEach((w) => w.close());
}
