/**
 * Options both shells take: --data-dir DIR, --port N (browser shell), --server URL.
 * The default data folder is the OS's per-user app data folder, as Electron's
 * app.getPath('userData') would give.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'ga-desk';

export interface ShellOptions {
  dataDir: string;
  port: number;
  serverUrl: string | null;
}

export class OptionError extends Error {}

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

export function parseShellOptions(argv: readonly string[]): ShellOptions {
  const opts: ShellOptions = { dataDir: defaultDataDir(), port: 0, serverUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new OptionError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        opts.dataDir = path.resolve(value());
        break;
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new OptionError(`--port must be a number from 0 to 65535, not "${v}"`);
        opts.port = port;
        break;
      }
      case '--server': {
        const v = value();
        let url: URL;
        try {
          url = new URL(v);
        } catch {
          throw new OptionError(`--server must be a URL such as http://192.168.1.10:8787, not "${v}"`);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OptionError(`--server must be an http or https URL, not "${v}"`);
        opts.serverUrl = url.toString().replace(/\/$/, '');
        break;
      }
      default:
        // Electron and Chromium add switches of their own; only our own flags are read.
        break;
    }
  }
  return opts;
}
