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
import { peekCertificate, type Pin } from '../sync/pinned-tls';
import { pinCertificate, pinnedCertificate } from '../sync/pin-store';
import { translate } from '../../../domain/i18n';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const syncHandlers: Pick<HandlerMap, 'sync.join' | 'sync.now' | 'sync.certificate' | 'sync.repin'> = {
  'sync.join': async (ws, { serverUrl, username, password, deviceName, fingerprint }) => {
    const joined = getMeta(ws.db, 'deviceToken');
    if (joined) return problemResult({ code: 'sync.join.already', params: { url: ws.serverUrl ?? '' } }, ws.locale);
    const me = ws.session.user;
    const hasUsers = ws.runner.records.findSync('user', {}).length > 0;
    if (hasUsers && (!me || ws.session.locked || !me.roles.includes('admin'))) return problemResult({ code: 'sync.join.notAdmin', params: {} }, ws.locale);
    const url = serverUrl.replace(/\/+$/, '');
    // Trust on first use, with a person comparing: an https:// server's fingerprint is shown
    // first (refusal sync.tls.confirm); the join goes on only with that fingerprint confirmed.
    let pin: Pin | null = null;
    if (url.startsWith('https:')) {
      try {
        pin = await peekCertificate(url);
      } catch (e) {
        return problemResult({ code: 'sync.tls.unreadable', params: { message: reason(e) } }, ws.locale);
      }
      if (!fingerprint) return problemResult({ code: 'sync.tls.confirm', params: { fingerprint: pin.fingerprint } }, ws.locale);
      if (fingerprint.trim().toUpperCase() !== pin.fingerprint) return problemResult({ code: 'sync.tls.mismatch', params: {} }, ws.locale);
    }
    const api = new SyncServerApi(url, undefined, undefined, () => pin);
    try {
      const login = await api.login(username, password);
      if (!login.user.roles.includes('admin')) return problemResult({ code: 'sync.join.notAdmin', params: {} }, ws.locale);
      const { token } = await api.enroll(login.token, deviceName);
      if (pin) pinCertificate(ws.db, pin);
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

  'sync.certificate': async (ws) => {
    const pinned = pinnedCertificate(ws.db)?.fingerprint ?? null;
    const url = ws.serverUrl;
    if (!url?.startsWith('https:')) return { pinned, presented: null, problem: null };
    try {
      return { pinned, presented: (await peekCertificate(url)).fingerprint, problem: null };
    } catch (e) {
      return { pinned, presented: null, problem: translate(ws.locale, 'sync.tls.unreadable', { message: reason(e) }) };
    }
  },

  /** An administrator trusts the certificate the server presents now, after comparing its fingerprint. */
  'sync.repin': async (ws, { fingerprint }) => {
    const url = ws.serverUrl;
    if (!url?.startsWith('https:')) return problemResult({ code: 'sync.repin.same', params: {} }, ws.locale);
    let presented: Pin;
    try {
      presented = await peekCertificate(url);
    } catch (e) {
      return problemResult({ code: 'sync.tls.unreadable', params: { message: reason(e) } }, ws.locale);
    }
    if (fingerprint.trim().toUpperCase() !== presented.fingerprint) return problemResult({ code: 'sync.tls.mismatch', params: {} }, ws.locale);
    if (presented.fingerprint === pinnedCertificate(ws.db)?.fingerprint) return problemResult({ code: 'sync.repin.same', params: {} }, ws.locale);
    pinCertificate(ws.db, presented);
    ws.restartSync();
    await ws.sync?.syncNow();
    return { ok: true };
  },

  'sync.now': async (ws) => {
    await ws.sync?.syncNow();
    return ws.status();
  },
};
