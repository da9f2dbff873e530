/**
 * The workstation's own copies of its users' password verifiers (scrypt, in the
 * credential table, never synced as records), and the local user a sign-in at the sync
 * server stands for. Shared by signing in, joining a server and the demo loader.
 */
import type { User } from '../../domain/entities';
import type { Role } from '../../domain/roles';
import type { Workstation } from './workstation';

export function verifierOf(ws: Workstation, userId: string): string | undefined {
  const row = ws.db.$client.prepare('SELECT verifier FROM credential WHERE user_id = ?').get(userId) as { verifier: string } | undefined;
  return row?.verifier;
}

export function storeVerifier(ws: Workstation, userId: string, verifier: string): void {
  ws.db.$client
    .prepare('INSERT INTO credential (user_id, verifier, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET verifier = excluded.verifier, updated_at = excluded.updated_at')
    .run(userId, verifier, new Date().toISOString());
}

/** A user as the server describes it, for a session before the first sync brings the record. */
export function userFromServer(ws: Workstation, view: { id: string; username: string; displayName: string; roles: string[] }): User {
  const local = ws.runner.records.getSync('user', view.id);
  const now = new Date().toISOString();
  return local ?? { id: view.id, username: view.username, displayName: view.displayName, roles: view.roles as Role[], personId: null, archived: false, createdAt: now, updatedAt: now };
}
