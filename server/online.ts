/**
 * The online trip requests of the agencies (線上派車申請): the sync server serves a small
 * page on the LAN (GET /online, plain HTML and a little script, zh-TW or English) where an
 * agency's staff sign in with the account the administrator gave their agency (a user
 * holding the role agency_requester, linked to a person of that agency), file a request
 * and follow its state. A request is the named mutation `request.file`, applied by the
 * server through the same path as a pushed one (runAsServer → processOne → applyMutation),
 * so the workstations pull it and the history says who filed it. The agency and the
 * source are the account's, never the form's.
 *
 * The page signs in with POST /login (the same sign-in and attempt limits as everyone's)
 * and keeps the user token in the tab's sessionStorage; every call carries it in the
 * Authorization header. No cookie is ever set, so another site cannot make the browser
 * call on the user's behalf (no CSRF), and without CORS headers it cannot read a reply.
 * The page's Content-Security-Policy allows only its own script and style.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Agency, Person, User } from '../domain/entities';
import { catalogs, type MessageKey } from '../domain/i18n';
import { vehiclesOnlineZh } from '../domain/i18n/parts/vehicles-online';
import { newId } from '../domain/ids';
import { translate } from '../domain/i18n';
import { errorResponse } from '../domain/sync-protocol';
import { onlineFieldOf, onlineRequestArgs, onlineRequestProblem, USUAL_DESTINATIONS, type OnlineRequestForm, type OnlineRequestView } from '../domain/vehicles/online';
import { REQUEST_STATES, type Trip, type TripRequest, type Vehicle } from '../domain/vehicles/types';
import type { Locale } from '../domain/dates';
import { requireUser, type Caller } from './auth';
import { HttpError } from './http-error';
import { ONLINE_CSS, ONLINE_JS } from './online-page';
import type { ServerContext } from './routes';
import { findRecords, getRecord } from './store/sync-data';
import { runAsServer } from './sync';

export const AGENCY_ROLE = 'agency_requester' as const;

export interface AgencyAccount {
  user: User;
  agency: Agency;
  personId: string;
}

/** The signed-in agency account, or 403: a user of no agency, or without the role, files nothing here. */
export async function agencyAccount(ctx: ServerContext, caller: Caller): Promise<AgencyAccount> {
  const me = requireUser(caller);
  if (!me.roles.includes(AGENCY_ROLE)) throw new HttpError(403, 'vehicles.online.notAgency', "This is not an agency's request account.");
  return ctx.db.read(async (c) => {
    const user = (await getRecord(c, 'user', me.id)) as User | undefined;
    const person = user?.personId ? ((await getRecord(c, 'person', user.personId)) as Person | undefined) : undefined;
    const agency = person?.agencyId && !person.archived ? ((await getRecord(c, 'agency', person.agencyId)) as Agency | undefined) : undefined;
    if (!user || !person || !agency || agency.archived) throw new HttpError(403, 'vehicles.error.noAgency', 'This account belongs to no agency; ask the administrator.');
    return { user, agency, personId: person.id };
  });
}

const destination = z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string(), km: z.number() });

export const onlineMeResponse = z
  .object({
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
    agency: z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() }),
    destinations: z.array(destination),
  })
  .meta({ id: 'OnlineMe' });

const requestView = z
  .object({
    id: z.string(),
    requesterName: z.string(),
    passengers: z.number(),
    purpose: z.string(),
    stops: z.array(z.string()),
    departAt: z.string(),
    returnAt: z.string(),
    distanceKm: z.number(),
    isLoan: z.boolean(),
    withDriver: z.boolean(),
    source: z.enum(['online', 'paper']),
    state: z.enum(REQUEST_STATES),
    cancelReason: z.string(),
    plate: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OnlineRequest' });

export const onlineListResponse = z.object({ requests: z.array(requestView) }).meta({ id: 'OnlineRequests' });
export const onlineFiledResponse = z.object({ request: requestView }).meta({ id: 'OnlineFiled' });

export async function onlineMe(ctx: ServerContext, caller: Caller) {
  const { user, agency } = await agencyAccount(ctx, caller);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName },
    agency: { id: agency.id, nameZh: agency.nameZh, nameEn: agency.nameEn },
    destinations: [...USUAL_DESTINATIONS],
  };
}

async function viewsOf(ctx: ServerContext, agencyId: string, only?: string): Promise<OnlineRequestView[]> {
  return ctx.db.read(async (c) => {
    const rows = ((await findRecords(c, 'tripRequest', only ? { id: only } : { agencyId })) as unknown as TripRequest[]).filter((r) => r.agencyId === agencyId);
    const views: OnlineRequestView[] = [];
    for (const r of rows) {
      const trip = ((await findRecords(c, 'trip', { requestId: r.id })) as unknown as Trip[]).find((t) => t.state !== 'cancelled');
      const vehicle = trip ? ((await getRecord(c, 'vehicle', trip.vehicleId)) as Vehicle | undefined) : undefined;
      views.push({
        id: r.id,
        requesterName: r.requesterName,
        passengers: r.passengers,
        purpose: r.purpose,
        stops: r.stops,
        departAt: r.departAt,
        returnAt: r.returnAt,
        distanceKm: r.distanceKm,
        isLoan: r.isLoan,
        withDriver: r.withDriver,
        source: r.source,
        state: r.state,
        cancelReason: r.cancelReason,
        plate: vehicle?.plate ?? null,
        createdAt: r.createdAt,
      });
    }
    // The next departure first; the settled ones after.
    return views.sort((a, b) => Number(a.state === 'done' || a.state === 'cancelled') - Number(b.state === 'done' || b.state === 'cancelled') || a.departAt.localeCompare(b.departAt));
  });
}

export async function onlineList(ctx: ServerContext, caller: Caller) {
  const { agency } = await agencyAccount(ctx, caller);
  return { requests: await viewsOf(ctx, agency.id) };
}

/** Files the form as `request.file` for the account's agency; a refusal names the form's field and keeps nothing. */
export async function onlineFile(ctx: ServerContext, caller: Caller, form: OnlineRequestForm) {
  const { user, agency, personId } = await agencyAccount(ctx, caller);
  const args = onlineRequestArgs(newId(), form, { agencyId: agency.id, personId });
  const now = ctx.now();
  const early = onlineRequestProblem(args, now);
  const problem = early ?? (await runAsServer(ctx.db, 'request.file', args, { userId: user.id, roles: user.roles }, now, ctx.feed));
  if (problem) throw new HttpError(problem.field ? 400 : 422, problem.code, translate('en', problem.code, problem.params), onlineFieldOf(problem.field));
  const [request] = await viewsOf(ctx, agency.id, args.id);
  return { request };
}

/* ---- the page ---- */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The messages the page's script shows: its own, the request states and the refusals it may meet. */
function pageMessages(locale: Locale): Record<string, string> {
  const keys = [...Object.keys(vehiclesOnlineZh), ...REQUEST_STATES.map((s) => `vehicles.requestState.${s}`), 'vehicles.error.times'] as MessageKey[];
  return Object.fromEntries(keys.map((k) => [k, catalogs[locale][k]]));
}

export function onlinePageHtml(locale: Locale): string {
  const t = (k: keyof typeof vehiclesOnlineZh) => escapeHtml(catalogs[locale][k]);
  const field = (name: string, input: string, kind = 'field') =>
    `<div class="${kind}" data-field="${name}"><label for="f-${name}">${t(`vehicles.online.field.${name}` as keyof typeof vehiclesOnlineZh)}</label>${input}<span class="err" id="err-${name}" role="alert"></span></div>`;
  const text = (name: string, extra = '') => field(name, `<input id="f-${name}" name="${name}" type="text" autocomplete="off"${extra}>`);
  const options = USUAL_DESTINATIONS.map((d) => `<option value="${escapeHtml(d.id)}" data-km="${d.km}">${escapeHtml(locale === 'en' ? d.nameEn : d.nameZh)}（${d.km} km）</option>`).join('');
  const other: Locale = locale === 'en' ? 'zh-TW' : 'en';
  // JSON inside a data block: "<" escaped so no text can close the element.
  const messages = JSON.stringify(pageMessages(locale)).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('vehicles.online.title')}</title>
<link rel="stylesheet" href="/online/page.css">
</head>
<body>
<header><h1>${t('vehicles.online.title')}</h1><span id="who"></span><a id="lang" href="/online?lang=${other}">${t('vehicles.online.lang')}</a><button id="sign-out" type="button" hidden>${t('vehicles.online.signOut')}</button></header>
<main>
<p id="notice" role="status"></p>
<section id="sign-in">
<h2>${t('vehicles.online.signIn.title')}</h2>
<p>${t('vehicles.online.signIn.hint')}</p>
<form id="sign-in-form" novalidate>
<div class="field"><label for="f-username">${t('vehicles.online.signIn.username')}</label><input id="f-username" name="username" type="text" autocomplete="username"></div>
<div class="field"><label for="f-password">${t('vehicles.online.signIn.password')}</label><input id="f-password" name="password" type="password" autocomplete="current-password"></div>
<p class="err" id="sign-in-error" role="alert"></p>
<button type="submit">${t('vehicles.online.signIn.submit')}</button>
</form>
</section>
<section id="desk" hidden>
<h2>${t('vehicles.online.form.title')}</h2>
<form id="request-form" novalidate>
<p class="err" id="form-error" role="alert"></p>
${text('requesterName')}
${text('passengers', ' inputmode="numeric" size="4"')}
${text('purpose')}
${field('stops', '<textarea id="f-stops" name="stops" rows="3"></textarea>')}
<div class="row">${text('departDate', ` placeholder="${t('vehicles.online.datePlaceholder')}" size="12"`)}${text('departTime', ' placeholder="09:00" size="6"')}</div>
<div class="row">${text('returnDate', ` placeholder="${t('vehicles.online.datePlaceholder')}" size="12"`)}${text('returnTime', ' placeholder="17:00" size="6"')}</div>
<div class="row">${field('destinationId', `<select id="f-destinationId" name="destinationId"><option value="">${t('vehicles.online.destination.none')}</option>${options}</select>`)}${text('distanceKm', ' inputmode="decimal" size="6"')}</div>
${field('isLoan', '<input id="f-isLoan" name="isLoan" type="checkbox">', 'field check')}
${field('withDriver', '<input id="f-withDriver" name="withDriver" type="checkbox" checked disabled>', 'field check')}
<button id="submit" type="submit">${t('vehicles.online.submit')}</button>
</form>
<h2>${t('vehicles.online.list.title')}</h2>
<table id="requests"><thead><tr><th>${t('vehicles.online.list.depart')}</th><th>${t('vehicles.online.list.return')}</th><th>${t('vehicles.online.list.purpose')}</th><th>${t('vehicles.online.list.stops')}</th><th>${t('vehicles.online.list.passengers')}</th><th>${t('vehicles.online.list.state')}</th><th>${t('vehicles.online.list.vehicle')}</th></tr></thead><tbody></tbody></table>
<p id="empty" hidden>${t('vehicles.online.list.empty')}</p>
</section>
</main>
<script type="application/json" id="messages">${messages}</script>
<script src="/online/page.js"></script>
</body>
</html>
`;
}

const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function sendPage(reply: FastifyReply, type: string, body: string) {
  return reply.headers(PAGE_HEADERS).type(type).send(body);
}

export async function registerOnlinePage(app: FastifyInstance): Promise<void> {
  const pages: Record<Locale, string> = { 'zh-TW': onlinePageHtml('zh-TW'), en: onlinePageHtml('en') };
  app.get('/online', async (req, reply) => {
    const lang = (req.query as Record<string, unknown>).lang;
    return sendPage(reply, 'text/html; charset=utf-8', pages[lang === 'en' ? 'en' : 'zh-TW']);
  });
  app.get('/online/page.js', async (_req, reply) => sendPage(reply, 'text/javascript; charset=utf-8', ONLINE_JS));
  app.get('/online/page.css', async (_req, reply) => sendPage(reply, 'text/css; charset=utf-8', ONLINE_CSS));
}

const errorRef = { $ref: `#/components/schemas/${String(errorResponse.meta()?.id)}` };

/** The page in /openapi.json (its JSON calls are in the endpoint table). */
export const onlinePaths = {
  '/online': {
    parameters: [{ name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['zh-TW', 'en'] }, description: 'Language of the page (default zh-TW)' }],
    get: {
      summary: "The agencies' trip request page (HTML); it signs in with POST /login and calls /online/me and /online/requests",
      operationId: 'getOnlinePage',
      responses: {
        200: { description: 'text/html', content: { 'text/html': { schema: { type: 'string' } } } },
        404: { description: 'Not found', content: { 'application/json': { schema: errorRef } } },
      },
    },
  },
  '/online/page.js': { get: { summary: "The page's script", operationId: 'getOnlinePageJs', responses: { 200: { description: 'text/javascript' } } } },
  '/online/page.css': { get: { summary: "The page's style", operationId: 'getOnlinePageCss', responses: { 200: { description: 'text/css' } } } },
};
