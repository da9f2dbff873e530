/**
 * The LAN calendar feeds Outlook subscribes to: GET /ical/venue/<id>.ics and
 * GET /ical/agency/<id>.ics, built from the server's records by the same function as the
 * workstation's export (domain/venues/ical-feed.ts venueCalendarText).
 *
 * A calendar subscription cannot send an Authorization header, so the feed's address
 * carries a key — the one exception to "URLs never carry secrets". The key reads that one
 * calendar and nothing else: it is an HMAC of the feed's path under a server secret
 * (server_info 'icalSecret', 32 random bytes made when the first link is asked for), so a
 * venue's key opens neither another venue's feed nor anything of the sync protocol, and is
 * compared in constant time. An administrator rotates the secret to withdraw every link.
 * The query string is kept out of the logs. Links are handed out to an enrolled
 * workstation or an administrator (GET /ical/link/...).
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../domain/dates';
import type { Agency, Building, Floor, Site, Space } from '../domain/entities';
import { errorResponse } from '../domain/sync-protocol';
import { venueCalendarText, type FeedAgencyName, type FeedScope, type FeedVenueName } from '../domain/venues/ical-feed';
import type { Booking, BookingSeries, Venue } from '../domain/venues/types';
import { authenticate, requireAdmin } from './auth';
import { HttpError } from './http-error';
import type { ServerContext } from './routes';
import type { SqlConn } from './store/sql';
import { findRecords, getRecord } from './store/sync-data';

type ScopeName = 'venue' | 'agency';
const SCOPES: readonly ScopeName[] = ['venue', 'agency'];
const SECRET_KEY = 'icalSecret';
/** Record ids as the mutations' schemas allow them, nothing that could leave the path. */
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;

async function readSecret(c: SqlConn): Promise<Buffer | null> {
  const rows = await c.all<{ value: string }>('SELECT value FROM server_info WHERE key = ?', [SECRET_KEY]);
  return rows[0] ? Buffer.from(rows[0].value, 'hex') : null;
}

/** The secret, made at first use; two processes making it at once keep the first one written. */
async function ensureSecret(ctx: ServerContext): Promise<Buffer> {
  const existing = await ctx.db.read(readSecret);
  if (existing) return existing;
  return ctx.db.write(async (c) => {
    await c.run('INSERT INTO server_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [SECRET_KEY, crypto.randomBytes(32).toString('hex')]);
    return (await readSecret(c))!;
  });
}

function keyBytes(secret: Buffer, scope: ScopeName, id: string): Buffer {
  return crypto.createHmac('sha256', secret).update(`ical/${scope}/${id}`).digest();
}

/** The key of one feed (base64url, 43 characters). */
export function feedKey(secret: Buffer, scope: ScopeName, id: string): string {
  return keyBytes(secret, scope, id).toString('base64url');
}

function keyMatches(secret: Buffer | null, scope: ScopeName, id: string, given: unknown): boolean {
  if (!secret || typeof given !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(given)) return false;
  return crypto.timingSafeEqual(keyBytes(secret, scope, id), Buffer.from(given, 'base64url'));
}

const feedPath = (scope: ScopeName, id: string, key: string) => `/ical/${scope}/${encodeURIComponent(id)}.ics?key=${key}`;

const nameOf = (r: { nameZh: string; nameEn: string }): FeedAgencyName => ({ nameZh: r.nameZh, nameEn: r.nameEn });

/** A venue's space and site names, read through the places tree. */
async function venueName(c: SqlConn, venue: Venue): Promise<FeedVenueName | undefined> {
  const space = (await getRecord(c, 'space', venue.spaceId)) as Space | undefined;
  if (!space) return undefined;
  const floor = (await getRecord(c, 'floor', space.floorId)) as Floor | undefined;
  const building = floor ? ((await getRecord(c, 'building', floor.buildingId)) as Building | undefined) : undefined;
  const site = building ? ((await getRecord(c, 'site', building.siteId)) as Site | undefined) : undefined;
  return { nameZh: space.nameZh, nameEn: space.nameEn, siteNameZh: site?.nameZh ?? '', siteNameEn: site?.nameEn ?? '' };
}

/** The calendar text of a feed, or null when its venue or agency does not exist. */
export async function feedText(c: SqlConn, scope: ScopeName, id: string, locale: Locale): Promise<string | null> {
  const subject = (await getRecord(c, scope, id)) as (Venue | Agency) | undefined;
  if (!subject) return null;
  const field = scope === 'venue' ? 'venueId' : 'applicantAgencyId';
  const feedScope: FeedScope = scope === 'venue' ? { venueId: id } : { agencyId: id };
  const series = new Map(((await findRecords(c, 'bookingSeries', { [field]: id })) as unknown as BookingSeries[]).map((s) => [s.id, s]));
  const bookings = new Map(((await findRecords(c, 'booking', { [field]: id })) as unknown as Booking[]).map((b) => [b.id, b]));
  // Every occurrence of the scope's series, wherever it was moved.
  for (const s of series.keys()) for (const b of (await findRecords(c, 'booking', { seriesId: s })) as unknown as Booking[]) bookings.set(b.id, b);
  // Occurrences moved here from a series held elsewhere are recognised by their series.
  for (const b of bookings.values()) {
    if (b.seriesId && !series.has(b.seriesId)) {
      const s = (await getRecord(c, 'bookingSeries', b.seriesId)) as BookingSeries | undefined;
      if (s) series.set(s.id, s);
    }
  }
  const venues = new Map<string, FeedVenueName>();
  for (const venueId of new Set([...bookings.values(), ...series.values()].map((b) => b.venueId).concat(scope === 'venue' ? [id] : []))) {
    const venue = (await getRecord(c, 'venue', venueId)) as Venue | undefined;
    const name = venue ? await venueName(c, venue) : undefined;
    if (name) venues.set(venueId, name);
  }
  const agencies = new Map(((await findRecords(c, 'agency', {})) as unknown as Agency[]).map((a) => [a.id, nameOf(a)]));
  const name = scope === 'venue' ? venues.get(id) : nameOf(subject as Agency);
  if (!name) return null;
  const ordered = [...bookings.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return venueCalendarText(locale, feedScope, { name, venues, agencies, bookings: ordered, series });
}

function scopeAndId(req: FastifyRequest, suffix: string): { scope: ScopeName; id: string } {
  const { scope, file } = req.params as { scope: string; file: string };
  const id = file.endsWith(suffix) ? file.slice(0, file.length - suffix.length) : '';
  if (!SCOPES.includes(scope as ScopeName) || !ID.test(id)) {
    throw new HttpError(404, 'notFound', `There is no ${req.method} ${req.url.split('?')[0]} on this server.`);
  }
  return { scope: scope as ScopeName, id };
}

/** The request as logged: the address without its query string (it holds the key). */
const withoutQuery = (req: FastifyRequest) => ({ method: req.method, url: req.url.replace(/\?.*$/, '?[redacted]'), remoteAddress: req.ip });

export async function registerIcal(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get('/ical/:scope/:file', { logSerializers: { req: withoutQuery } }, async (req, reply) => {
    const { scope, id } = scopeAndId(req, '.ics');
    const query = req.query as { key?: unknown; lang?: unknown };
    const locale: Locale = query.lang === 'en' ? 'en' : 'zh-TW';
    const text = await ctx.db.read(async (c) => {
      if (!keyMatches(await readSecret(c), scope, id, query.key)) {
        throw new HttpError(401, 'ical.invalidKey', 'The calendar link has no key or a wrong one (or its keys were renewed): ask the venue desk for the current link.');
      }
      return feedText(c, scope, id, locale);
    });
    if (text === null) throw new HttpError(404, 'notFound', `There is no ${scope} ${id}.`);
    const etag = `"${crypto.createHash('sha256').update(text).digest('base64url')}"`;
    reply.header('cache-control', 'private, no-cache').header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${scope}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.ics"`)
      .send(text);
  });

  app.get('/ical/link/:scope/:file', async (req) => {
    const caller = await authenticate(ctx.db, req.headers.authorization, ctx.now());
    if (caller.type === 'user') requireAdmin(caller);
    const { scope, id } = scopeAndId(req, '');
    if (!(await ctx.db.read((c) => getRecord(c, scope, id)))) throw new HttpError(404, 'notFound', `There is no ${scope} ${id}.`);
    return { path: feedPath(scope, id, feedKey(await ensureSecret(ctx), scope, id)) };
  });

  // A link that went where it should not: a new secret, and every link handed out so far stops working.
  app.post('/ical/keys/renew', async (req) => {
    requireAdmin(await authenticate(ctx.db, req.headers.authorization, ctx.now()));
    await ctx.db.write((c) => c.run('DELETE FROM server_info WHERE key = ?', [SECRET_KEY]));
    await ensureSecret(ctx);
    return { renewed: true };
  });
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${String(errorResponse.meta()?.id)}` } } } });
const scopeParam = { name: 'scope', in: 'path', required: true, schema: { type: 'string', enum: SCOPES } };

/** The calendar feeds in /openapi.json. */
export const icalPaths = {
  '/ical/{scope}/{id}.ics': {
    parameters: [
      scopeParam,
      { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: "The venue's or the agency's record id" },
      { name: 'key', in: 'query', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' }, description: 'The feed key from GET /ical/link/…; reads this one calendar only' },
      { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh-TW', 'en'] }, description: 'Language of the names (default zh-TW)' },
    ],
    get: {
      summary: "A venue's or an applying agency's bookings as an iCalendar (RFC 5545) feed a calendar client subscribes to on the LAN; no Authorization header, the key is in the address",
      operationId: 'getIcalFeed',
      responses: {
        200: { description: 'text/calendar; charset=utf-8', content: { 'text/calendar': { schema: { type: 'string' } } } },
        304: { description: 'Unchanged since the ETag sent in If-None-Match' },
        401: error('No key, a wrong one, or one from before the keys were renewed (ical.invalidKey)'),
        404: error('No such venue or agency'),
      },
    },
  },
  '/ical/link/{scope}/{id}': {
    parameters: [scopeParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    get: {
      summary: "The address of a feed with its key, to give to a calendar client (relative to the server's base URL)",
      operationId: 'getIcalLink',
      security: [{ deviceToken: [] }, { userToken: [] }],
      description: "An enrolled workstation's device token or an administrator's user token.",
      responses: {
        200: { description: 'The address', content: { 'application/json': { schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } } } },
        401: error('No token, a forged one, or a revoked device'),
        403: error('A user who is not an administrator'),
        404: error('No such venue or agency'),
      },
    },
  },
  '/ical/keys/renew': {
    post: {
      summary: 'Renews the secret the feed keys come from: every calendar link handed out so far stops working',
      operationId: 'postIcalKeysRenew',
      security: [{ userToken: [] }],
      description: 'Needs the user token of an administrator.',
      responses: {
        200: { description: 'Renewed', content: { 'application/json': { schema: { type: 'object', properties: { renewed: { type: 'boolean' } } } } } },
        401: error('Not signed in'),
        403: error('Not an administrator'),
      },
    },
  },
};
