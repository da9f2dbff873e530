import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseShellOptions } from './cli-options';

describe('shell options', () => {
  it('read --data-dir, --port and --server in both spellings', () => {
    expect(parseShellOptions(['--data-dir', 'ws1', '--port=5180', '--server', 'http://10.0.0.5:8787/'])).toEqual({
      dataDir: path.resolve('ws1'),
      port: 5180,
      serverUrl: 'http://10.0.0.5:8787',
    });
  });

  it('default to the per-user app data folder of each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/clerk')).toBe('/home/clerk/.config/ga-desk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'C:\\Users\\clerk')).toContain('ga-desk');
    expect(defaultDataDir('darwin', {}, '/Users/clerk')).toBe('/Users/clerk/Library/Application Support/ga-desk');
  });

  it('name the option that is wrong', () => {
    expect(() => parseShellOptions(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseShellOptions(['--server', 'not a url'])).toThrow(/--server/);
    expect(() => parseShellOptions(['--data-dir'])).toThrow(/--data-dir needs a value/);
  });
});
