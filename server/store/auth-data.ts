/**
 * Who may talk to the server: password verifiers and revocation of users, enrolled
 * workstations (devices) and signed-in users' sessions. Tokens are kept only as hashes.
 */
import { one, type SqlConn } from './sql';

export interface AccountRow {
  userId: string;
  verifier: string | null;
  revokedAt: string | null;
}

export async function getAccount(c: SqlConn, userId: string): Promise<AccountRow | undefined> {
  const r = await one<{ user_id: string; verifier: string | null; revoked_at: string | null }>(c, 'SELECT user_id, verifier, revoked_at FROM account WHERE user_id = ?', [userId]);
  return r ? { userId: r.user_id, verifier: r.verifier, revokedAt: r.revoked_at } : undefined;
}

export async function setVerifier(c: SqlConn, userId: string, verifier: string, at: string): Promise<void> {
  await c.run('INSERT INTO account (user_id, verifier, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET verifier = excluded.verifier, updated_at = excluded.updated_at', [
    userId,
    verifier,
    at,
  ]);
}

/** Refuses the user from now on: sessions end, sign-in and their pushed writes are refused. */
export async function revokeUser(c: SqlConn, userId: string, at: string): Promise<void> {
  await c.run('INSERT INTO account (user_id, revoked_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET revoked_at = excluded.revoked_at, updated_at = excluded.updated_at', [
    userId,
    at,
    at,
  ]);
  await c.run('DELETE FROM session WHERE user_id = ?', [userId]);
}

export interface DeviceRow {
  id: string;
  name: string;
  enrolledBy: string;
  createdAt: string;
  revokedAt: string | null;
}

type DeviceDbRow = { id: string; name: string; enrolled_by: string; created_at: string; revoked_at: string | null };
const device = (r: DeviceDbRow): DeviceRow => ({ id: r.id, name: r.name, enrolledBy: r.enrolled_by, createdAt: r.created_at, revokedAt: r.revoked_at });

export async function insertDevice(c: SqlConn, d: { id: string; name: string; tokenHash: string; enrolledBy: string; at: string }): Promise<void> {
  await c.run('INSERT INTO device (id, name, token_hash, enrolled_by, created_at) VALUES (?, ?, ?, ?, ?)', [d.id, d.name, d.tokenHash, d.enrolledBy, d.at]);
}

export async function deviceByTokenHash(c: SqlConn, tokenHash: string): Promise<DeviceRow | undefined> {
  const r = await one<DeviceDbRow>(c, 'SELECT id, name, enrolled_by, created_at, revoked_at FROM device WHERE token_hash = ?', [tokenHash]);
  return r && device(r);
}

export async function listDevices(c: SqlConn): Promise<DeviceRow[]> {
  return (await c.all<DeviceDbRow>('SELECT id, name, enrolled_by, created_at, revoked_at FROM device ORDER BY created_at, id')).map(device);
}

/** Returns false when there is no such device. */
export async function revokeDevice(c: SqlConn, id: string, at: string): Promise<boolean> {
  const exists = await one(c, 'SELECT id FROM device WHERE id = ?', [id]);
  if (!exists) return false;
  await c.run('UPDATE device SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?', [at, id]);
  return true;
}

/** Which of these devices are revoked. */
export async function revokedDeviceIds(c: SqlConn, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await c.all<{ id: string }>(`SELECT id FROM device WHERE revoked_at IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
  return rows.map((r) => r.id);
}

export async function insertSession(c: SqlConn, s: { tokenHash: string; userId: string; at: string; expiresAt: string }): Promise<void> {
  // Expired sessions are cleared as new ones start, so the table stays small.
  await c.run('DELETE FROM session WHERE expires_at < ?', [s.at]);
  await c.run('INSERT INTO session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [s.tokenHash, s.userId, s.at, s.expiresAt]);
}

export async function sessionByTokenHash(c: SqlConn, tokenHash: string): Promise<{ userId: string; expiresAt: string } | undefined> {
  const r = await one<{ user_id: string; expires_at: string }>(c, 'SELECT user_id, expires_at FROM session WHERE token_hash = ?', [tokenHash]);
  return r && { userId: r.user_id, expiresAt: r.expires_at };
}

export async function deleteSession(c: SqlConn, tokenHash: string): Promise<void> {
  await c.run('DELETE FROM session WHERE token_hash = ?', [tokenHash]);
}
