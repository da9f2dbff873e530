/**
 * Who is asking. A workstation enrolled by an administrator holds a device token and
 * syncs with it; a person signs in with name and password for a user token (sessions
 * expire). Both travel as `Authorization: Bearer <token>` and are stored only as SHA-256
 * hashes: they are long random strings, so a fast hash suffices. A revoked device or user
 * is refused at its next request.
 */
import crypto from 'node:crypto';
import type { User } from '../domain/entities';
import type { Role } from '../domain/roles';
import { HttpError } from './http-error';
import { deviceByTokenHash, getAccount, sessionByTokenHash, type DeviceRow } from './store/auth-data';
import type { SqlConn, SqlDb } from './store/sql';
import { getRecord } from './store/sync-data';

export const DEVICE_TOKEN_PREFIX = 'gad_';
export const USER_TOKEN_PREFIX = 'gau_';
const TOKEN = /^(gad_|gau_)[A-Za-z0-9_-]{43}$/;

export function newToken(prefix: string): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export type Caller = { type: 'device'; device: DeviceRow } | { type: 'user'; user: SignedInUser; sessionHash: string };

export const view = (u: User): SignedInUser => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles });

/** The user if they may act now: known, not archived, not revoked. */
export async function activeUser(c: SqlConn, userId: string): Promise<User | undefined> {
  const user = (await getRecord(c, 'user', userId)) as User | undefined;
  if (!user || user.archived) return undefined;
  const account = await getAccount(c, userId);
  return account?.revokedAt ? undefined : user;
}

export async function authenticate(db: SqlDb, header: string | undefined, now: Date): Promise<Caller> {
  if (!header) throw new HttpError(401, 'auth.missingToken', 'Not signed in: send "Authorization: Bearer <token>" (a device token from enrollment or a user token from /login).');
  const token = /^Bearer (\S+)$/.exec(header)?.[1];
  if (!token || !TOKEN.test(token)) throw new HttpError(401, 'auth.invalidToken', 'The token is not valid.');
  const hash = hashToken(token);
  return db.read(async (c): Promise<Caller> => {
    if (token.startsWith(DEVICE_TOKEN_PREFIX)) {
      const device = await deviceByTokenHash(c, hash);
      if (!device) throw new HttpError(401, 'auth.invalidToken', 'The token is not valid.');
      if (device.revokedAt) throw new HttpError(401, 'auth.revoked', "This workstation's enrollment was revoked; an administrator must enroll it again.");
      return { type: 'device', device };
    }
    const session = await sessionByTokenHash(c, hash);
    if (!session) throw new HttpError(401, 'auth.invalidToken', 'The token is not valid.');
    if (session.expiresAt <= now.toISOString()) throw new HttpError(401, 'auth.expired', 'The sign-in has expired; sign in again.');
    const user = await activeUser(c, session.userId);
    if (!user) throw new HttpError(401, 'auth.revoked', 'This user may no longer sign in.');
    return { type: 'user', user: view(user), sessionHash: hash };
  });
}

export function requireDevice(caller: Caller): DeviceRow {
  if (caller.type !== 'device') throw new HttpError(403, 'auth.deviceTokenRequired', 'Only an enrolled workstation syncs: use its device token.');
  return caller.device;
}

export function requireUser(caller: Caller): SignedInUser {
  if (caller.type !== 'user') throw new HttpError(403, 'auth.userTokenRequired', 'A person must sign in for this: use a user token from /login.');
  return caller.user;
}

export function requireAdmin(caller: Caller): SignedInUser {
  const user = requireUser(caller);
  if (!user.roles.includes('admin')) throw new HttpError(403, 'auth.forbidden', 'Only an administrator may do this.');
  return user;
}

/** Counts attempts per key in a sliding window (in memory: each server process counts its own). */
export class AttemptLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns the seconds to wait when over the limit (the attempt is not counted), else 0. */
  hit(key: string): number {
    const t = this.now();
    if (this.hits.size > 10_000) this.sweep(t);
    const recent = (this.hits.get(key) ?? []).filter((x) => x > t - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - t) / 1000));
    }
    recent.push(t);
    this.hits.set(key, recent);
    return 0;
  }

  /** The seconds to wait when the key is over the limit, else 0; counts nothing. */
  wait(key: string): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => x > t - this.windowMs);
    return recent.length >= this.max ? Math.max(1, Math.ceil((recent[0] + this.windowMs - t) / 1000)) : 0;
  }

  /** Forgets a key's attempts (after a successful sign-in). */
  clear(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number) {
    for (const [k, list] of this.hits) if (list.every((x) => x <= t - this.windowMs)) this.hits.delete(k);
  }
}
