/**
 * Passwords travel only through their own calls: neither a password nor its verifier
 * reaches the outbox, the audit trail, any other synced table or a log line.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test/support/fresh-db';
import { Workstation } from './workstation';

const open: Workstation[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (open.length) open.pop()!.close();
});

/** Everything written to the console while `run` works. */
async function logged(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' ')));
  }
  await run();
  return lines.join('\n');
}

describe('secrets stay out of mutations, audit and logs', () => {
  it('creating a user and setting passwords leaves no password or verifier outside the credentials', async () => {
    const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    open.push(ws);
    const adminPassword = 'Admin-Secret-4271';
    const clerkPassword = 'Clerk-Secret-8836';
    const rejectedPassword = 'Never-Stored-5512';

    const log = await logged(async () => {
      expect((await ws.call('auth.createFirstAdmin', { username: 'boss', displayName: '總務科長', password: adminPassword })).ok).toBe(true);
      expect((await ws.call('mutate', { name: 'user.create', args: { id: 'u-clerk', username: 'clerk', displayName: '王建國', roles: ['maintenance_clerk'] } })).ok).toBe(true);
      expect((await ws.call('auth.setPassword', { userId: 'u-clerk', password: clerkPassword })).ok).toBe(true);
      // A password slipped into a mutation is refused before anything is written.
      const sneaky = await ws.call('mutate', { name: 'user.update', args: { id: 'u-clerk', password: rejectedPassword } });
      expect(sneaky).toMatchObject({ ok: false, problem: { code: 'error.unknownField', field: 'password' } });
      expect(JSON.stringify(sneaky)).not.toContain(rejectedPassword);
      expect((await ws.call('auth.login', { username: 'clerk', password: 'wrong-password' })).ok).toBe(false);
      expect((await ws.call('auth.login', { username: 'clerk', password: clerkPassword })).ok).toBe(true);
      // An over-long password is refused at the API boundary; the error names the field, not the value.
      const tooLong = await ws.call('auth.login', { username: 'clerk', password: rejectedPassword.repeat(20) }).then(
        () => null,
        (e: Error) => e,
      );
      expect(tooLong?.message).toMatch(/password/);
      expect(tooLong?.message).not.toContain(rejectedPassword);
    });

    const verifiers = (ws.db.$client.prepare('SELECT verifier FROM credential').all() as { verifier: string }[]).map((r) => r.verifier);
    expect(verifiers).toHaveLength(2);
    // A verifier's salt and hash are secrets too: look for each part, not only the whole string.
    const secrets = [adminPassword, clerkPassword, rejectedPassword, ...verifiers, ...verifiers.flatMap((v) => v.split('$').slice(4))];

    const tables = (ws.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'credential'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['outbox', 'audit', 'app_user', 'meta']));
    const outbox = ws.db.$client.prepare('SELECT * FROM outbox').all();
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      const rows = JSON.stringify(ws.db.$client.prepare(`SELECT * FROM "${table}"`).all());
      for (const s of secrets) expect(rows, `${table} holds a secret`).not.toContain(s);
    }
    for (const s of secrets) expect(log, 'a log line holds a secret').not.toContain(s);

    // Not even in the database file's free pages or its write-ahead log.
    ws.db.$client.pragma('wal_checkpoint(PASSIVE)');
    for (const file of [ws.dbFile, `${ws.dbFile}-wal`].filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      for (const p of [adminPassword, clerkPassword, rejectedPassword]) expect(bytes.includes(Buffer.from(p)), `${file} holds a password`).toBe(false);
    }
  });
});
