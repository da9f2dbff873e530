/**
 * Every endpoint of the sync server in one table: method, path, who may call it, the zod
 * schemas of its payloads and its handler. app.ts registers them and /openapi.json is
 * generated from the same table, so the description cannot drift from the code.
 */
import type { z } from 'zod';
import { newId } from '../domain/ids';
import type { User } from '../domain/entities';
import { AttemptLimiter, hashToken, newToken, requireAdmin, requireDevice, requireUser, view, DEVICE_TOKEN_PREFIX, USER_TOKEN_PREFIX, type Caller } from './auth';
import { faultAfterLease } from './faults';
import { HttpError } from './http-error';
import { checkPassword, DUMMY_VERIFIER, makeVerifier } from '../db/passwords';
import type { ChangeFeed } from './pokes';
import { onlineFile, onlineFiledResponse, onlineList, onlineListResponse, onlineMe, onlineMeResponse } from './online';
import { leaseNumbers } from './printed-numbers';
import * as p from '../domain/sync-protocol';
import { onlineRequestForm } from '../domain/vehicles/online';
import { deleteSession, getAccount, insertDevice, insertSession, listDevices, revokeDevice, revokeUser, setVerifier } from './store/auth-data';
import type { SqlDb } from './store/sql';
import { findRecords, getRecord } from './store/sync-data';
import { checkClient, pull, push, serverTooOld, updateRequired, versionVerdict } from './sync';
import { CONTENT_TYPES, serveInstaller, serveMetadata, updateFileParams, updateFileResponse } from './updates';
import { authenticate as authenticateCaller } from './auth';
import { databaseAnswers, isLoopback, metricsResponse, readyResponse, sameSecret, type MetricsAccess, type ServerMetrics } from './metrics';

export interface ServerContext {
  db: SqlDb;
  /** Tells connected workstations of committed changes. */
  feed: ChangeFeed;
  now: () => Date;
  /** How long a user token lasts. */
  sessionMs: number;
  loginPerName: AttemptLimiter;
  loginPerAddress: AttemptLimiter;
  /** The update channel's folder (server/updates.ts); null: nothing is published. */
  updatesDir: string | null;
  /** What /metrics tells; who may read it. */
  metrics: ServerMetrics;
  metricsAccess: MetricsAccess;
  /** Failed sign-ins per account from any address: past the limit the account is locked out for the window. */
  loginLockout?: AttemptLimiter;
}

export interface Call<B, P> {
  body: B;
  params: P;
  caller: Caller | null;
  ip: string;
  ctx: ServerContext;
  /** Sets a reply header (Retry-After). */
  header(name: string, value: string): void;
  /** The Authorization header as sent (for an endpoint that checks it itself). */
  authorization?: string;
}

export interface Endpoint<B extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  /** Which token it needs: none, an enrolled workstation's, a signed-in user's, an administrator's, an agency account's. */
  auth: 'none' | 'device' | 'user' | 'admin' | 'agency';
  body?: B;
  params?: P;
  status?: number;
  response: z.ZodType;
  /** A file reply's content type (the handler returns a FileReply); without it the reply is JSON. */
  produces?: string;
  /** The refusals it may answer with, besides 400 for a malformed request. */
  errors: Record<number, string>;
  handler(call: Call<z.output<B>, z.output<P>>): Promise<unknown> | unknown;
}

const define = <B extends z.ZodType, P extends z.ZodType>(e: Endpoint<B, P>) => e as unknown as Endpoint;

const AUTH_ERRORS = { 401: 'No token, a forged or expired one, or a revoked device or user', 403: 'The token may not do this' };
const AGENCY_ERRORS = { 401: AUTH_ERRORS[401], 403: 'Not an agency account (vehicles.online.notAgency), or one linked to no agency (vehicles.error.noAgency)' };

export const endpoints: Endpoint[] = [
  define({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness: the server answers and which versions it accepts',
    auth: 'none',
    response: p.healthResponse,
    errors: {},
    handler: ({ ctx }) => ({ status: 'ok', engine: ctx.db.engine, protocol: p.ACCEPTED.protocol, schema: p.ACCEPTED.schema }),
  }),
  define({
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: the database answers a trivial query within 2 seconds (503 server.notReady with the reason when not)',
    auth: 'none',
    response: readyResponse,
    errors: { 503: 'The database does not answer (server.notReady); the message says why' },
    async handler({ ctx }) {
      const reason = await databaseAnswers(ctx.db);
      if (reason) throw new HttpError(503, 'server.notReady', `The database does not answer: ${reason}`);
      return { status: 'ready', engine: ctx.db.engine };
    },
  }),
  define({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics (text format). Needs the scrape token (GA_METRICS_TOKEN) or an administrator; without a scrape token configured, callers on the loopback address may read it too',
    auth: 'none',
    response: metricsResponse,
    errors: { 401: 'A wrong scrape token, or a user token that is not valid', 403: 'Not the scrape token, not an administrator, and not on the loopback address' },
    async handler({ ctx, ip, header, authorization }) {
      const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      const token = ctx.metricsAccess.token;
      const scraper = Boolean(token && bearer && sameSecret(bearer, token));
      if (!scraper) {
        if (bearer && !bearer.startsWith(USER_TOKEN_PREFIX)) throw new HttpError(401, 'auth.invalidToken', 'The token is not valid.');
        if (bearer) requireAdmin(await authenticateCaller(ctx.db, authorization, ctx.now()));
        else if (token || !isLoopback(ip))
          throw new HttpError(
            403,
            'auth.forbidden',
            token ? 'Send the scrape token: "Authorization: Bearer <GA_METRICS_TOKEN>".' : 'Only the server itself may read /metrics without a token; set GA_METRICS_TOKEN for a scraper.',
          );
      }
      header('content-type', ctx.metrics.contentType);
      return ctx.metrics.text();
    },
  }),
  define({
    method: 'POST',
    path: '/login',
    summary: 'A person signs in with name and password and gets a user token',
    auth: 'none',
    body: p.loginRequest,
    response: p.loginResponse,
    errors: {
      401: 'Wrong name or password, or the user may not sign in',
      429: 'Too many attempts for this name from this address, or the account is locked out after failed attempts; see Retry-After',
    },
    async handler({ body, ip, ctx, header }) {
      const name = body.username.trim().toLowerCase();
      // Counted before the password is checked, so a burst cannot slip through meanwhile.
      const key = `${name}|${ip}`;
      const wait = ctx.loginPerName.hit(key) || ctx.loginPerAddress.hit(ip) || (ctx.loginLockout?.wait(name) ?? 0);
      if (wait > 0) {
        header('retry-after', String(wait));
        throw new HttpError(429, 'auth.tooManyAttempts', `Too many sign-in attempts; try again in ${wait} seconds.`);
      }
      const found = await ctx.db.read(async (c) => {
        const user = ((await findRecords(c, 'user', { archived: false })) as unknown as User[]).find((u) => u.username.toLowerCase() === name);
        return { user, account: user && (await getAccount(c, user.id)) };
      });
      const ok = await checkPassword(body.password, found.account?.verifier ?? DUMMY_VERIFIER);
      if (!found.user || !found.account?.verifier || found.account.revokedAt || !ok) {
        ctx.loginLockout?.hit(name);
        throw new HttpError(401, 'auth.loginFailed', 'Wrong user name or password.');
      }
      ctx.loginPerName.clear(key);
      ctx.loginLockout?.clear(name);
      const token = newToken(USER_TOKEN_PREFIX);
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + ctx.sessionMs).toISOString();
      await ctx.db.write((c) => insertSession(c, { tokenHash: hashToken(token), userId: found.user!.id, at: now.toISOString(), expiresAt }));
      return { token, expiresAt, user: view(found.user) };
    },
  }),
  define({
    method: 'POST',
    path: '/logout',
    summary: 'Ends the session of the user token sent',
    auth: 'user',
    response: p.okResponse,
    errors: AUTH_ERRORS,
    async handler({ caller, ctx }) {
      requireUser(caller!);
      if (caller?.type === 'user') await ctx.db.write((c) => deleteSession(c, caller.sessionHash));
      return { ok: true };
    },
  }),
  define({
    method: 'POST',
    path: '/push',
    summary: 'A workstation sends its outbox; each mutation is applied or refused exactly once, in order',
    auth: 'device',
    body: p.pushRequest,
    response: p.pushResponse,
    errors: { ...AUTH_ERRORS, 409: 'The workstation is newer than the server (sync.serverTooOld)' },
    handler({ body, caller, ctx }) {
      const device = requireDevice(caller!);
      // A workstation too old to pull may still hand in what people saved on it.
      if (versionVerdict(body) === 'tooNew') throw serverTooOld();
      return push(ctx.db, device, body, ctx.now, ctx.feed, ctx.metrics);
    },
  }),
  define({
    method: 'POST',
    path: '/pull',
    summary: 'A workstation fetches the changes after its cursor, a page at a time, with the outcome of its own mutations',
    auth: 'device',
    body: p.pullRequest,
    response: p.pullResponse,
    errors: {
      ...AUTH_ERRORS,
      409: 'The workstation is newer than the server (sync.serverTooOld), or its cursor is from other data (sync.resetRequired), or below the pruning horizon (sync.resyncRequired)',
      426: 'The workstation is too old: update it (sync.updateRequired)',
    },
    handler({ body, caller, ctx }) {
      const device = requireDevice(caller!);
      const verdict = versionVerdict(body);
      if (verdict === 'tooNew') throw serverTooOld();
      if (verdict === 'tooOld') throw updateRequired();
      ctx.metrics.pulled(device.id, body.cursor);
      return pull(ctx.db, device.id, body, ctx.now);
    },
  }),
  define({
    method: 'POST',
    path: '/leases',
    summary: "A workstation leases the next block of printed numbers of a kind and year from the server's sequence",
    auth: 'device',
    body: p.leaseRequest,
    response: p.leaseResponse,
    errors: {
      ...AUTH_ERRORS,
      409: 'The workstation is newer than the server (sync.serverTooOld), or reused a request id for other numbers (lease.requestIdReused)',
      426: 'The workstation is too old: update it (sync.updateRequired)',
    },
    async handler({ body, caller, ctx }) {
      const device = requireDevice(caller!);
      const verdict = versionVerdict(body);
      if (verdict === 'tooNew') throw serverTooOld();
      if (verdict === 'tooOld') throw updateRequired();
      const lease = await ctx.db.write(async (c) => {
        const at = ctx.now().toISOString();
        await checkClient(c, body.clientId, device.id, at);
        return leaseNumbers(c, body, device.id, at);
      });
      faultAfterLease();
      return lease;
    },
  }),
  define({
    method: 'POST',
    path: '/devices',
    summary: 'An administrator enrolls a workstation; the device token is shown once',
    auth: 'admin',
    body: p.enrollRequest,
    status: 201,
    response: p.enrollResponse,
    errors: AUTH_ERRORS,
    async handler({ body, caller, ctx }) {
      const admin = requireAdmin(caller!);
      const token = newToken(DEVICE_TOKEN_PREFIX);
      const device = { id: newId(), name: body.name, enrolledBy: admin.id, createdAt: ctx.now().toISOString(), revokedAt: null };
      await ctx.db.write((c) => insertDevice(c, { ...device, tokenHash: hashToken(token), at: device.createdAt }));
      return { device, token };
    },
  }),
  define({
    method: 'GET',
    path: '/devices',
    summary: 'The enrolled workstations',
    auth: 'admin',
    response: p.devicesResponse,
    errors: AUTH_ERRORS,
    async handler({ caller, ctx }) {
      requireAdmin(caller!);
      return { devices: await ctx.db.read(listDevices) };
    },
  }),
  define({
    method: 'POST',
    path: '/devices/:id/revoke',
    summary: 'An administrator revokes a workstation: its live connections close at once (4401 auth.revoked), its next request is refused',
    auth: 'admin',
    params: p.idParams,
    response: p.okResponse,
    errors: { ...AUTH_ERRORS, 404: 'No such workstation' },
    async handler({ params, caller, ctx }) {
      requireAdmin(caller!);
      const found = await ctx.db.write(async (c) => {
        if (!(await revokeDevice(c, params.id, ctx.now().toISOString()))) return false;
        await ctx.feed.revokedInTransaction(c, params.id);
        return true;
      });
      if (!found) throw new HttpError(404, 'notFound', 'No workstation with that id.', 'id');
      ctx.feed.revokedCommitted(params.id);
      return { ok: true };
    },
  }),
  define({
    method: 'POST',
    path: '/users/:id/revoke',
    summary: "An administrator revokes a user: sessions end, sign-in and the user's pushed changes are refused",
    auth: 'admin',
    params: p.idParams,
    response: p.okResponse,
    errors: { ...AUTH_ERRORS, 404: 'No such user' },
    async handler({ params, caller, ctx }) {
      const admin = requireAdmin(caller!);
      if (params.id === admin.id) throw new HttpError(400, 'auth.cannotRevokeSelf', 'An administrator cannot revoke themself.', 'id');
      await ctx.db.write(async (c) => {
        if (!(await getRecord(c, 'user', params.id))) throw new HttpError(404, 'notFound', 'No user with that id.', 'id');
        await revokeUser(c, params.id, ctx.now().toISOString());
      });
      return { ok: true };
    },
  }),
  define({
    method: 'POST',
    path: '/users/:id/password',
    summary: 'Sets the password a user signs in with (the user themself or an administrator)',
    auth: 'user',
    params: p.idParams,
    body: p.setPasswordRequest,
    response: p.okResponse,
    errors: { ...AUTH_ERRORS, 404: 'No such user' },
    async handler({ params, body, caller, ctx }) {
      const me = requireUser(caller!);
      if (me.id !== params.id) requireAdmin(caller!);
      const verifier = await makeVerifier(body.password);
      await ctx.db.write(async (c) => {
        if (!(await getRecord(c, 'user', params.id))) throw new HttpError(404, 'notFound', 'No user with that id.', 'id');
        await setVerifier(c, params.id, verifier, ctx.now().toISOString());
      });
      return { ok: true };
    },
  }),
  define({
    method: 'GET',
    path: '/online/me',
    summary: 'The signed-in agency account: who, its agency, and the usual destinations of the request page',
    auth: 'agency',
    response: onlineMeResponse,
    errors: AGENCY_ERRORS,
    handler: ({ caller, ctx }) => onlineMe(ctx, caller!),
  }),
  define({
    method: 'GET',
    path: '/online/requests',
    summary: "The agency's own trip requests (online and on paper) and their state; never another agency's",
    auth: 'agency',
    response: onlineListResponse,
    errors: AGENCY_ERRORS,
    handler: ({ caller, ctx }) => onlineList(ctx, caller!),
  }),
  define({
    method: 'POST',
    path: '/online/requests',
    summary: "An agency files a trip request: applied as request.file (source online, the account's agency), pulled by the workstations like any change",
    auth: 'agency',
    body: onlineRequestForm,
    status: 201,
    response: onlineFiledResponse,
    errors: {
      ...AGENCY_ERRORS,
      400: 'A field is wrong (named in field), e.g. a return before departure (vehicles.error.times) or a departure already past (vehicles.error.departPast)',
      422: 'Refused by the dispatch rules',
    },
    handler: ({ body, caller, ctx }) => onlineFile(ctx, caller!, body),
  }),
  define({
    method: 'GET',
    path: '/updates/latest.yml',
    summary: "Windows workstations' update metadata (electron-updater's generic provider): the newest published version, its installer's name, SHA-512 (base64) and size",
    auth: 'device',
    produces: CONTENT_TYPES.yml,
    response: updateFileResponse,
    errors: { ...AUTH_ERRORS, 404: 'Nothing published for Windows (updates.none)' },
    handler: ({ caller, ctx }) => serveMetadata(ctx, caller!, 'win32'),
  }),
  define({
    method: 'GET',
    path: '/updates/latest-linux.yml',
    summary: "Linux workstations' update metadata: the newest published version, its AppImage and .deb with SHA-512 (base64) and size",
    auth: 'device',
    produces: CONTENT_TYPES.yml,
    response: updateFileResponse,
    errors: { ...AUTH_ERRORS, 404: 'Nothing published for Linux (updates.none)' },
    handler: ({ caller, ctx }) => serveMetadata(ctx, caller!, 'linux'),
  }),
  define({
    method: 'GET',
    path: '/updates/:file',
    summary: 'A published installer (.exe, .AppImage, .deb), streamed; only the files the metadata names',
    auth: 'device',
    params: updateFileParams,
    produces: 'application/octet-stream',
    response: updateFileResponse,
    errors: { ...AUTH_ERRORS, 404: 'No published installer of that name' },
    handler: ({ params, caller, ctx }) => serveInstaller(ctx, caller!, params.file),
  }),
];
