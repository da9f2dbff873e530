/** The first-run offer: load the demo data into an empty workstation, or start empty. */
import { setMeta } from '../../../db/meta';
import { loadDemo } from '../demo/load';
import type { HandlerMap } from '../workstation';

export const demoHandlers: Pick<HandlerMap, 'demo.load' | 'demo.dismiss'> = {
  // No sign-in needed: it is allowed only while the workstation is empty (no users yet).
  'demo.load': (ws) => loadDemo(ws),
  'demo.dismiss': (ws) => {
    setMeta(ws.db, 'demoDismissed', '1');
    return ws.info();
  },
};
