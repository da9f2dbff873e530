/**
 * Push and pull. Each pushed mutation is processed exactly once, in the client's order,
 * in its own write transaction that also advances the client's last mutation id and
 * stores the outcome; pull pages through the change sequence. See docs/sync.md.
 */
import type { User } from '../domain/entities';
import type { Problem } from '../domain/errors';
import type { Role } from '../domain/roles';
import { activeUser } from './auth';
import { applyMutation, type Actor, type MutationCall } from './apply';
import { faultBeforeCommit } from './faults';
import { HttpError } from './http-error';
import { JsonText } from './json-text';
import type { ChangeFeed } from './pokes';
import type { ServerMetrics } from './metrics';
import { highestNumbersIn, raiseHighWaters, type Renumbering } from './printed-numbers';
import { ACCEPTED, type PullRequest, type PullResponse, type PushRequest, type PushResponse } from '../domain/sync-protocol';
import type { DeviceRow } from './store/auth-data';
import type { SqlConn, SqlDb } from './store/sql';
import { changesSince, type ChangesPage } from './store/changes';
import {
  ackPulled,
  databaseId,
  ensureClient,
  getClient,
  getRecord,
  hasUnackedOutcomes,
  headSeq,
  lastMutationIdsOf,
  makeCursor,
  nextSeq,
  prunedThrough,
  refusalsOf,
  renumberedOf,
  saveOutcome,
  setLastMutationId,
} from './store/sync-data';

export type VersionVerdict = 'ok' | 'tooOld' | 'tooNew';

export function versionVerdict(req: { protocolVersion: number; schemaVersion: number }): VersionVerdict {
  const { protocol, schema } = ACCEPTED;
  if (req.protocolVersion > protocol.newest || req.schemaVersion > schema.newest) return 'tooNew';
  if (req.protocolVersion < protocol.oldest || req.schemaVersion < schema.oldest) return 'tooOld';
  return 'ok';
}

export const serverTooOld = () => new HttpError(409, 'sync.serverTooOld', 'This workstation is newer than the sync server. It keeps working offline; ask the administrator to update the server.');

export const updateRequired = () =>
  new HttpError(426, 'sync.updateRequired', 'This workstation is too old for the sync server. Its saved changes were sent; please update the app to receive changes again.');

function foreignClient(): HttpError {
  return new HttpError(403, 'sync.foreignClient', 'This client id belongs to another workstation.', 'clientId');
}

export type Outcome =
  { last: number; processed: false } | { last: number; processed: true; problem: Problem | null; renumbered: Renumbering | null } | { gap: { expected: number; received: number }; last: number };

/** The workstation a push comes from: which one, when and by whom it was enrolled. */
export type PushingDevice = Pick<DeviceRow, 'id' | 'createdAt' | 'enrolledBy'>;

const forbidden = (name: string): Problem => ({ code: 'error.forbidden', params: { action: name } });

/**
 * Who made a pushed change, as the server knows them now: roles are the server's, not
 * the workstation's. A change made before its workstation was enrolled (it worked alone,
 * its people unknown here) is taken on the authority of the administrator who enrolled
 * it, who must still be active: the roles of that administrator together with those the
 * user holds here, if any (the user records the workstation made come first in its
 * outbox). The history keeps who really made it.
 */
async function actorOf(c: SqlConn, call: MutationCall & { userId: string }, device: PushingDevice | null): Promise<Actor | Problem> {
  if (device && Date.parse(call.at) < Date.parse(device.createdAt)) {
    const admin = await activeUser(c, device.enrolledBy);
    if (!admin) return forbidden(call.name);
    const own = ((await getRecord(c, 'user', call.userId)) as User | undefined)?.roles ?? [];
    return { userId: call.userId, roles: [...new Set<Role>([...admin.roles, ...own])] };
  }
  const user = await activeUser(c, call.userId);
  if (!user) return forbidden(call.name);
  return { userId: user.id, roles: user.roles };
}

/**
 * One mutation under the write lock: skip if done, stop at a gap, else apply or refuse,
 * and record it. What push does per mutation (exported for the roles × mutations test,
 * which runs it in transactions it rolls back).
 */
export async function processOne(c: SqlConn, device: PushingDevice | null, call: MutationCall & { userId: string }, actor: Actor | null, now: string, feed?: ChangeFeed): Promise<Outcome> {
  const deviceId = device?.id ?? null;
  await ensureClient(c, call.clientId, deviceId, now);
  const client = (await getClient(c, call.clientId))!;
  if (client.deviceId !== deviceId) throw foreignClient();
  if (call.mutationId <= client.lastMutationId) return { last: client.lastMutationId, processed: false };
  if (call.mutationId > client.lastMutationId + 1) return { gap: { expected: client.lastMutationId + 1, received: call.mutationId }, last: client.lastMutationId };
  const seq = await nextSeq(c);
  const who = actor ?? (await actorOf(c, call, device));
  const { problem, renumbered } = 'code' in who ? { problem: who, renumbered: null } : await applyMutation(c, seq, call, who, deviceId);
  await saveOutcome(c, { clientId: call.clientId, mutationId: call.mutationId, seq, name: call.name, userId: call.userId, problem, renumbered }, now);
  await setLastMutationId(c, call.clientId, call.mutationId, now);
  // A refusal changes nothing another workstation holds: only the pusher pulls it.
  if (!problem) await feed?.changedInTransaction(c, deviceId);
  if (deviceId) faultBeforeCommit(); // test-only, inert unless GA_FAULT is set
  return { last: call.mutationId, processed: true, problem, renumbered };
}

/** At most this many mutations, or this many milliseconds of work, per write transaction of a push. */
const GROUP_MAX = 100;
const GROUP_MS = 20;

/**
 * Processes a workstation's pushed outbox, a few mutations per transaction. `feed` hears
 * of each applied one, so connected workstations are poked.
 */
export async function push(db: SqlDb, device: PushingDevice, req: PushRequest, now: () => Date = () => new Date(), feed?: ChangeFeed, metrics?: ServerMetrics): Promise<PushResponse> {
  const known = await db.read((c) => getClient(c, req.clientId));
  if (known && known.deviceId !== device.id) throw foreignClient();
  let last = known?.lastMutationId ?? 0;
  let processed = 0;
  const seen = highestNumbersIn(req.mutations.filter((m) => m.mutationId > last));
  if (seen.length > 0) await db.write((c) => raiseHighWaters(c, seen));
  const pending = req.mutations.filter((m) => m.mutationId > last);
  let next = 0;
  while (next < pending.length) {
    // Several mutations share one commit (each still in its own savepoint, its outcome and
    // the client's last id beside it): on SQLite every commit waits for the disk, and one
    // wait per mutation held the server to about 1,200 a second. The group is small and
    // short, so other writers (and pulls, pokes, sign-ins) get their turn between groups.
    const from = next;
    const group = await db.write(async (c) => {
      const started = performance.now();
      const done: Outcome[] = [];
      // Counted from `from` inside, so a transaction run again starts where it started.
      for (let i = from; i < pending.length && done.length < GROUP_MAX && performance.now() - started < GROUP_MS; i++) {
        const outcome = await processOne(c, device, { clientId: req.clientId, ...pending[i] }, null, now().toISOString(), feed);
        done.push(outcome);
        if ('gap' in outcome) break;
      }
      return done;
    });
    next = from + group.length;
    group.forEach((outcome, i) => 'processed' in outcome && outcome.processed && metrics?.mutation(pending[from + i].name, outcome.problem !== null));
    for (const outcome of group) {
      last = outcome.last;
      if ('gap' in outcome) return { lastMutationId: last, processed, gap: outcome.gap };
      if (outcome.processed) {
        processed += 1;
        if (!outcome.problem) feed?.committed(device.id);
      }
    }
    // SQLite's driver is synchronous: let other requests in between the groups of a long push.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { lastMutationId: last, processed };
}

/** Refuses a client id that belongs to another device; registers a new one as this device's. */
export async function checkClient(c: SqlConn, clientId: string, deviceId: string, at: string): Promise<void> {
  const known = await getClient(c, clientId);
  if (known && known.deviceId !== deviceId) throw foreignClient();
  if (!known) await ensureClient(c, clientId, deviceId, at);
}

/** The server's own client, for changes the server makes itself (the first administrator). */
export const SERVER_CLIENT_ID = 'server';

/**
 * Runs a named mutation as the server itself, through the same path as a pushed one.
 * `feed`: tell connected workstations when it applied (a change a person made on the
 * server's own page, such as an agency's online trip request).
 */
export async function runAsServer(db: SqlDb, name: string, args: unknown, actor: Actor, now: Date = new Date(), feed?: ChangeFeed): Promise<Problem | null> {
  const problem = await db.write(async (c) => {
    const at = now.toISOString();
    await ensureClient(c, SERVER_CLIENT_ID, null, at);
    const mutationId = (await getClient(c, SERVER_CLIENT_ID))!.lastMutationId + 1;
    const outcome = await processOne(c, null, { clientId: SERVER_CLIENT_ID, mutationId, name, args, at, userId: actor.userId }, actor, at, feed);
    return 'problem' in outcome ? outcome.problem : null;
  });
  if (!problem) feed?.committed(null);
  return problem;
}

function parseCursor(cursor: string, dbId: string): number {
  if (cursor === '') return 0;
  const m = /^(.+)\/(\d{1,15})$/.exec(cursor);
  if (!m) throw new HttpError(400, 'request.invalid', 'The cursor is not one this server gave out.', 'cursor');
  if (m[1] !== dbId) throw resetRequired();
  return Number(m[2]);
}

const resetRequired = () => new HttpError(409, 'sync.resetRequired', "The server's data was replaced since this workstation last synced: pull again from an empty cursor.", 'cursor');

/** The first protocol whose workstations do a full resync when told to (older ones are asked to update). */
const RESYNC_PROTOCOL = 4;

const resyncRequired = () =>
  new HttpError(
    409,
    'sync.resyncRequired',
    'This workstation last synced before the oldest change the server still keeps (older deletions were pruned): keep the unsent changes, pull everything from an empty cursor and replace the local copy with it.',
    'cursor',
  );

/**
 * Pages of changes lately sent, per database handle. A poke sends every connected
 * workstation to pull the same page at once (from the cursor they all hold, up to the
 * same head): it is read once, not two hundred times. A page is keyed by the database's
 * id and head sequence number, which every change advances, so a kept page is exactly
 * what reading it again would give.
 */
const recentPages = new WeakMap<SqlDb, Map<string, ChangesPage>>();
const KEPT_PAGES = 32;
const KEPT_PAGE_BYTES = 256 * 1024;

async function sharedPage(db: SqlDb, key: string, read: () => Promise<ChangesPage>): Promise<ChangesPage> {
  let pages = recentPages.get(db);
  if (!pages) recentPages.set(db, (pages = new Map()));
  const kept = pages.get(key);
  if (kept) return kept;
  const page = await read();
  if (page.json.length <= KEPT_PAGE_BYTES) {
    pages.set(key, page);
    if (pages.size > KEPT_PAGES) pages.delete(pages.keys().next().value!);
  }
  return page;
}

/**
 * One page of changes as the reply's JSON text (a PullResponse): the records' data goes
 * out as the store holds it, never parsed and serialised again.
 */
export async function pull(db: SqlDb, deviceId: string, req: PullRequest, now: () => Date = () => new Date()): Promise<JsonText> {
  let acked = 0;
  const reply = await db.read(async (c) => {
    const client = await getClient(c, req.clientId);
    if (client && client.deviceId !== deviceId) throw foreignClient();
    const dbId = await databaseId(c);
    const after = parseCursor(req.cursor, dbId);
    const head = await headSeq(c);
    if (after > head) throw resetRequired();
    // Below the horizon the deletions in between may be pruned: only a pull of everything is whole.
    if (after > 0 && after < (await prunedThrough(c))) throw req.protocolVersion >= RESYNC_PROTOCOL ? resyncRequired() : updateRequired();
    // The cursor says the workstation saved the pages before it: refusals there may be pruned.
    if (after > 0 && (await hasUnackedOutcomes(c, deviceId, after))) acked = after;
    const page = await sharedPage(db, `${dbId}/${head}/${after}/${req.limit}`, () => changesSince(c, after, req.limit));
    const rest: Omit<PullResponse, 'changes'> = {
      cursor: makeCursor(dbId, page.through),
      more: page.more,
      lastMutationIds: await lastMutationIdsOf(c, deviceId, page.through),
      refusals: await refusalsOf(c, deviceId, after, page.through),
      renumbered: await renumberedOf(c, deviceId, after, page.through),
    };
    const tail = `,${JSON.stringify(rest).slice(1)}`;
    return new JsonText(typeof page.json === 'string' ? `{"changes":${page.json}${tail}` : Buffer.concat([Buffer.from('{"changes":'), page.json, Buffer.from(tail)]));
  });
  // A write only when a refusal or renumbering was confirmed: rare, so pulls stay reads.
  if (acked > 0) {
    await db.write(async (c) => {
      await ensureClient(c, req.clientId, deviceId, now().toISOString());
      await ackPulled(c, req.clientId, acked);
    });
  }
  return reply;
}
