/**
 * The sync server's HTTP face (fastify). Every request body is checked with zod before
 * anything is read or written; every refusal is a 4xx in one JSON shape
 * {statusCode, code, message, field?}; only a fault of the server itself is a 500.
 * Logs are structured JSON without secrets: tokens and passwords are never logged.
 */
import type { Writable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AttemptLimiter, authenticate } from './auth';
import { rawPaths, registerAttachments } from './attachments';
import { FileReply } from './file-reply';
import { HttpError } from './http-error';
import { icalPaths, registerIcal } from './ical-routes';
import { JsonText } from './json-text';
import { onlinePaths, registerOnlinePage } from './online';
import { openApiDocument } from './openapi';
import { ChangeFeed, PokeHub, serveEvents } from './pokes';
import { BODY_LIMIT, EVENTS_PATH } from '../domain/sync-protocol';
import { endpoints, type ServerContext } from './routes';
import { migrate } from './store/migrations';
import { ServerMetrics } from './metrics';
import { backupsDirOf } from './backups';
import type { SqlDb } from './store/sql';

export interface ServerOptions {
  db: SqlDb;
  /** Log as JSON lines to this stream (default stdout), or not at all. */
  log?: { level?: string; stream?: Writable } | false;
  now?: () => Date;
  sessionHours?: number;
  /** Sign-in attempts allowed per user name and address, per minute. */
  loginAttemptsPerMinute?: number;
  /** Failed sign-ins of one account (from any address) that lock it out, and for how long (default 10 in 15 minutes). */
  lockout?: { failures: number; minutes: number };
  /** How often live connections (/events) are pinged; a silent one is closed at the next. */
  heartbeatMs?: number;
  /** The update channel's folder (server/updates.ts); main.ts gives <data>/updates. */
  updatesDir?: string | null;
  /** The token a Prometheus scraper sends to GET /metrics (none: loopback callers and administrators only). */
  metricsToken?: string;
  /** Where the backups are (for /metrics' age of the newest); default `<data>/backups` on SQLite. */
  backupsDir?: string;
  /** Serve HTTPS with this certificate and key (tls.ts); plain HTTP without. */
  tls?: { cert: string; key: string };
}

/** Where secrets could appear in a log line; pino replaces them. */
export const REDACTED_PATHS = ['req.headers.authorization', 'headers.authorization', 'authorization', 'password', 'token', '*.password', '*.token', 'body.password', 'req.body.password'];

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

function send(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  return reply
    .code(status)
    .type('application/json')
    .send({ statusCode: status, code, message, ...(field ? { field } : {}) });
}

/** A zod failure in words that name the field. */
function invalid(error: z.ZodError, what: string): HttpError {
  const issue = error.issues[0];
  // A key the schema does not take is named too (it sits beside the path, not in it).
  const extra = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...issue.path.map(String), ...(extra ? [extra] : [])].join('.');
  return new HttpError(400, 'request.invalid', field ? `${what} field "${field}": ${issue.message}` : `${what}: ${issue.message}`, field || undefined);
}

const inWords = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB (${bytes} bytes)` : `${bytes} bytes`);

/** Fastify's own refusals (body parsing) in our shape; `limit` is the body limit of the address asked. */
function fromFastify(err: FastifyError, limit: number): HttpError {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'request.tooLarge', `The request body is larger than ${inWords(limit)}, the most this address takes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'request.unsupportedMediaType', 'Send the body as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'request.invalid', 'The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'request.invalid', 'The Content-Length does not match the body.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'request.invalidJson', 'The body is not valid JSON.');
    default:
      // JSON.parse's SyntaxError and the prototype-poisoning guard carry no code of fastify's.
      if (err instanceof SyntaxError || !err.code) return new HttpError(400, 'request.invalidJson', 'The body is not valid JSON.');
      return new HttpError(err.statusCode ?? 400, 'request.invalid', err.message);
  }
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  await migrate(opts.db);
  const perMinute = opts.loginAttemptsPerMinute ?? 5;
  const feed = await ChangeFeed.open(opts.db, new PokeHub());
  const ctx: ServerContext = {
    db: opts.db,
    feed,
    now: opts.now ?? (() => new Date()),
    sessionMs: (opts.sessionHours ?? 12) * 3600_000,
    loginPerName: new AttemptLimiter(perMinute, 60_000),
    // Many names from one address: someone guessing, and every guess costs an scrypt.
    loginPerAddress: new AttemptLimiter(perMinute * 6, 60_000),
    updatesDir: opts.updatesDir ?? null,
    metrics: new ServerMetrics(opts.db, () => feed.hub.size, opts.backupsDir ?? (opts.db.filesDir ? backupsDirOf(opts.db.filesDir) : undefined), opts.now ?? (() => new Date())),
    metricsAccess: { token: opts.metricsToken || undefined },
    loginLockout: new AttemptLimiter(opts.lockout?.failures ?? 10, (opts.lockout?.minutes ?? 15) * 60_000),
  };

  const app = Fastify({
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' as const } } : {}),
    logger: opts.log === false ? false : { level: opts.log?.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(opts.log?.stream ? { stream: opts.log.stream } : {}) },
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return send(reply, err.statusCode, err.code, err.message, err.field);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const e = fromFastify(err, req.routeOptions.bodyLimit ?? BODY_LIMIT);
      return send(reply, e.statusCode, e.code, e.message);
    }
    req.log.error({ err }, 'request failed');
    return send(reply, 500, 'server.error', 'The server failed to answer; nothing of this request that failed was kept. Try again later.');
  });

  // Counted by the route's pattern (never the raw URL: ids would make a series each).
  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.answered(req.method, req.routeOptions.url ?? '(no route)', reply.statusCode, reply.elapsedTime / 1000);
  });

  app.setNotFoundHandler((req, reply) => send(reply, 404, 'notFound', `There is no ${req.method} ${req.url.split('?')[0]} on this server.`));

  for (const ep of endpoints) {
    app.route({
      method: ep.method,
      url: ep.path,
      handler: async (req, reply) => {
        const caller = ep.auth === 'none' ? null : await authenticate(ctx.db, req.headers.authorization, ctx.now());
        let body: unknown = undefined;
        if (ep.body) {
          const parsed = ep.body.safeParse(req.body);
          if (!parsed.success) throw invalid(parsed.error, 'The request');
          body = parsed.data;
        } else if (req.body !== undefined && !isEmptyObject(req.body)) {
          throw new HttpError(400, 'request.invalid', `${ep.method} ${ep.path} takes no body.`);
        }
        let params: unknown = undefined;
        if (ep.params) {
          const parsed = ep.params.safeParse(req.params);
          if (!parsed.success) throw invalid(parsed.error, 'The address');
          params = parsed.data;
        }
        const result = await ep.handler({ body, params, caller, ip: req.ip, ctx, header: (n, v) => void reply.header(n, v), authorization: req.headers.authorization });
        if (result instanceof FileReply) return reply.code(200).headers(result.headers).type(result.type).header('content-length', String(result.size)).send(result.stream());
        if (result instanceof JsonText)
          return reply
            .code(ep.status ?? 200)
            .type('application/json; charset=utf-8')
            .send(result.body);
        return reply.code(ep.status ?? 200).send(result);
      },
    });
  }

  await registerAttachments(app, ctx);
  await registerIcal(app, ctx);
  await registerOnlinePage(app);
  serveEvents(app, opts.db, feed, { now: ctx.now, heartbeatMs: opts.heartbeatMs });
  app.get(EVENTS_PATH, async () => {
    throw new HttpError(426, 'events.upgradeRequired', `${EVENTS_PATH} is a WebSocket: connect with an Upgrade request and the device token in the Authorization header.`);
  });

  const doc = openApiDocument(endpoints, { ...rawPaths, ...icalPaths, ...onlinePaths });
  app.get('/openapi.json', async () => doc);

  return app;
}
