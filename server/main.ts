/**
 * `npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]`
 *
 * Embedded SQLite in DIR by default; with DATABASE_URL set, PostgreSQL. Binds 127.0.0.1
 * unless --host says otherwise. --init-admin makes the first administrator of a server
 * that has no users yet, with the password from GA_ADMIN_PASSWORD. SIGTERM or SIGINT
 * finish the requests in flight, then stop. Prunes daily after --retention-days
 * (server/prune.ts); `npm run server -- prune` prunes once and exits.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { createFirstAdmin, FirstAdminError, hasUsers } from './first-admin';
import { MigrationError, migrate } from './store/migrations';
import { checkPruneOptions, prune, PruneOptionError, schedulePruning, DEFAULT_ATTACHMENT_GRACE_DAYS, DEFAULT_RETENTION_DAYS } from './prune';
import { openPostgres } from './store/postgres';
import type { SqlDb } from './store/sql';
import { openSqlite } from './store/sqlite';

const USAGE = `Usage: npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]
       npm run server -- prune [--data DIR] [--retention-days N] [--attachment-grace-days N]
  --data DIR         folder of the embedded SQLite database (default ./.data/sync-server)
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1; 0.0.0.0 serves the LAN)
  --init-admin NAME  on a server without users, make administrator NAME with the
                     password in the environment variable GA_ADMIN_PASSWORD
  --retention-days N tombstones and mutation outcomes older than N days are pruned,
                     daily and by \`prune\` (default ${DEFAULT_RETENTION_DAYS}); a workstation offline
                     longer resyncs in full, keeping its unsent changes
  --attachment-grace-days N  files no record refers to, untouched for N days, are
                     removed (default ${DEFAULT_ATTACHMENT_GRACE_DAYS}, at least 2)
  prune              prune once now, print what went, and exit
Environment: DATABASE_URL=postgres://… runs on PostgreSQL instead of SQLite.`;

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
        'retention-days': { type: 'string', default: String(DEFAULT_RETENTION_DAYS) },
        'attachment-grace-days': { type: 'string', default: String(DEFAULT_ATTACHMENT_GRACE_DAYS) },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".\n${USAGE}`);
    if (positionals.length > 1 || (positionals[0] ?? 'prune') !== 'prune') fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
    const pruning = { retentionDays: Number(values['retention-days']), attachmentGraceDays: Number(values['attachment-grace-days']) };
    try {
      checkPruneOptions(pruning);
    } catch (e) {
      if (e instanceof PruneOptionError) fail(`${e.message}\n${USAGE}`);
      throw e;
    }
    return { data: path.resolve(values.data), port, host: values.host, initAdmin: values['init-admin'], pruneNow: positionals[0] === 'prune', pruning };
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

async function main() {
  const opts = options();
  const url = process.env.DATABASE_URL;
  let db: SqlDb;
  let app: Awaited<ReturnType<typeof buildServer>>;
  if (opts.pruneNow) return pruneOnce(url, opts);
  try {
    db = url ? openPostgres(url, { onError: (e) => app?.log.error({ err: e }, 'idle database connection failed') }) : openSqlite(opts.data);
    app = await buildServer({ db });
  } catch (e) {
    if (e instanceof MigrationError) fail(e.message, 1);
    return fail(`The sync server cannot open its database: ${(e as Error).message}`, 1);
  }
  app.log.info({ engine: db.engine, ...(url ? {} : { data: opts.data }) }, 'database ready');
  const pruning = schedulePruning(db, opts.pruning, app.log);

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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    app.log.info({ signal }, 'finishing requests in flight, then stopping');
    await app.close();
    await pruning.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (e) {
    await db.close();
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
