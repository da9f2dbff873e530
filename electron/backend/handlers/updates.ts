/**
 * The status bar's view of updates, and the user's "install at the next start". The
 * updater itself is the Electron shell's (electron/main/updates.ts), handed to the
 * Workstation as a port; the browser shell has none, and says 'unsupported'.
 */
import type { UpdateView } from '../../../domain/updates';
import type { HandlerMap } from '../workstation';

export interface UpdatePort {
  view(): UpdateView;
  /** The user agrees to install `version` at the next start; the view after it. */
  agree(version: string): UpdateView;
}

export const updateHandlers: Pick<HandlerMap, 'update.status' | 'update.agree'> = {
  'update.status': (ws) => ws.options.updates?.view() ?? { state: 'unsupported' },
  'update.agree': (ws, { version }) => ws.options.updates?.agree(version) ?? { state: 'unsupported' },
};
