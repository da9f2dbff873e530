/**
 * Signing in at a shared desk: local users with scrypt verifiers, lock and switch.
 * Passwords travel only through these calls, never through a mutation.
 */
import { newId } from '../../../domain/ids';
import type { Outcome, UserView } from '../../../domain/api';
import type { User } from '../../../domain/entities';
import { translate } from '../../../domain/i18n';
import { problemResult } from '../mutation-runner';
import { DUMMY_VERIFIER, MIN_PASSWORD_LENGTH, checkPassword, makeVerifier } from '../../../db/passwords';
import type { HandlerMap, Workstation } from '../workstation';
import { ServerError, SyncServerApi } from '../sync/server-api';
import { storeVerifier, userFromServer, verifierOf } from '../credentials';
import { pinnedCertificate } from '../sync/pin-store';

const MAX_FAILURES = 5;
const PENALTY_MS = 30_000;
const failures = new Map<string, { count: number; until: number }>();

function view(u: User): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles };
}

function signedIn(ws: Workstation, user: User) {
  ws.session = { user, locked: false };
  ws.emit({ type: 'session', session: ws.sessionState() });
}

function failed(ws: Workstation, key: string): Outcome<{ user: UserView }> {
  const f = failures.get(key) ?? { count: 0, until: 0 };
  f.count += 1;
  if (f.count >= MAX_FAILURES) f.until = Date.now() + PENALTY_MS;
  failures.set(key, f);
  return { ok: false, problem: { code: 'login.failed', params: {} }, message: translate(ws.locale, 'login.failed') };
}

/**
 * Signs in at the server; on success the verifier is cached here (never the password) so
 * the same person can sign in at this desk while the server is out of reach.
 * Returns null when the server cannot be reached.
 */
async function loginOnline(ws: Workstation, username: string, password: string): Promise<User | 'refused' | { waitSeconds: number } | null> {
  try {
    const api = new SyncServerApi(ws.sync!.api.baseUrl, ONLINE_LOGIN_TIMEOUT_MS, undefined, () => pinnedCertificate(ws.db));
    const { user: remote } = await api.login(username, password);
    const user = userFromServer(ws, remote);
    storeVerifier(ws, user.id, await makeVerifier(password));
    return user;
  } catch (e) {
    if (e instanceof ServerError && e.code === 'unreachable') return null;
    // The server's own limit (per account and per address): its wait, not a wrong password.
    if (e instanceof ServerError && e.status === 429) return { waitSeconds: e.detail.retryAfterSeconds ?? 60 };
    return 'refused';
  }
}

const ONLINE_LOGIN_TIMEOUT_MS = 3000;

export const authHandlers: Pick<HandlerMap, 'auth.status' | 'auth.login' | 'auth.lock' | 'auth.logout' | 'auth.createFirstAdmin' | 'auth.setPassword'> = {
  'auth.status': (ws) => ws.sessionState(),

  'auth.login': async (ws, { username, password }) => {
    const key = username.trim().toLowerCase();
    const f = failures.get(key);
    if (f && f.until > Date.now()) {
      const seconds = Math.ceil((f.until - Date.now()) / 1000);
      return { ok: false, problem: { code: 'login.tooMany', params: { seconds } }, message: translate(ws.locale, 'login.tooMany', { seconds }) };
    }
    // Joined to a server: the server is the authority on passwords while it can be reached.
    if (ws.sync?.deviceToken) {
      const online = await loginOnline(ws, username, password);
      if (online === 'refused') return failed(ws, key);
      if (online && 'waitSeconds' in online) {
        const minutes = Math.max(1, Math.ceil(online.waitSeconds / 60));
        return { ok: false, problem: { code: 'login.tooManyAtServer', params: { minutes } }, message: translate(ws.locale, 'login.tooManyAtServer', { minutes }) };
      }
      if (online) {
        failures.delete(key);
        signedIn(ws, online);
        return { ok: true, user: view(online) };
      }
    }
    const user = ws.runner.records.findSync('user', { archived: false }).find((u) => u.username.toLowerCase() === key);
    const verifier = user && verifierOf(ws, user.id);
    // Check a verifier even for an unknown user so timing does not tell which names exist.
    const ok = await checkPassword(password, verifier ?? DUMMY_VERIFIER);
    if (!user || !verifier || !ok) return failed(ws, key);
    failures.delete(key);
    signedIn(ws, user);
    return { ok: true, user: view(user) };
  },

  'auth.lock': (ws) => {
    if (ws.session.user) ws.session.locked = true;
    ws.emit({ type: 'session', session: ws.sessionState() });
    return ws.sessionState();
  },

  'auth.logout': (ws) => {
    ws.session = { user: null, locked: false };
    ws.emit({ type: 'session', session: ws.sessionState() });
    return ws.sessionState();
  },

  'auth.createFirstAdmin': async (ws, { username, displayName, password }) => {
    if (ws.runner.records.findSync('user', {}).length > 0) return problemResult({ code: 'error.forbidden', params: { action: 'auth.createFirstAdmin' } }, ws.locale);
    if (password.length < MIN_PASSWORD_LENGTH) return problemResult({ code: 'login.passwordTooShort', params: {}, field: 'password' }, ws.locale);
    const id = newId();
    const result = await ws.runner.run('user.create', { id, username, displayName, roles: ['admin'] }, { userId: id, roles: ['admin'], locale: ws.locale });
    if (!result.ok) return result;
    storeVerifier(ws, id, await makeVerifier(password));
    const user = ws.runner.records.getSync('user', id)!;
    signedIn(ws, user);
    return { ok: true, user: view(user) };
  },

  'auth.setPassword': async (ws, { userId, password }) => {
    const me = ws.session.user;
    if (!me || ws.session.locked) return problemResult({ code: 'error.notLoggedIn', params: {} }, ws.locale);
    if (me.id !== userId && !me.roles.includes('admin')) return problemResult({ code: 'error.forbidden', params: { action: 'auth.setPassword' } }, ws.locale);
    if (!ws.runner.records.getSync('user', userId)) return problemResult({ code: 'error.notFound', params: { kind: 'user', id: userId } }, ws.locale);
    if (password.length < MIN_PASSWORD_LENGTH) return problemResult({ code: 'login.passwordTooShort', params: {}, field: 'password' }, ws.locale);
    storeVerifier(ws, userId, await makeVerifier(password));
    return { ok: true };
  },
};
