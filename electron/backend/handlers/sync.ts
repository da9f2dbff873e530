/**
 * Joining a sync server and syncing on demand. Joining needs an administrator of the
 * server: the workstation signs in as them, enrolls itself and keeps the device token;
 * then its whole outbox (also what it did alone) goes up and the server's data comes down.
 */
import { getMeta, setMeta } from '../../../db/meta';
import { problemResult } from '../mutation-runner';
import { makeVerifier } from '../../../db/passwords';
import { ServerError, SyncServerApi } from '../sync/server-api';
import { storeVerifier, userFromServer } from '../credentials';
import type { HandlerMap } from '../workstation';

export const syncHandlers: Pick<HandlerMap, 'sync.join' | 'sync.now'> = {
  'sync.join': async (ws, { serverUrl, username, password, deviceName }) => {
    const joined = getMeta(ws.db, 'deviceToken');
    if (joined) return problemResult({ code: 'sync.join.already', params: { url: ws.serverUrl ?? '' } }, ws.locale);
    const me = ws.session.user;
    const hasUsers = ws.runner.records.findSync('user', {}).length > 0;
    if (hasUsers && (!me || ws.session.locked || !me.roles.includes('admin'))) return problemResult({ code: 'sync.join.notAdmin', params: {} }, ws.locale);
    const url = serverUrl.replace(/\/+$/, '');
    const api = new SyncServerApi(url);
    try {
      const login = await api.login(username, password);
      if (!login.user.roles.includes('admin')) return problemResult({ code: 'sync.join.notAdmin', params: {} }, ws.locale);
      const { token } = await api.enroll(login.token, deviceName);
      setMeta(ws.db, 'serverUrl', url);
      setMeta(ws.db, 'deviceToken', token);
      // Numbers from now on come from the server's blocks; those given alone stay as they are.
      ws.db.$client.prepare("UPDATE number_lease SET next_n = to_n + 1 WHERE source = 'local'").run();
      const user = userFromServer(ws, login.user);
      storeVerifier(ws, user.id, await makeVerifier(password));
      ws.session = { user, locked: false };
      ws.startSync();
      ws.emit({ type: 'session', session: ws.sessionState() });
      return { ok: true };
    } catch (e) {
      const message = e instanceof ServerError || e instanceof Error ? e.message : String(e);
      return problemResult({ code: 'sync.join.failed', params: { message } }, ws.locale);
    }
  },

  'sync.now': async (ws) => {
    await ws.sync?.syncNow();
    return ws.status();
  },
};
