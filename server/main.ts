/**
 * `npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]`
 * `npm run server -- publish-update FILE [--notes TEXT]` (server/publish-update.ts)
 *
 * Embedded SQLite in DIR by default; with DATABASE_URL set, PostgreSQL. Binds 127.0.0.1
 * unless --host says otherwise. --init-admin makes the first administrator of a server
 * that has no users yet, with the password from GA_ADMIN_PASSWORD. SIGTERM or SIGINT
 * finish the requests in flight, then stop. Prunes daily after --retention-days
 * (server/prune.ts); `npm run server -- prune` prunes once and exits.
 *
 * `npm run server -- backup | restore FILE | mark-restored`: see server/backups.ts and
 * docs/server.md. On SQLite the running server takes a backup every --backup-every hours.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { buildServer } from './app';
import { backupsDirOf, DEFAULT_RETENTION, markRestored, PID_FILE, restoreBackup, RestoreError, scheduleBackups, takeBackup, type Retention } from './backups';
import { createFirstAdmin, FirstAdminError, hasUsers } from './first-admin';
import { MigrationError, migrate } from './store/migrations';
import { checkPruneOptions, prune, PruneOptionError, schedulePruning, DEFAULT_ATTACHMENT_GRACE_DAYS, DEFAULT_RETENTION_DAYS } from './prune';
import { openPostgres } from './store/postgres';
import type { SqlDb } from './store/sql';
import { openSqlite } from './store/sqlite';
import { publishUpdateCommand } from './publish-update';
import { loadOrCreateCertificate } from './tls';

const USAGE = `Usage: npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]
       npm run server -- prune [--data DIR] [--retention-days N] [--attachment-grace-days N]
  --data DIR         folder of the embedded SQLite database (default ./.data/sync-server)
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1; 0.0.0.0 serves the LAN)
  --init-admin NAME  on a server without users, make administrator NAME with the
                     password in the environment variable GA_ADMIN_PASSWORD
  --backup-every H   SQLite: take a backup every H hours into DIR/backups (default 24; 0: none)
  --backup-keep N    keep the N newest backups (default 14)
  --backup-keep-days D  also remove backups older than D days, the newest excepted (default 0: no limit)
Commands (the server's options --data and the retention apply):
  backup             take a backup of the SQLite store now (safe while the server runs)
  restore FILE       replace the SQLite store with a backup; the server must be stopped
  mark-restored      after restoring PostgreSQL with pg_restore: give the database a new id
  publish-update FILE [--notes TEXT]  publish an installer into DIR/updates for the workstations
  --retention-days N tombstones and mutation outcomes older than N days are pruned,
                     daily and by \`prune\` (default ${DEFAULT_RETENTION_DAYS}); a workstation offline
                     longer resyncs in full, keeping its unsent changes
  --attachment-grace-days N  files no record refers to, untouched for N days, are
                     removed (default ${DEFAULT_ATTACHMENT_GRACE_DAYS}, at least 2)
  prune              prune once now, print what went, and exit
  --https            serve HTTPS with the server's own certificate (tls-cert.pem and
                     tls-key.pem in the data folder, made on first start); the default
                     on any address but loopback
  --http             serve plain HTTP on a LAN address (only behind a TLS proxy)
  npm run server -- fingerprint [--data DIR]
                     print the SHA-256 fingerprint of the certificate workstations pin
Environment: DATABASE_URL=postgres://… runs on PostgreSQL instead of SQLite.
  GA_METRICS_TOKEN=…  the token a Prometheus scraper sends to /metrics (Authorization: Bearer …)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function options() {
  try {
    const { values, positionals } = parseArgs({
      options: {
        data: { type: 'string', default: '.data/sync-server' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'init-admin': { type: 'string' },
        'backup-every': { type: 'string', default: '24' },
        'backup-keep': { type: 'string', default: String(DEFAULT_RETENTION.keep) },
        'backup-keep-days': { type: 'string', default: String(DEFAULT_RETENTION.keepDays) },
        'retention-days': { type: 'string', default: String(DEFAULT_RETENTION_DAYS) },
        'attachment-grace-days': { type: 'string', default: String(DEFAULT_ATTACHMENT_GRACE_DAYS) },
        https: { type: 'boolean', default: false },
        http: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.https && values.http) fail(`--https and --http exclude each other.\n${USAGE}`);
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".\n${USAGE}`);
    const count = (flag: string, v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) fail(`--${flag} must be a number of 0 or more, not "${v}".\n${USAGE}`);
      return n;
    };
    const retention: Retention = { keep: Math.max(1, Math.floor(count('backup-keep', values['backup-keep']))), keepDays: count('backup-keep-days', values['backup-keep-days']) };
    const [command, ...rest] = positionals;
    if (command !== undefined && !['backup', 'restore', 'mark-restored', 'prune', 'fingerprint'].includes(command)) fail(`Unknown command "${command}".\n${USAGE}`);
    if (command === 'restore' && rest.length !== 1) fail(`restore takes one backup file.\n${USAGE}`);
    if (command !== 'restore' && rest.length > 0) fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
    const backup = { everyHours: count('backup-every', values['backup-every']), retention };
    const pruning = { retentionDays: Number(values['retention-days']), attachmentGraceDays: Number(values['attachment-grace-days']) };
    try {
      checkPruneOptions(pruning);
    } catch (e) {
      if (e instanceof PruneOptionError) fail(`${e.message}\n${USAGE}`);
      throw e;
    }
    const pruneNow = command === 'prune';
    const loopback = ['127.0.0.1', 'localhost', '::1'].includes(values.host);
    // Plain HTTP only on loopback, or when asked for by name.
    const https = values.https || (!loopback && !values.http);
    return { data: path.resolve(values.data), port, host: values.host, initAdmin: values['init-admin'], https, command: pruneNow ? undefined : command, file: rest[0], backup, pruneNow, pruning };
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

/** The commands that do one thing and exit: backup, restore, mark-restored. */
async function runCommand(opts: ReturnType<typeof options>, url: string | undefined): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (opts.command === 'mark-restored') {
      const db = url ? openPostgres(url) : openSqlite(opts.data);
      try {
        say(`The database has the new id ${await markRestored(db)}: workstations will pull everything again and push what it lacks.`);
      } finally {
        await db.close();
      }
    } else if (url) {
      fail(`On PostgreSQL, ${opts.command} is done with pg_dump and pg_restore (docs/server.md), then mark-restored.`, 2);
    } else if (opts.command === 'backup') {
      const b = await takeBackup(opts.data, opts.backup.retention);
      say(`Backup written: ${b.file} (${b.bytes} bytes)`);
    } else {
      const r = await restoreBackup(opts.data, path.resolve(opts.file!));
      say(
        `Restored ${opts.file} into ${opts.data}.${r.replaced ? ` The replaced database is kept at ${r.replaced}.` : ''} Start the server again; workstations will pull everything again and push what the backup lacks.`,
      );
    }
  } catch (e) {
    fail(e instanceof RestoreError ? e.message : `The ${opts.command} failed: ${(e as Error).message}`, 1);
  }
}

async function main() {
  if (process.argv[2] === 'publish-update')
    process.exit(
      await publishUpdateCommand(
        process.argv.slice(3),
        (s) => process.stdout.write(s),
        (s) => process.stderr.write(s),
      ),
    );
  const opts = options();
  if (opts.command === 'fingerprint') {
    const made = await loadOrCreateCertificate(opts.data);
    process.stdout.write(`${made.fingerprint}\n`);
    return;
  }
  const tls = opts.https ? await loadOrCreateCertificate(opts.data).catch((e: Error) => fail(`The sync server cannot read its certificate: ${e.message}`, 1)) : undefined;
  const url = process.env.DATABASE_URL;
  if (opts.command) return runCommand(opts, url);
  let db: SqlDb;
  let app: Awaited<ReturnType<typeof buildServer>>;
  if (opts.pruneNow) return pruneOnce(url, opts);
  try {
    db = url ? openPostgres(url, { onError: (e) => app?.log.error({ err: e }, 'idle database connection failed') }) : openSqlite(opts.data);
    app = await buildServer({ db, updatesDir: path.join(opts.data, 'updates'), metricsToken: process.env.GA_METRICS_TOKEN, backupsDir: backupsDirOf(opts.data), ...(tls ? { tls } : {}) });
  } catch (e) {
    if (e instanceof MigrationError) fail(e.message, 1);
    return fail(`The sync server cannot open its database: ${(e as Error).message}`, 1);
  }
  app.log.info({ engine: db.engine, ...(url ? {} : { data: opts.data }) }, 'database ready');
  const pruning = schedulePruning(db, opts.pruning, app.log);
  if (tls) app.log.info({ fingerprint: tls.fingerprint, created: tls.created }, `TLS certificate SHA-256 fingerprint ${tls.fingerprint} (workstations compare it when they join)`);
  else if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') app.log.warn('serving plain HTTP on a LAN address (--http): put a TLS proxy in front');

  if (opts.initAdmin) {
    try {
      const r = await createFirstAdmin(db, opts.initAdmin, process.env.GA_ADMIN_PASSWORD);
      if (r.created) app.log.info({ userId: r.userId, username: opts.initAdmin }, 'first administrator created');
      else app.log.info('the server already has users; --init-admin is ignored');
    } catch (e) {
      if (e instanceof FirstAdminError) fail(e.message, 2);
      throw e;
    }
  } else if (!(await hasUsers(db))) {
    app.log.warn('no users yet: start once with --init-admin NAME and the password in GA_ADMIN_PASSWORD');
  }

  const pidFile = path.join(opts.data, PID_FILE);
  if (!url) fs.writeFileSync(pidFile, String(process.pid));
  const backups =
    !url && opts.backup.everyHours > 0
      ? scheduleBackups(opts.data, {
          ...opts.backup,
          onDone: (b) => app.log.info({ backup: b.name, bytes: b.bytes }, 'backup written'),
          onError: (e) => app.log.error({ err: e }, 'backup failed'),
        })
      : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    app.log.info({ signal }, 'finishing requests in flight, then stopping');
    backups?.stop();
    await app.close();
    await pruning.stop();
    await db.close();
    if (!url) fs.rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    backups?.stop();
    await db.close();
    if (!url) fs.rmSync(pidFile, { force: true });
    fail(`The sync server cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`, 1);
  }
}

/** `npm run server -- prune`: once, beside a running server or not (the write lock keeps them apart). */
async function pruneOnce(url: string | undefined, opts: ReturnType<typeof options>): Promise<void> {
  const db = url ? openPostgres(url) : openSqlite(opts.data);
  try {
    await migrate(db);
    const r = await prune(db, opts.pruning);
    process.stdout.write(
      `Pruned through change ${r.horizon} (older than ${opts.pruning.retentionDays} days): ${r.tombstones} tombstones, ${r.results} mutation outcomes, ${r.attachments} orphaned files. Workstations that last synced before it pull everything again, keeping their unsent changes.\n`,
    );
  } catch (e) {
    if (e instanceof MigrationError) fail(e.message, 1);
    fail(`Pruning failed, nothing of the failed step was removed: ${(e as Error).message}`, 1);
  } finally {
    await db.close();
  }
}

main().catch((e) => fail(`The sync server stopped: ${(e as Error).stack ?? e}`, 1));
