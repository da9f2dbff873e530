/**
 * The systemd unit an IT officer installs (build/ga-desk-server.service): hardened as
 * docs/server.md says, and its ExecStart is a command the real CLI takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../test/support/server-harness';

const UNIT = path.join(import.meta.dirname, '../build/ga-desk-server.service');

/** key → values (a key may repeat), from the [Service] section. */
function service(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  let section = '';
  for (const raw of fs.readFileSync(UNIT, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) section = head[1];
    else if (section === 'Service') {
      const i = line.indexOf('=');
      const key = line.slice(0, i);
      keys.set(key, [...(keys.get(key) ?? []), line.slice(i + 1)]);
    }
  }
  return keys;
}

describe('the systemd unit', () => {
  it('runs as its own user, read-only but for its data folder, restarted on failure', () => {
    const s = service();
    const one = (k: string) => s.get(k)?.[0];
    expect(one('User')).toBe('ga-desk');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('NoNewPrivileges')).toBe('true');
    expect(one('PrivateTmp')).toBe('true');
    expect(one('Restart')).toBe('on-failure');
    // SIGTERM to node alone: a second one (from npm, say) would stop it without finishing the requests.
    expect(one('KillMode')).toBe('mixed');
    const data = /--data (\S+)/.exec(one('ExecStart')!)?.[1];
    expect(data).toBeTruthy();
    expect(one('ReadWritePaths')!.split(/\s+/)).toContain(data);
  });

  it('starts the real CLI with options it takes', async () => {
    const exec = service().get('ExecStart')![0].split(/\s+/);
    expect(exec.slice(0, 4)).toEqual(['/usr/bin/node', '--import', 'tsx', 'server/main.ts']);
    expect(fs.existsSync(path.join(import.meta.dirname, '..', exec[3]))).toBe(true);
    // The same options, checked by the CLI itself (--help answers only when all are known and well formed).
    const run = spawnServer([...exec.slice(4), '--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Usage: npm run server');
  }, 30_000);
});
