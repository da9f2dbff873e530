import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { SyncServerApi } from './server-api';

let server: http.Server | null = null;

/** A server that answers every pull with this body. */
async function answering(body: unknown): Promise<SyncServerApi> {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return new SyncServerApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 5000);
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

const page = (changes: unknown[]) => ({ changes, cursor: 'db/3', more: false, lastMutationIds: {}, refusals: [], renumbered: [] });

it('takes a pull page whose records it does not check field by field', async () => {
  const api = await answering(
    page([
      { seq: 1, kind: 'site', id: 's1', op: 'put', data: { id: 's1', nameZh: '四維行政中心', anything: [1, { deep: true }] } },
      { seq: 2, kind: 'kindOfANewerRelease', id: 'x', op: 'put', data: {} },
      { seq: 3, kind: 'site', id: 's2', op: 'delete', data: null },
    ]),
  );
  const reply = await api.pull('gad_token', 'client-1', '', 10);
  expect(reply.changes.map((c) => c.id)).toEqual(['s1', 'x', 's2']);
  expect(reply.changes[0].data).toEqual({ id: 's1', nameZh: '四維行政中心', anything: [1, { deep: true }] });
});

it('refuses a pull page with a change that has no kind or id, or data that is not a record', async () => {
  const bad = [
    { seq: 1, id: 's1', op: 'put', data: {} },
    { seq: 1, kind: 'site', id: 7, op: 'put', data: {} },
    { seq: 1, kind: 'site', id: 's1', op: 'put', data: [] },
    { seq: 1, kind: 'site', id: 's1', op: 'put', data: 'text' },
    { seq: 1, kind: 'site', id: 's1', op: 'replace', data: {} },
    'not a change',
  ];
  for (const change of bad) {
    const api = await answering(page([{ seq: 0, kind: 'site', id: 'ok', op: 'put', data: {} }, change]));
    await expect(api.pull('gad_token', 'client-1', '', 10)).rejects.toMatchObject({ code: 'sync.badReply' });
    await new Promise((resolve) => server?.close(resolve));
  }
  const api = await answering({ ...page([]), cursor: 42 });
  await expect(api.pull('gad_token', 'client-1', '', 10)).rejects.toMatchObject({ code: 'sync.badReply' });
});
