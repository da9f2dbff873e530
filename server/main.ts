/**
 * `npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]`
 *
 * Embedded SQLite in DIR by default; with DATABASE_URL set, PostgreSQL. Binds 127.0.0.1
 * unless --host says otherwise. --init-admin makes the first administrator of a server
 * that has no users yet, with the password from GA_ADMIN_PASSWORD. SIGTERM or SIGINT
 * finish the requests in flight, then stop.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { createFirstAdmin, FirstAdminError, hasUsers } from './first-admin';
import { MigrationError } from './store/migrations';
import { openPostgres } from './store/postgres';
import type { SqlDb } from './store/sql';
import { openSqlite } from './store/sqlite';
import { loadOrCreateCertificate } from './tls';

const USAGE = `Usage: npm run server -- [--data DIR] [--port N] [--host H] [--init-admin NAME]
  --data DIR         folder of the embedded SQLite database (default ./.data/sync-server)
  --port N           port to listen on (default 8787; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1; 0.0.0.0 serves the LAN)
  --init-admin NAME  on a server without users, make administrator NAME with the
                     password in the environment variable GA_ADMIN_PASSWORD
  --https            serve HTTPS with the server's own certificate (tls-cert.pem and
                     tls-key.pem in the data folder, made on first start); the default
                     on any address but loopback
  --http             serve plain HTTP on a LAN address (only behind a TLS proxy)
  npm run server -- fingerprint [--data DIR]
                     print the SHA-256 fingerprint of the certificate workstations pin
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
        https: { type: 'boolean', default: false },
        http: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 1 || (positionals[0] && positionals[0] !== 'fingerprint')) fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
    if (values.https && values.http) fail(`--https and --http exclude each other.\n${USAGE}`);
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".\n${USAGE}`);
    const loopback = ['127.0.0.1', 'localhost', '::1'].includes(values.host);
    // Plain HTTP only on loopback, or when asked for by name.
    const https = values.https || (!loopback && !values.http);
    return { data: path.resolve(values.data), port, host: values.host, initAdmin: values['init-admin'], https, command: positionals[0] };
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

async function main() {
  const opts = options();
  if (opts.command === 'fingerprint') {
    const made = await loadOrCreateCertificate(opts.data);
    process.stdout.write(`${made.fingerprint}\n`);
    return;
  }
  const tls = opts.https ? await loadOrCreateCertificate(opts.data).catch((e: Error) => fail(`The sync server cannot read its certificate: ${e.message}`, 1)) : undefined;
  const url = process.env.DATABASE_URL;
  let db: SqlDb;
  let app: Awaited<ReturnType<typeof buildServer>>;
  try {
    db = url ? openPostgres(url, { onError: (e) => app?.log.error({ err: e }, 'idle database connection failed') }) : openSqlite(opts.data);
    app = await buildServer({ db, ...(tls ? { tls } : {}) });
  } catch (e) {
    if (e instanceof MigrationError) fail(e.message, 1);
    return fail(`The sync server cannot open its database: ${(e as Error).message}`, 1);
  }
  app.log.info({ engine: db.engine, ...(url ? {} : { data: opts.data }) }, 'database ready');
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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal: stop now
    stopping = true;
    app.log.info({ signal }, 'finishing requests in flight, then stopping');
    await app.close();
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

main().catch((e) => fail(`The sync server stopped: ${(e as Error).stack ?? e}`, 1));
