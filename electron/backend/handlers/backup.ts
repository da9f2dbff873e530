import { problemResult } from '../mutation-runner';
import type { HandlerMap } from '../workstation';

// Administrators only: the access check of Workstation#call (domain/api.ts) sees to it.

export const backupHandlers: Pick<HandlerMap, 'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (ws) => ws.backups.list(),
  'backup.create': async (ws) => ({ ok: true, backup: await ws.backups.create() }),
  'backup.restore': async (ws, { name }) => {
    const clientId = await ws.backups.restore(name);
    if (!clientId) return problemResult({ code: 'error.backupMissing', params: {} }, ws.locale);
    ws.emit({ type: 'session', session: ws.sessionState() });
    ws.emit({ type: 'changed', kinds: [] });
    return { ok: true, clientId };
  },
};
