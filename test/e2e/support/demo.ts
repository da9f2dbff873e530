/** Demo data for tests that start past the first-run screen, loaded as `npm run seed-demo` does. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_USERS } from '../../../electron/backend/demo/people';
import { newDataDir, repoRoot } from './workstation';

export function demoUser(username = 'admin'): { username: string; password: string; displayName: string } {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user "${username}"`);
  return user;
}

/** A new data folder with the demo data in it. */
export function seededDataDir(): string {
  const dir = newDataDir('ga-desk-demo-');
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'scripts', 'seed-demo.ts'), '--data-dir', dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}
