import { beforeEach, expect, it } from 'vitest';
import { ACCEPTED, BODY_LIMIT } from '../domain/sync-protocol';
import { endpoints } from './routes';
import { headSeq } from './store/sync-data';
import type { SqlDb } from './store/sql';
import { describeEachEngine, site, startHarness, VERSIONS, type Harness, type Workstation } from '../test/support/server-harness';

/** Everything that counts as "something was written". */
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

describeEachEngine('the HTTP surface', (open) => {
  let h: Harness;
  let ws: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    ws = await h.workstation();
  });

  it('answers /healthz with its status and the versions it accepts', async () => {
    const r = await h.call('GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', protocol: ACCEPTED.protocol, schema: ACCEPTED.schema });
  });

  it('describes every endpoint and every named mutation in /openapi.json', async () => {
    const r = await h.call<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>('GET', '/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    for (const ep of endpoints) expect(r.body.paths[ep.path.replace(/:(\w+)/g, '{$1}')]?.[ep.method.toLowerCase()], `${ep.method} ${ep.path}`).toBeDefined();
    expect(r.body.components.schemas.PushRequest).toMatchObject({ type: 'object', required: expect.arrayContaining(['clientId', 'mutations']) });
    expect(r.body.components.schemas['mutation.site.create']).toMatchObject({ type: 'object', properties: { code: { type: 'string' } } });
    // Every $ref points at a schema that is there.
    const refs = JSON.stringify(r.body).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const ref of new Set(refs)) expect(r.body.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('answers garbage sent to any endpoint with a 4xx that says what is wrong, and writes nothing', async () => {
    const before = await footprint(h.db);
    const garbage: { payload: string; type?: string }[] = [
      { payload: '{' },
      { payload: 'null' },
      { payload: '[]' },
      { payload: '"text"' },
      { payload: '42' },
      { payload: '' },
      { payload: '{"__proto__":{"admin":true}}' },
      { payload: '{"constructor":{"prototype":{"admin":true}}}' },
      { payload: JSON.stringify({ clientId: 5, protocolVersion: 'one', mutations: 'all', username: ['x'], password: {}, name: 7, cursor: 9, limit: -1 }) },
      { payload: JSON.stringify({ clientId: 'c', ...VERSIONS, mutations: [{ mutationId: 1e300, name: 'site.create', args: {}, at: 'yesterday', userId: 'u' }] }) },
      { payload: JSON.stringify({ clientId: 'c'.repeat(500), ...VERSIONS, cursor: '', limit: 10 ** 9 }) },
      { payload: `{"clientId":${'['.repeat(50_000)}${']'.repeat(50_000)}}` },
      { payload: 'clientId=c1', type: 'application/x-www-form-urlencoded' },
      { payload: '<xml/>', type: 'text/xml' },
      { payload: JSON.stringify({ filler: 'x'.repeat(BODY_LIMIT + 10) }) },
    ];
    for (const ep of endpoints.filter((e) => e.method === 'POST')) {
      const token = ep.auth === 'device' ? ws.token : ep.auth === 'none' ? undefined : h.adminToken;
      const url = ep.path.replace(':id', 'x');
      for (const g of garbage) {
        const r = await h.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': g.type ?? 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          payload: g.payload,
        });
        const what = `${ep.path} ← ${g.payload.slice(0, 60)}`;
        expect(r.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(r.statusCode, what).toBeLessThan(500);
        const body = JSON.parse(r.body);
        expect(body.code, what).toMatch(/^(request|auth|notFound)/);
        expect(body.message, what).toMatch(/\w{3}/);
      }
    }
    expect(await footprint(h.db)).toEqual(before);
  });

  it('names the field that is wrong', async () => {
    const r = await h.call('POST', '/push', { clientId: 'c1', ...VERSIONS, mutations: [{ mutationId: 1, name: 'site.create', args: {}, at: 'yesterday', userId: 'u' }] }, ws.token);
    expect(r).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'mutations.0.at' } });
    expect(r.body.message).toContain('mutations.0.at');
    expect((await h.call('POST', '/pull', { clientId: 'c1', protocolVersion: '1', schemaVersion: 1 }, ws.token)).body).toMatchObject({ field: 'protocolVersion' });
  });

  it('refuses wrong mutation names and arguments as data, one by one, not the whole push', async () => {
    const r = await ws.push([
      ws.outbox('site.explode', {}),
      ws.outbox('site.create', 'not an object'),
      ws.outbox('site.create', { ...site('s1', 'S1'), extra: 1 }),
      ws.outbox('site.create', site('s2', 'S2')),
    ]);
    expect(r.body).toEqual({ lastMutationId: 4, processed: 4 });
    const refusals = (await ws.pullAll()).flatMap((p) => p.refusals).map((x) => x.problem.code);
    expect(refusals).toEqual(['error.unknownMutation', expect.stringMatching(/^error\./), 'error.unknownField']);
  });

  it('answers an unknown address or method with 404', async () => {
    expect((await h.call('GET', '/nowhere')).body).toMatchObject({ statusCode: 404, code: 'notFound' });
    expect((await h.call('GET', '/push')).status).toBe(404);
  });

  it('takes the queued writes of a workstation too old to pull and tells it to update', async () => {
    const tooOld = { protocolVersion: ACCEPTED.protocol.oldest - 1 };
    const pushed = await ws.push([ws.outbox('site.create', site('s1', 'S1'))], tooOld);
    expect(pushed.body).toEqual({ lastMutationId: 1, processed: 1 });
    const pulled = await ws.pull('', undefined, tooOld);
    expect(pulled.status).toBe(426);
    expect(pulled.body).toMatchObject({ code: 'sync.updateRequired', message: expect.stringMatching(/update the app/) });
    expect((await ws.pull('', undefined, { schemaVersion: ACCEPTED.schema.oldest - 1 })).status).toBe(426);
    // The oldest accepted versions sync in both directions.
    const oldest = { protocolVersion: ACCEPTED.protocol.oldest, schemaVersion: ACCEPTED.schema.oldest };
    expect((await ws.push([ws.outbox('site.create', site('s2', 'S2'))], oldest)).body).toMatchObject({ lastMutationId: 2 });
    expect((await ws.pull('', undefined, oldest)).status).toBe(200);
  });

  it('asks a workstation newer than the server to wait for the server, writing nothing', async () => {
    const before = await footprint(h.db);
    const newer = { protocolVersion: ACCEPTED.protocol.newest + 1 };
    const pushed = await ws.push([ws.outbox('site.create', site('s1', 'S1'))], newer);
    expect(pushed).toMatchObject({ status: 409, body: { code: 'sync.serverTooOld' } });
    expect((await ws.pull('', undefined, { schemaVersion: ACCEPTED.schema.newest + 1 })).status).toBe(409);
    expect(await footprint(h.db)).toEqual(before);
  });

  it('finishes a push in flight when it is told to stop, and takes no new request', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const mutations = Array.from({ length: 150 }, (_, i) => ws.outbox('site.create', site(`s${i}`, `S${i}`)));
    const inFlight = fetch(`${base}/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ clientId: ws.clientId, ...VERSIONS, mutations }),
    });
    const started = await h.db.read(headSeq);
    while ((await h.db.read(headSeq)) === started) await new Promise((r) => setTimeout(r, 2));
    await h.app.close();
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ lastMutationId: 150, processed: 150 });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
