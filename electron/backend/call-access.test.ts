import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, type ApiName } from '../../domain/api';
import { deskCalls } from '../../domain/desks';
import type { User } from '../../domain/entities';
import { ROLES, type Role } from '../../domain/roles';
import { tempDir } from '../../test/support/fresh-db';
import { signInAs } from '../../test/support/sign-in';
import { ApiAccessError, Workstation } from './workstation';

/**
 * Roles × calls: every call of the API, made by nobody, by a locked screen and by a user
 * of each role, is let through or refused exactly as its declared access says. Calls are
 * made with empty arguments: a call let through then fails its schema or does no harm.
 */
describe('roles × calls', () => {
  let ws: Workstation;
  const users = new Map<Role, User>();

  beforeAll(async () => {
    ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
    for (const role of ROLES) users.set(role, await signInAs(ws, [role]));
  });
  afterAll(() => ws.close());

  type Who = 'nobody' | 'locked' | Role;
  const expected = (name: ApiName, who: Who): 'through' | 401 | 403 => {
    const access = apiCalls[name].access;
    if (access === 'none') return 'through';
    if (who === 'nobody' || who === 'locked') return 401;
    return access === 'signedIn' || access.includes(who) ? 'through' : 403;
  };

  async function attempt(name: ApiName, who: Who): Promise<'through' | number> {
    ws.session = who === 'nobody' ? { user: null, locked: false } : { user: who === 'locked' ? users.get('admin')! : users.get(who)!, locked: who === 'locked' };
    try {
      await ws.call(name, {});
      return 'through';
    } catch (e) {
      return e instanceof ApiAccessError ? e.status : 'through';
    }
  }

  it('lets each call through or refuses it as its access says, for nobody, a locked screen and every role', async () => {
    const wrong: string[] = [];
    const names = Object.keys(apiCalls) as ApiName[];
    for (const name of names) {
      for (const who of ['nobody', 'locked', ...ROLES] as Who[]) {
        const got = await attempt(name, who);
        if (got !== expected(name, who)) wrong.push(`${name} by ${who}: ${got}, expected ${expected(name, who)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(Object.keys(deskCalls)));
  }, 60_000);

  it('shows a guard nothing of the desks and a locked screen nothing at all', async () => {
    const deskReads = (Object.keys(apiCalls) as ApiName[]).filter((n) => /^(records|tickets|inspections|assets|projects|venues|attachments)\./.test(n));
    expect(deskReads.length).toBeGreaterThan(25);
    for (const name of deskReads) {
      expect(await attempt(name, 'guard'), name).toBe(403);
      expect(await attempt(name, 'locked'), name).toBe(401);
    }
    // The refusal speaks the user's language and names the call.
    ws.session = { user: users.get('guard')!, locked: false };
    await expect(ws.call('tickets.page', {} as never)).rejects.toThrow('您的角色不能執行「tickets.page」');
    ws.session = { user: null, locked: false };
    await expect(ws.call('venues.list', {})).rejects.toThrow('請先登入');
  });

  it('lets a viewer read the desks but write nothing', async () => {
    ws.session = { user: users.get('viewer')!, locked: false };
    expect(await ws.call('venues.list', {})).toEqual([]);
    const write = await ws.call('mutate', { name: 'site.create', args: { id: 's1', code: 'S1', nameZh: '四維', nameEn: '', address: '' } });
    expect(write).toMatchObject({ ok: false, problem: { code: 'error.forbidden' } });
    expect(ws.runner.records.findSync('site', {})).toEqual([]);
    expect(await attempt('attachments.put', 'viewer')).toBe(403);
  });
});
