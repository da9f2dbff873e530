/**
 * The agencies' online trip requests through the real server: an agency account signs in
 * with POST /login, files on /online/requests, reads its own agency's requests and no
 * other's; a bad field is refused by name and keeps nothing; a workstation pulls what was
 * filed, as request.file by that account.
 */
import { beforeEach, expect, it } from 'vitest';
import { addDays, formatRocShort, todayInTaipei } from '../domain/dates';
import type { PullResponse } from '../domain/sync-protocol';
import { describeEachEngine, replay, startHarness, type Harness, type Workstation } from '../test/support/server-harness';

const PASSWORD = 'agency pass 1';
/** A date a month ahead, as the staff type it (ROC). */
const AHEAD = formatRocShort(addDays(todayInTaipei(), 30));

const form = (extra: Record<string, unknown> = {}) => ({
  requesterName: '陳美玲',
  passengers: 4,
  purpose: '旗山區災後會勘',
  stops: ['旗山區公所', '旗山老街'],
  departDate: AHEAD,
  departTime: '08:30',
  returnDate: AHEAD,
  returnTime: '16:00',
  destinationId: 'qishan',
  distanceKm: 100,
  isLoan: false,
  withDriver: true,
  ...extra,
});

/** Two agencies, a person of each, an agency account for each (role agency_requester) and a dispatcher. */
async function agencies(h: Harness, ws: Workstation) {
  const pushed = await ws.push([
    ws.outbox('agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局', nameEn: 'Civil Affairs Bureau' }),
    ws.outbox('agency.create', { id: 'ag-fin', code: 'FIN', nameZh: '財政局' }),
    ws.outbox('person.create', { id: 'p-cab', name: '民政局承辦', kind: 'staff', agencyId: 'ag-cab' }),
    ws.outbox('person.create', { id: 'p-fin', name: '財政局承辦', kind: 'staff', agencyId: 'ag-fin' }),
    ws.outbox('user.create', { id: 'u-cab', username: 'cab-cars', displayName: '民政局派車', personId: 'p-cab', roles: ['agency_requester'] }),
    ws.outbox('user.create', { id: 'u-fin', username: 'fin-cars', displayName: '財政局派車', personId: 'p-fin', roles: ['agency_requester'] }),
    ws.outbox('user.create', { id: 'u-disp', username: 'dispatch', displayName: '派車承辦', roles: ['dispatcher'] }),
  ]);
  expect(pushed.status).toBe(200);
  for (const id of ['u-cab', 'u-fin', 'u-disp']) expect((await h.call('POST', `/users/${id}/password`, { password: PASSWORD }, h.adminToken)).status).toBe(200);
  const token = async (name: string) => {
    const r = await h.login(name, PASSWORD);
    expect(r.status).toBe(200);
    return r.body.token;
  };
  return { cab: await token('cab-cars'), fin: await token('fin-cars'), dispatcher: await token('dispatch') };
}

const requestsIn = (pages: PullResponse[]) => [...replay(pages).entries()].filter(([k]) => k.startsWith('tripRequest/')).map(([, v]) => v);

describeEachEngine('online trip requests', (open) => {
  let h: Harness;
  let ws: Workstation;
  let tokens: Awaited<ReturnType<typeof agencies>>;
  beforeEach(async () => {
    h = await startHarness(await open());
    ws = await h.workstation();
    tokens = await agencies(h, ws);
  });

  it('an agency signs in, files a request, sees it listed, and a workstation pulls it as request.file from that account', async () => {
    const me = await h.call<{ agency: { id: string; nameZh: string }; destinations: unknown[] }>('GET', '/online/me', undefined, tokens.cab);
    expect(me.status).toBe(200);
    expect(me.body.agency).toMatchObject({ id: 'ag-cab', nameZh: '民政局' });
    expect(me.body.destinations.length).toBeGreaterThan(3);

    const filed = await h.call<{ request: { id: string; state: string; departAt: string } }>('POST', '/online/requests', form(), tokens.cab);
    expect(filed.status).toBe(201);
    expect(filed.body.request).toMatchObject({ state: 'waiting', source: 'online', passengers: 4, stops: ['旗山區公所', '旗山老街'] });
    // 08:30 in Taipei is 00:30 UTC.
    expect(filed.body.request.departAt.slice(11)).toBe('00:30:00.000Z');

    const list = await h.call<{ requests: { id: string }[] }>('GET', '/online/requests', undefined, tokens.cab);
    expect(list.body.requests.map((r) => r.id)).toEqual([filed.body.request.id]);

    const pages = await ws.pullAll();
    const [pulled] = requestsIn(pages);
    expect(pulled).toMatchObject({ id: filed.body.request.id, source: 'online', agencyId: 'ag-cab', personId: 'p-cab', requesterName: '陳美玲', distanceKm: 100, withDriver: true, state: 'waiting' });
    const audit = [...replay(pages).values()].find((v) => v.mutation === 'request.file');
    expect(audit).toMatchObject({ userId: 'u-cab', recordId: filed.body.request.id });
  });

  it('refuses a bad field by name and keeps nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ departDate: '115/13/40' }, 'departDate'],
      [{ returnTime: '25:00' }, 'returnTime'],
      [{ passengers: '四' }, 'passengers'],
      [{ purpose: '  ' }, 'purpose'],
      [{ stops: [] }, 'stops'],
      [{ distanceKm: -5 }, 'distanceKm'],
      [{ returnTime: '07:00' }, 'returnDate'],
      [{ departDate: formatRocShort(addDays(todayInTaipei(), -1)), returnDate: AHEAD }, 'departDate'],
      // The agency is the account's: the form may not name one.
      [{ agencyId: 'ag-fin' }, 'agencyId'],
      [{ source: 'paper' }, 'source'],
    ];
    for (const [change, field] of cases) {
      const r = await h.call<{ field: string; message: string; code: string }>('POST', '/online/requests', form(change), tokens.cab);
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(r.body.field, JSON.stringify(change)).toBe(field);
    }
    const times = await h.call<{ code: string }>('POST', '/online/requests', form({ returnTime: '07:00' }), tokens.cab);
    expect(times.body.code).toBe('vehicles.error.times');
    expect((await h.call<{ requests: unknown[] }>('GET', '/online/requests', undefined, tokens.cab)).body.requests).toEqual([]);
    expect(requestsIn(await ws.pullAll())).toEqual([]);
  });

  it("no agency sees another's requests, and only agency accounts use the page's calls", async () => {
    expect((await h.call('POST', '/online/requests', form({ purpose: '民政局的會勘' }), tokens.cab)).status).toBe(201);
    expect((await h.call('POST', '/online/requests', form({ purpose: '財政局的稽查' }), tokens.fin)).status).toBe(201);
    const cab = await h.call<{ requests: { purpose: string }[] }>('GET', '/online/requests', undefined, tokens.cab);
    const fin = await h.call<{ requests: { purpose: string }[] }>('GET', '/online/requests', undefined, tokens.fin);
    expect(cab.body.requests.map((r) => r.purpose)).toEqual(['民政局的會勘']);
    expect(fin.body.requests.map((r) => r.purpose)).toEqual(['財政局的稽查']);

    for (const token of [tokens.dispatcher, h.adminToken, ws.token]) {
      expect((await h.call('GET', '/online/requests', undefined, token)).status).toBe(403);
      expect((await h.call('POST', '/online/requests', form(), token)).status).toBe(403);
    }
    expect((await h.call('GET', '/online/requests')).status).toBe(401);
  });

  it('an agency account pushing from a workstation may file only online and for its own agency', async () => {
    const args = {
      source: 'online',
      agencyId: 'ag-fin',
      requesterName: '陳美玲',
      passengers: 2,
      purpose: '會勘',
      stops: ['旗山'],
      departAt: '2030-03-06T01:00:00.000Z',
      returnAt: '2030-03-06T04:00:00.000Z',
      distanceKm: 60,
    };
    await ws.push([
      ws.outbox('request.file', { id: 'r-other', ...args }, 'u-cab'),
      ws.outbox('request.file', { id: 'r-paper', ...args, agencyId: 'ag-cab', source: 'paper', paperNumber: 'P-1' }, 'u-cab'),
      ws.outbox('request.file', { id: 'r-own', ...args, agencyId: 'ag-cab' }, 'u-cab'),
    ]);
    const pages = await ws.pullAll();
    expect(pages.flatMap((p) => p.refusals).map((r) => r.problem.code)).toEqual(['vehicles.error.otherAgency', 'vehicles.error.onlineOnly']);
    expect(requestsIn(pages).map((r) => r.id)).toEqual(['r-own']);
  });

  it('serves the page in zh-TW and English with a strict policy and no cookie', async () => {
    const zh = await h.app.inject({ method: 'GET', url: '/online' });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('text/html');
    expect(zh.headers['content-security-policy']).toContain("script-src 'self'");
    expect(zh.headers['set-cookie']).toBeUndefined();
    expect(zh.body).toContain('<html lang="zh-TW">');
    expect(zh.body).toContain('公務車線上申請');
    const en = await h.app.inject({ method: 'GET', url: '/online?lang=en' });
    expect(en.body).toContain('Official vehicle requests');
    const js = await h.app.inject({ method: 'GET', url: '/online/page.js' });
    expect(js.headers['content-type']).toContain('javascript');
  });
});

describeEachEngine('online sign-in', (open) => {
  it('is limited like every sign-in: too many wrong passwords and the agency must wait', async () => {
    const db = await open();
    const h = await startHarness(db, { loginAttemptsPerMinute: 2 });
    await agencies(h, await h.workstation());
    const tries = [];
    for (let i = 0; i < 4; i++) tries.push((await h.login('cab-cars', 'wrong password')).status);
    expect(tries.slice(-1)).toEqual([429]);
  });
});
