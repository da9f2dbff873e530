/**
 * What an operator watches: readiness (the database answers) and the Prometheus metrics
 * (requests by route, mutations applied and refused by name, who may scrape).
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/support/fresh-db';
import { describeEachEngine, site, startHarness, type Harness } from '../test/support/server-harness';
import { markRestored } from './backups';
import type { SqlDb } from './store/sql';
import { openSqlite } from './store/sqlite';

const metricsOf = async (h: Harness, token?: string) => {
  const res = await h.app.inject({ method: 'GET', url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.statusCode, text: res.body, type: String(res.headers['content-type']) };
};

/** The value of one series in a Prometheus text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describeEachEngine('readiness and metrics', (open) => {
  it('/readyz says ready while the database answers; /healthz stays liveness', async () => {
    const h = await startHarness(await open());
    expect((await h.call('GET', '/readyz')).body).toEqual({ status: 'ready', engine: h.db.engine });
    expect((await h.call('GET', '/healthz')).body).toMatchObject({ status: 'ok' });
  });

  it('after a push with one good and one refused mutation, /metrics counts both by name, and the latency of the /push route', async () => {
    const h = await startHarness(await open());
    const ws = await h.workstation('desk A');
    const pushed = await ws.push([ws.outbox('site.create', site('s1', 'SW')), ws.outbox('site.create', site('s2', 'SW'))]);
    expect(pushed.body).toMatchObject({ processed: 2 });
    await ws.pull();
    await h.call('POST', '/devices/no-such-device/revoke', undefined, h.adminToken);

    const m = await metricsOf(h, h.adminToken);
    expect(m.status).toBe(200);
    expect(m.type).toContain('text/plain');
    expect(sample(m.text, 'ga_mutations_total{name="site.create",outcome="applied"}')).toBe(1);
    expect(sample(m.text, 'ga_mutations_total{name="site.create",outcome="refused"}')).toBe(1);
    expect(sample(m.text, 'ga_http_request_duration_seconds_count{method="POST",route="/push",status="200"}')).toBe(1);
    expect(sample(m.text, 'ga_http_requests_total{method="POST",route="/devices/:id/revoke",status="404"}')).toBe(1);
    expect(m.text).not.toContain('no-such-device');
    expect(sample(m.text, 'ga_change_head_seq')).toBeGreaterThanOrEqual(3);
    expect(sample(m.text, 'ga_database_size_bytes')).toBeGreaterThan(0);
    expect(sample(m.text, 'ga_connected_workstations')).toBe(0);
  });

  it('pull lag: a workstation that has not pulled the latest changes is counted behind by their number', async () => {
    const h = await startHarness(await open());
    const [a, b] = [await h.workstation('A'), await h.workstation('B')];
    const [page] = await b.pullAll();
    await a.push([a.outbox('site.create', site('s1', 'SW')), a.outbox('site.create', site('s2', 'FS'))]);
    await b.pull(page.cursor); // its cursor says what it had: it is now two changes behind
    const m = await metricsOf(h, h.adminToken);
    expect(sample(m.text, 'ga_pull_lag_changes')).toBe(2);
    expect(sample(m.text, 'ga_workstations_behind')).toBe(1);
  });

  it('a store marked restored (after pg_restore, or by restore on SQLite) sends workstations back to the start, and tells each its last mutation', async () => {
    const h = await startHarness(await open());
    const ws = await h.workstation();
    await ws.push([ws.outbox('site.create', site('s1', 'SW')), ws.outbox('site.create', site('s2', 'FS'))]);
    const [page] = await ws.pullAll();
    await markRestored(h.db);
    expect((await ws.pull(page.cursor)).body).toMatchObject({ code: 'sync.resetRequired' });
    // What a workstation asks before it pushes again what the server lost.
    expect((await ws.push([])).body).toEqual({ lastMutationId: 2, processed: 0 });
  });
});

describe('who may read /metrics', () => {
  it('with a scrape token: that token or an administrator; without: the loopback address too, a workstation never', async () => {
    const h = await startHarness(openSqlite(tempDir('ga-metrics-')), { metricsToken: 'scrape-secret-0123456789abcdef0123' });
    const ws = await h.workstation();
    expect((await metricsOf(h)).status).toBe(403);
    expect((await metricsOf(h, 'scrape-secret-wrong')).status).toBe(401);
    expect((await metricsOf(h, ws.token)).status).toBe(401);
    expect((await metricsOf(h, 'scrape-secret-0123456789abcdef0123')).status).toBe(200);
    expect((await metricsOf(h, h.adminToken)).status).toBe(200);

    const open = await startHarness(openSqlite(tempDir('ga-metrics-')));
    expect((await metricsOf(open)).status).toBe(200); // inject comes from 127.0.0.1
    const far = await open.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(far.statusCode).toBe(403);
    expect(JSON.parse(far.body)).toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('/readyz when the database does not answer', () => {
  it('answers 503 server.notReady with the reason, within its timeout', async () => {
    const db = openSqlite(tempDir('ga-ready-'));
    let stuck = false;
    const wrapped: SqlDb = { ...db, read: (work) => (stuck ? new Promise(() => undefined) : db.read(work)) };
    const h = await startHarness(wrapped);
    expect((await h.call('GET', '/readyz')).status).toBe(200);
    stuck = true;
    const started = Date.now();
    const r = await h.call('GET', '/readyz');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'server.notReady', message: expect.stringContaining('no answer within 2000 ms') });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await h.call('GET', '/healthz')).status).toBe(200);
    stuck = false;
  });
});
