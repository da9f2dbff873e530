/**
 * WAL checkpoints and search-index merges off the write path. SQLite's automatic checkpoint
 * runs inside the commit that takes the WAL past 1,000 pages, so every few dozen writes one
 * of them (a ticket filed, a booking approved) waits for the copy into the database file and
 * its fsync: tens of milliseconds on a busy disk. FTS5 likewise merges its index segments
 * inside a commit (db/search.ts). Here the workstation does both on a timer between writes
 * instead (the checkpoint PASSIVE: it never waits for anyone), and SQLite still checkpoints
 * when the database closes. Should the timer fall behind, a commit still checkpoints once
 * the WAL passes 16,000 pages (64 MB), so the file never grows without bound.
 */
import type { Db } from '../../db/open';
import { deferSearchMerges, mergeSearchIndex } from '../../db/search';

export const BACKSTOP_PAGES = 16_000;

/** How long one tick may merge the search index: the event loop waits meanwhile. */
const MERGE_BUDGET_MS = 20;

/** Starts checkpointing `db` every `everyMs`; returns the function that stops it. */
export function checkpointBetweenWrites(db: Db, everyMs = 1000): () => void {
  db.$client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  deferSearchMerges(db.$client);
  const timer = setInterval(() => {
    // A mutator awaiting inside its transaction lets timers run: never checkpoint then.
    if (!db.$client.open || db.$client.inTransaction) return;
    try {
      mergeSearchIndex(db.$client, MERGE_BUDGET_MS);
      db.$client.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick (or the backstop) catches up.
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
