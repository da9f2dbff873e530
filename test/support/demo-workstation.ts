/**
 * A workstation holding the demo data, written through the mutations like any clerk's
 * records, and signed in with these roles: the start of every test that reads the demo.
 */
import type { Role } from '../../domain/roles';
import { loadDemo } from '../../electron/backend/demo/load';
import { Workstation } from '../../electron/backend/workstation';
import { tempDir } from './fresh-db';
import { signInAs } from './sign-in';

export async function demoWorkstation(roles: Role[], dataDir: string = tempDir()): Promise<Workstation> {
  const ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
  const loaded = await loadDemo(ws);
  if (!loaded.ok) throw new Error('demo did not load');
  await signInAs(ws, roles);
  return ws;
}
