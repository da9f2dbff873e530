/**
 * Push and pull. Each pushed mutation is processed exactly once, in the client's order,
 * in its own write transaction that also advances the client's last mutation id and
 * stores the outcome; pull pages through the change sequence. See docs/sync.md.
 */
import type { Problem } from '../domain/errors';
import { activeUser } from './auth';
import { applyMutation, type Actor, type MutationCall } from './apply';
import { faultBeforeCommit } from './faults';
import { HttpError } from './http-error';
import { ACCEPTED, type PullRequest, type PullResponse, type PushRequest, type PushResponse } from '../domain/sync-protocol';
import type { SqlConn, SqlDb } from './store/sql';
import { changesSince, databaseId, ensureClient, getClient, headSeq, lastMutationIdsOf, nextSeq, refusalsOf, saveOutcome, setLastMutationId } from './store/sync-data';

export type VersionVerdict = 'ok' | 'tooOld' | 'tooNew';

export function versionVerdict(req: { protocolVersion: number; schemaVersion: number }): VersionVerdict {
  const { protocol, schema } = ACCEPTED;
  if (req.protocolVersion > protocol.newest || req.schemaVersion > schema.newest) return 'tooNew';
  if (req.protocolVersion < protocol.oldest || req.schemaVersion < schema.oldest) return 'tooOld';
  return 'ok';
}

export const serverTooOld = () =>
  new HttpError(409, 'sync.serverTooOld', 'This workstation is newer than the sync server. It keeps working offline; ask the administrator to update the server.');

export const updateRequired = () =>
  new HttpError(426, 'sync.updateRequired', 'This workstation is too old for the sync server. Its saved changes were sent; please update the app to receive changes again.');

function foreignClient(): HttpError {
  return new HttpError(403, 'sync.foreignClient', 'This client id belongs to another workstation.', 'clientId');
}

type Outcome = { last: number; processed: false } | { last: number; processed: true; problem: Problem | null } | { gap: { expected: number; received: number }; last: number };

/** Who made a pushed change, as the server knows them now: roles are the server's, not the workstation's. */
async function actorOf(c: SqlConn, userId: string, name: string): Promise<Actor | Problem> {
  const user = await activeUser(c, userId);
  if (!user) return { code: 'error.forbidden', params: { action: name } };
  return { userId: user.id, roles: user.roles };
}

/** One mutation under the write lock: skip if done, stop at a gap, else apply or refuse, and record it. */
async function processOne(c: SqlConn, deviceId: string | null, call: MutationCall & { userId: string }, actor: Actor | null, now: string): Promise<Outcome> {
  await ensureClient(c, call.clientId, deviceId, now);
  const client = (await getClient(c, call.clientId))!;
  if (client.deviceId !== deviceId) throw foreignClient();
  if (call.mutationId <= client.lastMutationId) return { last: client.lastMutationId, processed: false };
  if (call.mutationId > client.lastMutationId + 1) return { gap: { expected: client.lastMutationId + 1, received: call.mutationId }, last: client.lastMutationId };
  const seq = await nextSeq(c);
  const who = actor ?? (await actorOf(c, call.userId, call.name));
  const problem = 'code' in who ? who : await applyMutation(c, seq, call, who);
  await saveOutcome(c, { clientId: call.clientId, mutationId: call.mutationId, seq, name: call.name, userId: call.userId, problem }, now);
  await setLastMutationId(c, call.clientId, call.mutationId, now);
  if (deviceId) faultBeforeCommit(); // test-only, inert unless GA_FAULT is set
  return { last: call.mutationId, processed: true, problem };
}

export async function push(db: SqlDb, deviceId: string, req: PushRequest, now: () => Date = () => new Date()): Promise<PushResponse> {
  const known = await db.read((c) => getClient(c, req.clientId));
  if (known && known.deviceId !== deviceId) throw foreignClient();
  let last = known?.lastMutationId ?? 0;
  let processed = 0;
  for (const m of req.mutations) {
    // Already processed (a retried push): nothing to do, not even a transaction.
    if (m.mutationId <= last) continue;
    const outcome = await db.write((c) => processOne(c, deviceId, { clientId: req.clientId, ...m }, null, now().toISOString()));
    last = outcome.last;
    if ('gap' in outcome) return { lastMutationId: last, processed, gap: outcome.gap };
    if (outcome.processed) processed += 1;
  }
  return { lastMutationId: last, processed };
}

/** The server's own client, for changes the server makes itself (the first administrator). */
export const SERVER_CLIENT_ID = 'server';

/** Runs a named mutation as the server itself, through the same path as a pushed one. */
export async function runAsServer(db: SqlDb, name: string, args: unknown, actor: Actor, now: Date = new Date()): Promise<Problem | null> {
  return db.write(async (c) => {
    const at = now.toISOString();
    await ensureClient(c, SERVER_CLIENT_ID, null, at);
    const mutationId = (await getClient(c, SERVER_CLIENT_ID))!.lastMutationId + 1;
    const outcome = await processOne(c, null, { clientId: SERVER_CLIENT_ID, mutationId, name, args, at, userId: actor.userId }, actor, at);
    return 'problem' in outcome ? outcome.problem : null;
  });
}

/** Cursors are opaque to workstations: `<database id>/<sequence number>`. */
export function makeCursor(dbId: string, seq: number): string {
  return `${dbId}/${seq}`;
}

function parseCursor(cursor: string, dbId: string): number {
  if (cursor === '') return 0;
  const m = /^(.+)\/(\d{1,15})$/.exec(cursor);
  if (!m) throw new HttpError(400, 'request.invalid', 'The cursor is not one this server gave out.', 'cursor');
  if (m[1] !== dbId) throw resetRequired();
  return Number(m[2]);
}

const resetRequired = () =>
  new HttpError(409, 'sync.resetRequired', 'The server\'s data was replaced since this workstation last synced: pull again from an empty cursor.', 'cursor');

export async function pull(db: SqlDb, deviceId: string, req: PullRequest): Promise<PullResponse> {
  return db.read(async (c) => {
    const client = await getClient(c, req.clientId);
    if (client && client.deviceId !== deviceId) throw foreignClient();
    const after = parseCursor(req.cursor, await databaseId(c));
    if (after > (await headSeq(c))) throw resetRequired();
    const page = await changesSince(c, after, req.limit);
    return {
      changes: page.changes,
      cursor: makeCursor(await databaseId(c), page.through),
      more: page.more,
      lastMutationIds: await lastMutationIdsOf(c, deviceId, page.through),
      refusals: await refusalsOf(c, deviceId, after, page.through),
    };
  });
}
