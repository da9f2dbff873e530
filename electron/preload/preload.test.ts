import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiEvent, WorkstationApi } from '../../domain/api';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from './channels';
import { fake, fakeEvent } from '../main/testing/fake-electron';

vi.mock('electron', async () => (await import('../main/testing/fake-electron')).fakeElectron);

let api: WorkstationApi;

beforeAll(async () => {
  await import('./preload');
  api = fake.exposed.get('api') as WorkstationApi;
});

describe('the preload bridge', () => {
  it('puts exactly two functions on window.api, and nothing else on window', () => {
    expect([...fake.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.onEvent).toBe('function');
  });

  it('refuses what cannot be a call name without sending anything (the main process checks the list)', async () => {
    const before = fake.ipcRenderer.invoked.length;
    await expect(api.call('db; DROP TABLE' as never, {} as never)).rejects.toThrow('unknown call: db; DROP TABLE');
    await expect(api.call('../../etc' as never, {} as never)).rejects.toThrow('unknown call: ../../etc');
    await expect(api.call('a'.repeat(100) as never, {} as never)).rejects.toThrow('unknown call');
    await expect(api.call(42 as never, {} as never)).rejects.toThrow('unknown call: 42');
    expect(fake.ipcRenderer.invoked.length).toBe(before);
  });

  it('sends a known call as (name, args) and gives back the value, or the error as an Error', async () => {
    fake.ipcRenderer.reply = (_channel, name) => (name === 'status.get' ? { ok: true, value: { pending: 3 } } : { ok: false, error: 'auth.login: username is not valid (too_big)' });
    await expect(api.call('status.get', {})).resolves.toEqual({ pending: 3 });
    await expect(api.call('auth.login', { username: 'x'.repeat(300), password: '' })).rejects.toThrow('auth.login: username is not valid (too_big)');
    expect(fake.ipcRenderer.invoked.slice(-2)).toEqual([
      [API_CALL_CHANNEL, 'status.get', {}],
      [API_CALL_CHANNEL, 'auth.login', { username: 'x'.repeat(300), password: '' }],
    ]);
  });

  it('hands listeners only the event itself, and stops when unsubscribed', () => {
    const seen: unknown[][] = [];
    const unsubscribe = api.onEvent((...args) => seen.push(args));
    const event: ApiEvent = { type: 'changed', kinds: ['site'] };
    fake.ipcRenderer.emit(API_EVENT_CHANNEL, fakeEvent({ sender: fake.ipcRenderer }), event);
    expect(seen).toEqual([[event]]);
    unsubscribe();
    fake.ipcRenderer.emit(API_EVENT_CHANNEL, fakeEvent({ sender: fake.ipcRenderer }), event);
    expect(seen).toHaveLength(1);
    expect(fake.ipcRenderer.listenerCount(API_EVENT_CHANNEL)).toBe(0);
  });

  it("bundles into one small file that requires nothing but 'electron' (a sandboxed preload can load nothing else)", async () => {
    const out = await build({
      entryPoints: [path.join(import.meta.dirname, 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    const required = new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
    // Only the call names come along, not the schemas (zod would add ~450 kB to every page load).
    expect(code.length).toBeLessThan(20_000);
  });
});
