/**
 * The sync protocol: versions and the shape of every request and reply, as zod schemas.
 * The server validates with them and /openapi.json is generated from them; docs/sync.md
 * explains the rules. Pure, so the server and the workstation's sync client share it.
 */
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from './attachments';
import { KINDS } from './entities';
import { NUMBER_PREFIXES, type NumberKind } from './numbering';

/**
 * The protocol spoken by this server. Bump it when a request or reply changes shape.
 * 1: push, pull, login, enrollment. 2: leased number blocks (POST /leases), `renumbered`
 * in pull replies, attachments (PUT/GET /attachments/:sha256), live pokes (GET /events).
 * A server of 2 still serves a workstation of 1 (it ignores `renumbered`, gets its
 * provisional numbers replaced, and is told when a file it refers to never arrived).
 * 3: `requestId` in lease requests (a retried lease gets the same block); /events closes
 * with 4401 auth.revoked when the workstation is revoked. A server of 3 serves a
 * workstation of 2 (no request id: every lease a new block); a server of 2 would refuse
 * the new field, so a workstation of 3 is told that server is too old.
 * 4: pull answers 409 sync.resyncRequired to a cursor below the pruning horizon, and the
 * workstation pulls everything again and replaces its copy (keeping its unsent writes); a
 * workstation of 3 is asked to update instead (426), as it would not replace its copy.
 */
export const PROTOCOL_VERSION = 4;
/**
 * The version of the synced data: record kinds, their fields and the named mutations.
 *
 * THE RULE: adding, renaming or removing a record kind (domain/entities.ts KINDS) or a
 * named mutation (domain/mutations mutationList) bumps SCHEMA_VERSION, and so does a
 * field a workstation must keep. SCHEMA_FINGERPRINT records the names this version stands
 * for; sync-protocol.test.ts recomputes it and fails until both are updated.
 *
 * What the bump buys: the server goes on serving a workstation one version older
 * (ACCEPTED). That workstation stores nothing of a kind it does not know, neither the
 * records nor their history, and its cursor moves on (electron/backend/sync/rebase.ts);
 * a mutation name it does not know never reaches it (pulls carry records, not
 * mutations). Once updated, it finds its data was pulled by an older version and pulls
 * everything again, once, to get what it skipped (sync-client.ts).
 */
export const SCHEMA_VERSION = 5;
/** The sorted kind and mutation names of SCHEMA_VERSION, hashed (see sync-protocol.test.ts). */
export const SCHEMA_FINGERPRINT = { schemaVersion: 5, names: 155, sha256: '81d5312547683168' } as const;

/**
 * What the server accepts: its own version and the one before it, so a workstation one
 * release behind still syncs. An older one is told to update (pull answers 426) while its
 * queued writes are still taken (push works). A newer one waits for the server (409).
 */
export const ACCEPTED = {
  protocol: { oldest: Math.max(1, PROTOCOL_VERSION - 1), newest: PROTOCOL_VERSION },
  schema: { oldest: Math.max(1, SCHEMA_VERSION - 1), newest: SCHEMA_VERSION },
} as const;

/** Largest request body, in bytes: a push of a few hundred mutations fits easily. */
export const BODY_LIMIT = 2 * 1024 * 1024;
export const MAX_MUTATIONS_PER_PUSH = 1000;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9:._-]+$/, 'letters, digits and : . _ - only');

const versions = {
  protocolVersion: z.number().int().min(0).max(1_000_000).describe('The protocol version the workstation speaks'),
  schemaVersion: z.number().int().min(0).max(1_000_000).describe('The data schema version of the workstation'),
};

export const problemSchema = z
  .object({
    code: z.string().describe("Message key; the workstation renders it in its user's language"),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    field: z.string().optional().describe('The argument the problem is about'),
  })
  .meta({ id: 'Problem' });

export const pushedMutation = z
  .object({
    mutationId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Strictly increasing per client, from 1'),
    name: z.string().min(1).max(100).describe('A named mutation, e.g. site.update'),
    args: z.unknown().describe("Its arguments; checked by the mutation's own schema"),
    at: z.iso.datetime({ offset: true }).describe('When the user made the change (UTC ISO)'),
    userId: id.describe('Who made the change on the workstation'),
  })
  .strict()
  .meta({ id: 'PushedMutation' });

export const pushRequest = z
  .object({
    clientId: id,
    ...versions,
    mutations: z.array(pushedMutation).max(MAX_MUTATIONS_PER_PUSH).describe('The outbox, in order'),
  })
  .strict()
  .meta({ id: 'PushRequest' });
export type PushRequest = z.output<typeof pushRequest>;

export const pushResponse = z
  .object({
    lastMutationId: z.number().int().describe('The last mutation of this client the server has processed (applied or refused)'),
    processed: z.number().int().describe('How many of the pushed mutations were processed by this request'),
    gap: z.object({ expected: z.number().int(), received: z.number().int() }).optional().describe('Processing stopped: a mutation id was missing'),
  })
  .meta({ id: 'PushResponse' });
export type PushResponse = z.output<typeof pushResponse>;

export const pullRequest = z
  .object({
    clientId: id,
    ...versions,
    cursor: z.string().max(200).default('').describe('From the previous reply; empty for a first sync'),
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  })
  .strict()
  .meta({ id: 'PullRequest' });
export type PullRequest = z.output<typeof pullRequest>;

export const RECORD_KINDS = [...KINDS, 'audit'] as const;

export const changeSchema = z
  .object({
    seq: z.number().int(),
    kind: z.string().describe(`A record kind (${RECORD_KINDS.join(', ')}); unknown kinds are for a newer release`),
    id: z.string(),
    op: z.enum(['put', 'delete']),
    data: z.record(z.string(), z.unknown()).nullable().describe('The whole record as it is now; null when deleted'),
  })
  .meta({ id: 'Change' });

export const refusalSchema = z.object({ clientId: z.string(), mutationId: z.number().int(), problem: problemSchema }).meta({ id: 'Refusal' });

export const renumberingSchema = z
  .object({
    clientId: z.string(),
    mutationId: z.number().int(),
    from: z.string().describe('The printed number the workstation gave (provisional, or taken meanwhile by another workstation)'),
    to: z.string().describe('The number the server gave the record instead'),
  })
  .meta({ id: 'Renumbering' });

export const pullResponse = z
  .object({
    changes: z.array(changeSchema).describe('Each changed record once, in its latest state, in commit order'),
    cursor: z.string().describe('Opaque; send it with the next pull, after saving this page'),
    more: z.boolean().describe('More changes wait: pull again right away'),
    lastMutationIds: z.record(z.string(), z.number().int()).describe('Per client id of this workstation, the last mutation covered by this page'),
    refusals: z.array(refusalSchema).describe('Mutations of this workstation the server refused, covered by this page'),
    renumbered: z.array(renumberingSchema).optional().describe('Mutations of this workstation whose printed number the server replaced, covered by this page (protocol 2; always sent)'),
  })
  .meta({ id: 'PullResponse' });
export type PullResponse = z.output<typeof pullResponse>;

/** Largest block of printed numbers one lease hands out. */
export const MAX_LEASE_COUNT = 10_000;

const numberKind = z.enum(Object.keys(NUMBER_PREFIXES) as [NumberKind, ...NumberKind[]]);

export const leaseRequest = z
  .object({
    clientId: id,
    ...versions,
    kind: numberKind.describe('Which printed numbers: ticket (維), booking (場), permit (證), trip (車)'),
    year: z.number().int().min(1912).max(9999).describe('Gregorian year the numbers are for (printed as the ROC year)'),
    count: z.number().int().min(1).max(MAX_LEASE_COUNT).describe('How many numbers'),
    requestId: id
      .optional()
      .describe(
        'Protocol 3: made once per block wanted and sent again on every retry until the block is stored; the same id gets the same block (a lost reply leaves no gap). Without it every request gets a new block',
      ),
  })
  .strict()
  .meta({ id: 'LeaseRequest' });
export type LeaseRequest = z.output<typeof leaseRequest>;

export const leaseResponse = z
  .object({
    kind: numberKind,
    year: z.number().int(),
    from: z.number().int().describe('First number of the block'),
    to: z.number().int().describe('Last number of the block (inclusive)'),
  })
  .meta({ id: 'Lease' });
export type LeaseResponse = z.output<typeof leaseResponse>;

/** Largest attachment the server takes, in bytes. */
export const ATTACHMENT_LIMIT = MAX_ATTACHMENT_BYTES;

export const sha256Params = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits (the SHA-256 of the file)') });

export const attachmentStored = z.object({ sha256: z.string(), size: z.number().int(), created: z.boolean().describe('false: the server had the file already') }).meta({ id: 'AttachmentStored' });

/** Where a workstation listens for pokes (WebSocket, device token in the Authorization header). */
export const EVENTS_PATH = '/events';

/**
 * The only message the server sends on /events: something changed. With `from`, `to` and
 * `changes` it carries what changed since cursor `from`: a workstation holding `from` (or a
 * cursor up to `to`, see pokeCovers) and nothing unsent may apply them as a pulled page
 * ending at `to` instead of pulling.
 * Otherwise (or without them) it pulls. Ignore other types (a newer server's).
 */
export const pokeMessage = z
  .object({
    type: z.literal('poke'),
    from: z.string().optional().describe('The cursor the changes follow'),
    to: z.string().optional().describe('The cursor after them'),
    changes: z.array(changeSchema).optional().describe('As in a pull: each changed record once, in its latest state, in commit order'),
  })
  .meta({ id: 'Poke' });
export const POKE = JSON.stringify({ type: 'poke' });

/**
 * What a workstation holding `cursor` does with a poke's changes from `from` to `to`:
 * apply them when it holds `from` or a cursor between (each change is its record's state
 * at `to`, so one it already holds is put again unchanged), nothing when it holds `to` or
 * later, and pull when it is behind `from` or on another database. Cursors of the same
 * database compare by their sequence number (`<database id>/<sequence number>`).
 */
export function pokeCovers(cursor: string, poke: { from: string; to: string }): 'apply' | 'have' | 'pull' {
  const at = (c: string) => /^(.+)\/(\d{1,15})$/.exec(c);
  const [held, from, to] = [at(cursor), at(poke.from), at(poke.to)];
  if (!held || !from || !to || held[1] !== from[1] || to[1] !== from[1]) return 'pull';
  const n = Number(held[2]);
  if (n < Number(from[2])) return 'pull';
  return n >= Number(to[2]) ? 'have' : 'apply';
}

/** How the server closes /events when the workstation's enrollment is revoked: it stops syncing and says so (as on 401 auth.revoked). */
export const EVENTS_CLOSE_REVOKED = { code: 4401, reason: 'auth.revoked' } as const;

export const loginRequest = z
  .object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) })
  .strict()
  .meta({ id: 'LoginRequest' });

export const userView = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) }).meta({ id: 'User' });

export const loginResponse = z.object({ token: z.string().describe('Send as Authorization: Bearer <token>'), expiresAt: z.string(), user: userView }).meta({ id: 'LoginResponse' });

export const enrollRequest = z
  .object({ name: z.string().trim().min(1).max(60).describe('A name people recognise, e.g. 鳳山前棟 1F 櫃檯') })
  .strict()
  .meta({ id: 'EnrollRequest' });

export const deviceView = z.object({ id: z.string(), name: z.string(), enrolledBy: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() }).meta({ id: 'Device' });

export const enrollResponse = z.object({ device: deviceView, token: z.string().describe('Shown once; the workstation keeps it') }).meta({ id: 'EnrollResponse' });

export const devicesResponse = z.object({ devices: z.array(deviceView) }).meta({ id: 'DeviceList' });

export const setPasswordRequest = z
  .object({ password: z.string().min(8).max(200) })
  .strict()
  .meta({ id: 'SetPasswordRequest' });

export const idParams = z.object({ id });

export const okResponse = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

export const healthResponse = z
  .object({
    status: z.literal('ok'),
    engine: z.string(),
    protocol: z.object({ oldest: z.number(), newest: z.number() }),
    schema: z.object({ oldest: z.number(), newest: z.number() }),
  })
  .meta({ id: 'Health' });

export const errorResponse = z
  .object({
    statusCode: z.number().int(),
    code: z.string().describe('Stable, for programs: e.g. auth.invalidToken, sync.updateRequired'),
    message: z.string().describe('Plain words, for people'),
    field: z.string().optional(),
  })
  .meta({ id: 'Error' });
