import { problemResult } from '../mutation-runner';
import type { HandlerMap, Workstation } from '../workstation';

function isAdmin(ws: Workstation): boolean {
  return !!ws.session.user && !ws.session.locked && ws.session.user.roles.includes('admin');
}

export const backupHandlers: Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (ws) => ws.backups.list(),
  'backup.create': async (ws) => {
    if (!isAdmin(ws)) return problemResult({ code: 'error.forbidden', params: { action: 'backup.create' } }, ws.locale);
    return { ok: true, backup: await ws.backups.create() };
  },
  'backup.restore': async (ws, { name }) => {
    if (!isAdmin(ws)) return problemResult({ code: 'error.forbidden', params: { action: 'backup.restore' } }, ws.locale);
    const clientId = await ws.backups.restore(name);
    if (!clientId) return problemResult({ code: 'error.backupMissing', params: {} }, ws.locale);
    ws.emit({ type: 'session', session: ws.sessionState() });
    ws.emit({ type: 'changed', kinds: [] });
    return { ok: true, clientId };
  },
};
