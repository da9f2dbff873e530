/**
 * Pruning: what the server keeps only for a while. After the retention period the
 * administrator sets (`--retention-days`, default 180):
 *
 * - tombstones (deleted records, `data` NULL) go: workstations that synced since know of
 *   the deletion; one that did not is below the horizon and pulls everything again;
 * - mutation outcomes go (`mutation_result`), except a refusal or renumbering its
 *   workstation has not yet confirmed receiving (its cursor is still before it): that one
 *   waits, so nothing a user typed is dropped unseen. Exactly-once does not rest on them:
 *   `client.last_mutation_id` (one row per client id, never pruned) is what a retried
 *   push is checked against, and `client.pruned_mutation_id` keeps pull's
 *   `lastMutationIds` whole;
 * - the horizon (`server_info 'prunedThrough'`) moves up to the last change processed
 *   before the retention period began. A pull from a cursor below it is answered
 *   `409 sync.resyncRequired` (docs/sync.md, *Pruning*).
 *
 * Files no record refers to (an upload whose change was refused or never sent), untouched
 * for the grace period (`--attachment-grace-days`, default 7), are removed. Records of
 * every kind count, history entries (`audit`) included: a file a record once showed stays
 * while its history does.
 *
 * Runs on a schedule in the server (daily) and on demand: `npm run server -- prune`.
 * Idempotent, and safe beside pushes and other server processes: it writes under the same
 * write lock, in transactions of a bounded stretch of the change sequence each.
 */
import { ATTACHMENT_FIELDS, isSha256 } from '../domain/attachments';
import { attachmentsBefore, deleteAttachmentRow, removeAttachmentFiles } from './store/attachment-data';
import { fromJson, num, one, type SqlConn, type SqlDb } from './store/sql';
import { headSeq, prunedThrough } from './store/sync-data';

export const DEFAULT_RETENTION_DAYS = 180;
export const DEFAULT_ATTACHMENT_GRACE_DAYS = 7;
/**
 * At least this: a workstation uploads a file again before pushing a change whose upload
 * is older than a day (electron/backend/sync/sync-client.ts), so a grace of two days
 * never takes a file from under a push on its way.
 */
export const MIN_ATTACHMENT_GRACE_DAYS = 2;
const DAY_MS = 86_400_000;

export interface PruneOptions {
  retentionDays?: number;
  attachmentGraceDays?: number;
  now?: Date;
}

export interface PruneReport {
  /** Changes at or below this sequence number may have lost their tombstones and outcomes. */
  horizon: number;
  tombstones: number;
  results: number;
  attachments: number;
}

export class PruneOptionError extends Error {}

export function checkPruneOptions(opts: PruneOptions): Required<Omit<PruneOptions, 'now'>> {
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const attachmentGraceDays = opts.attachmentGraceDays ?? DEFAULT_ATTACHMENT_GRACE_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new PruneOptionError(`The retention must be a whole number of days, at least 1, not "${opts.retentionDays}".`);
  if (!Number.isInteger(attachmentGraceDays) || attachmentGraceDays < MIN_ATTACHMENT_GRACE_DAYS) {
    throw new PruneOptionError(`The attachment grace period must be a whole number of days, at least ${MIN_ATTACHMENT_GRACE_DAYS}, not "${opts.attachmentGraceDays}".`);
  }
  return { retentionDays, attachmentGraceDays };
}

/** A device whose refusals and renumberings may go at the horizon without waiting for it: none (the server's own), or revoked. */
const GONE_DEVICE = 'k.device_id IS NULL OR k.device_id IN (SELECT id FROM device WHERE revoked_at IS NOT NULL)';

/** Sequence numbers per write transaction of the pruning, so pushes get their turn between them. */
const CHUNK = 10_000;

/**
 * The horizon moves first, in a transaction of its own: from its commit on, a cursor below
 * it is refused, so no pull can miss a tombstone the chunks after it remove. Each chunk
 * then records the clients' pruned mutation ids together with removing their outcomes.
 */
async function pruneHistory(db: SqlDb, cutoff: string): Promise<Omit<PruneReport, 'attachments'>> {
  const { horizon, from } = await db.write(async (c) => {
    const before = await prunedThrough(c);
    const reached = num((await one<{ seq: unknown }>(c, 'SELECT max(seq) AS seq FROM mutation_result WHERE processed_at < ?', [cutoff]))?.seq);
    const horizon = Math.min(Math.max(before, reached), await headSeq(c));
    if (horizon > before) await c.run("INSERT INTO server_info (key, value) VALUES ('prunedThrough', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(horizon)]);
    // Outcomes kept below the horizon before (refusals waiting for their workstation) are looked at again.
    const lowest = await one<{ r: unknown; t: unknown }>(c, 'SELECT (SELECT min(seq) FROM mutation_result) AS r, (SELECT min(seq) FROM record WHERE data IS NULL) AS t');
    const starts = [lowest?.r, lowest?.t].filter((v) => v !== null && v !== undefined).map(num);
    return { horizon, from: starts.length ? Math.min(...starts) - 1 : horizon };
  });
  let tombstones = 0;
  let results = 0;
  for (let lo = from; lo < horizon; lo += CHUNK) {
    const hi = Math.min(lo + CHUNK, horizon);
    const done = await db.write(async (c) => {
      // Remembered first: pull reports these mutations processed once their outcomes are gone.
      const maxIn = 'SELECT max(r.mutation_id) FROM mutation_result r WHERE r.client_id = client.client_id AND r.seq > ? AND r.seq <= ?';
      await c.run(`UPDATE client SET pruned_mutation_id = (${maxIn}) WHERE pruned_mutation_id < coalesce((${maxIn}), 0)`, [lo, hi, lo, hi]);
      const t = await c.run('DELETE FROM record WHERE data IS NULL AND seq > ? AND seq <= ?', [lo, hi]);
      const r = await c.run(
        `DELETE FROM mutation_result WHERE seq > ? AND seq <= ? AND (
           (ok = 1 AND renumbered IS NULL)
           OR client_id IN (SELECT k.client_id FROM client k WHERE ${GONE_DEVICE})
           OR seq <= (SELECT coalesce(max(a.acked_seq), 0) FROM client a JOIN client k ON a.device_id = k.device_id WHERE k.client_id = mutation_result.client_id))`,
        [lo, hi],
      );
      return { t, r };
    });
    tombstones += done.t;
    results += done.r;
  }
  return { horizon, tombstones, results };
}

/** Every file hash a record refers to: under a field named `attachments` or `photos`, at any depth (a history entry's `[before, after]` too). */
export function referencedHashes(data: unknown, into: Set<string> = new Set()): Set<string> {
  const visit = (value: unknown, inField: boolean, depth: number): void => {
    if (depth > 24 || value === null || typeof value !== 'object') {
      if (inField && isSha256(value)) into.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) visit(v, inField, depth + 1);
      return;
    }
    const fields = value as Record<string, unknown>;
    if (inField && isSha256(fields.sha256)) into.add(fields.sha256);
    for (const key in fields) visit(fields[key], inField || ATTACHMENT_FIELDS.includes(key), depth + 1);
  };
  visit(data, false, 0);
  return into;
}

/** Records that may name a file: their JSON text holds one of the attachment field names. */
function mentionsFiles(c: SqlConn): string {
  const text = c.dialect === 'postgres' ? 'data::text' : 'data';
  return `(${ATTACHMENT_FIELDS.map((f) => `${text} LIKE '%"${f}"%'`).join(' OR ')})`;
}

/** The hashes records with `seq > after` refer to, a page at a time. */
async function referencedSince(c: SqlConn, after: number): Promise<Set<string>> {
  const found = new Set<string>();
  for (let seq = after, id = '', kind = ''; ;) {
    const page = await c.all<{ kind: string; id: string; seq: unknown; data: unknown }>(
      `SELECT kind, id, seq, data FROM record WHERE data IS NOT NULL AND ${mentionsFiles(c)} AND (seq > ? OR (seq = ? AND (kind > ? OR (kind = ? AND id > ?))))
       ORDER BY seq, kind, id LIMIT 2000`,
      [seq, seq, kind, kind, id],
    );
    if (page.length === 0) return found;
    for (const r of page) referencedHashes(fromJson(r.data), found);
    const last = page[page.length - 1];
    [seq, kind, id] = [num(last.seq), last.kind, last.id];
  }
}

/**
 * Orphaned files: the references are read from a snapshot; then, under the write lock,
 * what changed since that snapshot is read again (a push may have just referred to a
 * candidate), and the rest is removed.
 */
async function pruneAttachments(db: SqlDb, graceBefore: Date): Promise<number> {
  const before = graceBefore.toISOString();
  const { seen, through, candidates } = await db.read(async (c) => ({ seen: await referencedSince(c, 0), through: await headSeq(c), candidates: await attachmentsBefore(c, before) }));
  const orphans = candidates.filter((h) => !seen.has(h));
  const removed =
    orphans.length === 0
      ? []
      : await db.write(async (c) => {
          const late = await referencedSince(c, through);
          const gone: string[] = [];
          for (const h of orphans) if (!late.has(h) && (await deleteAttachmentRow(c, h))) gone.push(h);
          return gone;
        });
  await removeAttachmentFiles(db, removed, graceBefore);
  return removed.length;
}

export async function prune(db: SqlDb, opts: PruneOptions = {}): Promise<PruneReport> {
  const { retentionDays, attachmentGraceDays } = checkPruneOptions(opts);
  const now = opts.now ?? new Date();
  const history = await pruneHistory(db, new Date(now.getTime() - retentionDays * DAY_MS).toISOString());
  const attachments = await pruneAttachments(db, new Date(now.getTime() - attachmentGraceDays * DAY_MS));
  return { ...history, attachments };
}

export interface PruneSchedule {
  /** No further round; resolves once a round in progress is done (before the database closes). */
  stop(): Promise<void>;
}

/**
 * Prunes a few minutes after start, then daily. Several server processes on one database
 * may each run it: it is idempotent and serialised by the write lock.
 */
export function schedulePruning(
  db: SqlDb,
  opts: PruneOptions & { firstAfterMs?: number; everyMs?: number },
  log: { info(o: object, m: string): void; error(o: object, m: string): void },
): PruneSchedule {
  checkPruneOptions(opts);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    timer = null;
    if (stopped) return;
    running = prune(db, { retentionDays: opts.retentionDays, attachmentGraceDays: opts.attachmentGraceDays })
      .then((report) => log.info({ prune: report }, 'pruned'))
      .catch((err: unknown) => log.error({ err }, 'pruning failed; trying again at the next round'))
      .finally(() => {
        running = null;
        if (!stopped) arm(opts.everyMs ?? DAY_MS);
      });
  };
  const arm = (ms: number) => {
    timer = setTimeout(run, ms);
    timer.unref();
  };
  arm(opts.firstAfterMs ?? 5 * 60_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
