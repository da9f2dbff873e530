/**
 * Hostile input to every operation /openapi.json describes, enumerated from the document
 * itself, so a route added to the endpoint table (or written out beside it) is covered
 * the day it appears: wrong or missing tokens, bodies of the wrong types, bad JSON,
 * oversized bodies, and path parameters that try traversal or garbage. Each answers a
 * 4xx with a clear message and writes nothing.
 */
import { beforeEach, expect, it } from 'vitest';
import { BODY_LIMIT } from '../domain/sync-protocol';
import { headSeq } from './store/sync-data';
import type { SqlDb } from './store/sql';
import { describeEachEngine, startHarness, type Harness, type Workstation } from '../test/support/server-harness';

type Op = { security?: Record<string, unknown>[]; requestBody?: { content?: Record<string, unknown> }; parameters?: { name: string; in: string }[] };

async function footprint(db: SqlDb) {
  return db.read(async (c) => {
    const count = async (table: string) => Number((await c.all<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return {
      seq: await headSeq(c),
      records: await count('record'),
      clients: await count('client'),
      devices: await count('device'),
      sessions: await count('session'),
      accounts: await count('account'),
    };
  });
}

const FORGED = { device: 'gad_' + 'A'.repeat(43), user: 'gau_' + 'B'.repeat(43) };
const BAD_PARAMS = ['..%2F..%2F..%2Fetc%2Fpasswd', '..', '%00', '%E0%A4%A', 'x'.repeat(3000), '%3Cscript%3E', '1%20OR%201%3D1'];
const BAD_BODIES = [
  '{',
  'null',
  '[]',
  '42',
  '"text"',
  '{"__proto__":{"admin":true}}',
  JSON.stringify({ clientId: 5, name: 7, mutations: 'all', password: {}, kind: [], year: 'x', count: -1 }),
  JSON.stringify({ filler: 'x'.repeat(BODY_LIMIT + 10) }),
];

describeEachEngine('hostile input to every route in /openapi.json', (open) => {
  let h: Harness;
  let ws: Workstation;
  let ops: { method: string; path: string; op: Op }[];
  beforeEach(async () => {
    h = await startHarness(await open());
    ws = await h.workstation();
    const doc = (await h.call<{ paths: Record<string, Record<string, Op>> }>('GET', '/openapi.json')).body;
    ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  });

  const send = async (method: string, url: string, opts: { token?: string; payload?: string; type?: string } = {}) => {
    const r = await h.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.payload !== undefined ? { 'content-type': opts.type ?? 'application/json' } : {}) },
      ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
    });
    const what = `${method} ${url.slice(0, 80)} ← ${(opts.payload ?? '').slice(0, 40)}`;
    expect(r.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(r.statusCode, what).toBeLessThan(500);
    const body = JSON.parse(r.body) as { code?: string; message?: string };
    expect(body.message, what).toMatch(/\w{3}/);
    return { status: r.statusCode, code: body.code };
  };

  const filled = (path: string, value = 'x') => path.replace(/\{[^}]+\}/g, value);
  const tokenFor = (op: Op) => {
    const scheme = Object.keys(op.security?.[0] ?? {})[0];
    return scheme === 'deviceToken' ? ws.token : scheme === 'userToken' ? h.adminToken : undefined;
  };

  it('finds the routes to attack in the document', () => {
    expect(ops.length).toBeGreaterThan(15);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['POST /push', 'POST /devices/{id}/revoke', 'POST /login']));
  });

  it('refuses a missing, forged or wrong kind of token on every route that needs one', async () => {
    const before = await footprint(h.db);
    for (const { method, path, op } of ops.filter((o) => o.op.security?.length)) {
      const url = filled(path);
      const payload = op.requestBody ? '{}' : undefined;
      for (const token of [undefined, 'nonsense', FORGED.device, FORGED.user])
        expect([401, ...(path === '/events' ? [426] : [])], `${method} ${path} with ${token}`).toContain((await send(method, url, { token, payload })).status);
      const scheme = Object.keys(op.security![0])[0];
      const wrongKind = scheme === 'deviceToken' ? h.adminToken : ws.token;
      expect((await send(method, url, { token: wrongKind, payload })).status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
    expect(await footprint(h.db)).toEqual(before);
  });

  it('answers bodies of the wrong types, bad JSON and oversized bodies with a 4xx on every route that takes a body', async () => {
    const before = await footprint(h.db);
    for (const { method, path, op } of ops.filter((o) => o.op.requestBody)) {
      const json = !!op.requestBody?.content?.['application/json'];
      const url = filled(path, json ? 'x' : '0'.repeat(64));
      const bodies = json ? BAD_BODIES : ['x'.repeat(10)];
      for (const payload of bodies) await send(method, url, { token: tokenFor(op), payload, type: json ? 'application/json' : 'text/plain' });
      if (json) await send(method, url, { token: tokenFor(op), payload: '<xml/>', type: 'text/xml' });
    }
    expect(await footprint(h.db)).toEqual(before);
  });

  it('answers path parameters that try traversal or garbage with a 4xx on every route that has them', async () => {
    const before = await footprint(h.db);
    for (const { method, path, op } of ops.filter((o) => /\{[^}]+\}/.test(o.path))) {
      for (const value of BAD_PARAMS)
        await send(method, filled(path, value), {
          token: tokenFor(op),
          payload: op.requestBody?.content?.['application/json'] ? '{}' : op.requestBody ? 'x' : undefined,
          type: op.requestBody?.content?.['application/json'] ? 'application/json' : 'application/octet-stream',
        });
    }
    expect(await footprint(h.db)).toEqual(before);
  });
});
