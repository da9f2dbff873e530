/**
 * The first administrator of a new server. Users are synced records, so the account is
 * made by the named mutation `user.create`, run by the server itself; only its password
 * verifier stays on the server.
 */
import { newId } from '../domain/ids';
import { MIN_PASSWORD_LENGTH, makeVerifier } from '../db/passwords';
import { setVerifier } from './store/auth-data';
import type { SqlDb } from './store/sql';
import { findRecords } from './store/sync-data';
import { runAsServer } from './sync';

export type FirstAdminResult = { created: true; userId: string } | { created: false; reason: 'usersExist' };

export class FirstAdminError extends Error {}

export async function hasUsers(db: SqlDb): Promise<boolean> {
  return db.read(async (c) => (await findRecords(c, 'user', {})).length > 0);
}

export async function createFirstAdmin(db: SqlDb, username: string, password: string | undefined): Promise<FirstAdminResult> {
  if (await hasUsers(db)) return { created: false, reason: 'usersExist' };
  if (!password || password.length < MIN_PASSWORD_LENGTH) {
    throw new FirstAdminError(`Set the first administrator's password in the environment variable GA_ADMIN_PASSWORD (at least ${MIN_PASSWORD_LENGTH} characters).`);
  }
  const id = newId();
  const problem = await runAsServer(db, 'user.create', { id, username, displayName: username, roles: ['admin'] }, { userId: id, roles: ['admin'] });
  if (problem) throw new FirstAdminError(`The administrator "${username}" cannot be made: ${problem.code} ${JSON.stringify(problem.params)}`);
  const verifier = await makeVerifier(password);
  await db.write((c) => setVerifier(c, id, verifier, new Date().toISOString()));
  return { created: true, userId: id };
}
