/**
 * TEST-ONLY fault injection for the fault tests (test/sync/faults.test.ts). Inert unless
 * the environment variable GA_FAULT is set; never set it on a real server.
 *
 *   GA_FAULT=crash-before-commit GA_FAULT_AT=N
 *     the server process dies at once (SIGKILL, as kill -9 or a power cut would) inside
 *     the write transaction of the Nth pushed mutation this process handles, after the
 *     mutator ran and its outcome was written, before COMMIT.
 *   GA_FAULT=crash-after-lease GA_FAULT_AT=N
 *     the process dies at once after the Nth lease (POST /leases) it hands out has
 *     committed, before the reply goes out: the workstation never hears of the block.
 */
const fault = process.env.GA_FAULT;
const at = Number(process.env.GA_FAULT_AT ?? '1');
let pushed = 0;
let leased = 0;

/** Called inside a pushed mutation's transaction, just before it commits. */
export function faultBeforeCommit(): void {
  if (fault !== 'crash-before-commit') return;
  pushed += 1;
  if (pushed === at) process.kill(process.pid, 'SIGKILL');
}

/** Called after a lease's transaction committed, before the reply is sent. */
export function faultAfterLease(): void {
  if (fault !== 'crash-after-lease') return;
  leased += 1;
  if (leased === at) process.kill(process.pid, 'SIGKILL');
}
