import { setMeta } from '../../../db/meta';
import type { HandlerMap } from '../workstation';

export const demoHandlers: Pick<HandlerMap, 'demo.load' | 'demo.dismiss'> = {
  'demo.load': () => {
    throw new Error('demo.load is not built yet');
  },
  'demo.dismiss': (ws) => {
    setMeta(ws.db, 'demoDismissed', '1');
    return ws.info();
  },
};
