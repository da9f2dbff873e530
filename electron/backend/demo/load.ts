/**
 * Loads the demo data into an empty workstation: every record through the mutation
 * runner in one transaction (so the outbox and the audit tell the same story as for
 * data typed in by hand), and the demo users' password verifiers beside it.
 */
import type { Outcome } from '../../../domain/api';
import { KINDS } from '../../../domain/entities';
import { storeVerifier } from '../credentials';
import { problemResult, type Actor } from '../mutation-runner';
import { makeVerifier } from '../../../db/passwords';
import type { Workstation } from '../workstation';
import { demoMutations } from './mutations';
import { DEMO_USERS, userId } from './people';

/** Who the demo's records are written by: not a person, but it needs the roles that write them (reference data, venue bookings and their approval). */
export const DEMO_ACTOR_ID = 'system';

/** True when the workstation holds no records at all (the only state the demo may go into). */
export function isEmptyWorkstation(ws: Workstation): boolean {
  return KINDS.every((kind) => ws.runner.records.findSync(kind, {}).length === 0);
}

export async function loadDemo(ws: Workstation): Promise<Outcome<{ records: number }>> {
  if (!isEmptyWorkstation(ws)) return problemResult({ code: 'demo.notEmpty', params: {} }, ws.locale);
  const actor: Actor = { userId: DEMO_ACTOR_ID, roles: ['admin', 'venue_clerk', 'supervisor'], locale: ws.locale };
  // Verifiers first: when the records' commit tells the screens, every demo user can sign in.
  const verifiers = await Promise.all(DEMO_USERS.map(async (u) => [userId(u.username), await makeVerifier(u.password)] as const));
  for (const [id, verifier] of verifiers) storeVerifier(ws, id, verifier);
  // One moment for the activity around today and for the batch's own time.
  const now = new Date();
  const result = await ws.runner.runBatch(demoMutations(now), actor, now.toISOString());
  if (!result.ok) {
    const forget = ws.db.$client.prepare('DELETE FROM credential WHERE user_id = ?');
    for (const [id] of verifiers) forget.run(id);
    return { ok: false, problem: result.problem, message: result.message };
  }
  ws.emit({ type: 'session', session: ws.sessionState() });
  return { ok: true, records: result.records };
}
