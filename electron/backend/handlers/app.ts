import { setMeta } from '../../../db/meta';
import type { HandlerMap } from '../workstation';

export const appHandlers: Pick<HandlerMap, 'app.info' | 'app.setLocale' | 'app.setAutoLock' | 'status.get'> = {
  'app.info': (ws) => ws.info(),
  'app.setLocale': (ws, { locale }) => {
    setMeta(ws.db, 'locale', locale);
    return ws.info();
  },
  'app.setAutoLock': (ws, { minutes }) => {
    setMeta(ws.db, 'autoLockMinutes', String(minutes));
    return ws.info();
  },
  'status.get': (ws) => ws.status(),
};
