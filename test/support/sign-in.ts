/**
 * Signs a test's workstation in as a user holding these roles, as the sign-in screen
 * would (without the password's deliberate slowness): the user record exists, and the
 * session is open and unlocked. Every call checks its access against this session.
 */
import type { User } from '../../domain/entities';
import type { Role } from '../../domain/roles';
import type { Workstation } from '../../electron/backend/workstation';

export async function signInAs(ws: Workstation, roles: Role[], id = `u-${roles.join('-')}`): Promise<User> {
  let user = ws.runner.records.getSync('user', id);
  if (!user) {
    const created = await ws.runner.run('user.create', { id, username: id, displayName: id, roles }, { userId: 'u-test-setup', roles: ['admin'], locale: ws.locale });
    if (!created.ok) throw new Error(`signInAs: ${created.message}`);
    user = ws.runner.records.getSync('user', id)!;
  }
  ws.session = { user, locked: false };
  return user;
}
