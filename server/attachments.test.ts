import crypto from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { ATTACHMENT_LIMIT } from '../domain/sync-protocol';
import { buildServer } from './app';
import { bookingArgs, describeEachEngine, replay, startHarness, VENUE, venueWorld, type Harness, type Workstation } from '../test/support/server-harness';
import type { FastifyInstance } from 'fastify';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
/** A scanned letter: some bytes no two tests share. */
const letter = (text = crypto.randomUUID()) => Buffer.from(`%PDF-1.4 公文 ${text}\n`.repeat(50));

describeEachEngine('attachments', (open, engine) => {
  let h: Harness;
  let ws: Workstation;
  beforeEach(async () => {
    h = await startHarness(await open());
    ws = await h.workstation();
  });

  const put = (bytes: Buffer, hash = sha256(bytes), token: string | undefined = ws.token, app: FastifyInstance = h.app) =>
    app.inject({ method: 'PUT', url: `/attachments/${hash}`, payload: bytes, headers: { 'content-type': 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const get = (hash: string, app: FastifyInstance = h.app, token = ws.token) => app.inject({ method: 'GET', url: `/attachments/${hash}`, headers: { authorization: `Bearer ${token}` } });

  it('keeps an uploaded file under its SHA-256 and gives it back; sending it again is harmless', async () => {
    const bytes = letter();
    const first = await put(bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ sha256: sha256(bytes), size: bytes.length, created: true });
    const again = await put(bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false });
    const back = await get(sha256(bytes));
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/octet-stream');
    expect(back.rawPayload.equals(bytes)).toBe(true);
    expect(await get(sha256(letter()))).toMatchObject({ statusCode: 404 });
  });

  it('refuses a file over the limit with 413 naming the limit, a damaged upload with 400, and keeps nothing', async () => {
    const big = Buffer.alloc(ATTACHMENT_LIMIT + 1, 7);
    const tooBig = await put(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'request.tooLarge', message: expect.stringContaining('10 MB') });
    // Exactly the limit is taken (not stored on PGlite, which takes many seconds to write 10 MB; the limit is the HTTP layer's, the same on every engine).
    if (engine.name !== 'PGlite') expect((await put(Buffer.alloc(ATTACHMENT_LIMIT, 7))).statusCode).toBe(201);

    const bytes = letter();
    const damaged = await put(bytes.subarray(0, 100), sha256(bytes));
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json()).toMatchObject({ code: 'attachment.hashMismatch', field: 'sha256' });
    expect((await get(sha256(bytes))).statusCode).toBe(404);
    expect((await put(bytes, 'not-a-hash')).json()).toMatchObject({ code: 'request.invalid', field: 'sha256' });
    expect((await put(bytes, sha256(bytes).toUpperCase())).statusCode).toBe(400);
  });

  it('takes and gives files only to an enrolled workstation', async () => {
    const bytes = letter();
    expect((await put(bytes, undefined, '')).statusCode).toBe(401);
    expect((await put(bytes, undefined, h.adminToken)).json()).toMatchObject({ code: 'auth.deviceTokenRequired' });
    await put(bytes);
    expect((await get(sha256(bytes), h.app, h.adminToken)).statusCode).toBe(403);
  });

  it('refuses, as data, a change that refers to a file that was not uploaded first; once it is, the change applies', async () => {
    await ws.push(venueWorld(ws));
    const bytes = letter();
    const hash = sha256(bytes);
    const scan = { sha256: hash, name: '來函.pdf', size: bytes.length, type: 'application/pdf' };
    const early = ws.outbox('booking.create', bookingArgs('bk1', 0, { attachments: [scan] }), VENUE.clerkId);
    expect((await ws.push([early])).body).toMatchObject({ processed: 1 });
    const refusals = (await ws.pullAll()).flatMap((p) => p.refusals);
    expect(refusals).toEqual([{ clientId: ws.clientId, mutationId: early.mutationId, problem: { code: 'error.attachmentMissing', params: { count: 1, sha256: hash } } }]);

    await put(bytes);
    await ws.push([ws.outbox('booking.create', bookingArgs('bk1', 0, { attachments: [scan] }), VENUE.clerkId)]);
    expect(replay(await ws.pullAll()).get('booking/bk1')).toMatchObject({ attachments: [scan] });
  });

  it('a file uploaded to one server process is there for the others on the same database', async () => {
    const db = await open();
    const first = await startHarness(db);
    const second = await buildServer({ db: engine.twin(db), log: false });
    const desk = await first.workstation();
    const bytes = letter();
    expect((await put(bytes, undefined, desk.token, first.app)).statusCode).toBe(201);
    const back = await get(sha256(bytes), second, desk.token);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(bytes)).toBe(true);
    await second.close();
  });
});
