// Switches better-sqlite3 (our one native module) between the two programs that load it:
//   node build/rebuild-native.mjs            build it for Electron, before opening the app
//                                            in Electron on a development machine
//   node build/rebuild-native.mjs node       build it back for Node.js (tests, browser shell)
//   add --dry-run to print the command only
// One node_modules serves both, so only one of them can load it at a time; the app says
// which command to run when it finds the wrong build. Packaging (`npm run package`)
// rebuilds for Electron by itself. Building for Electron needs Electron's headers from
// the internet (or a mirror, see docs/packaging.md); never run this in postinstall.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const target = args.find((a) => !a.startsWith('--')) ?? 'electron';

const COMMANDS = {
  electron: ['npx', ['--no-install', 'electron-builder', 'install-app-deps']],
  node: ['npm', ['rebuild', 'better-sqlite3']],
};

if (!(target in COMMANDS)) {
  console.error(`rebuild-native: say "electron" or "node", not "${target}"`);
  process.exit(2);
}

/** Which runtime the installed build fits, as far as this Node.js can tell. */
function currentBuild() {
  try {
    const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
    new Database(':memory:').close();
    return `Node.js (NODE_MODULE_VERSION ${process.versions.modules})`;
  } catch (e) {
    const m = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(String(e?.message));
    return m ? `another runtime, NODE_MODULE_VERSION ${m[1]} (Electron's, most likely)` : `nothing loadable (${String(e?.message).split('\n')[0]})`;
  }
}

const [command, commandArgs] = COMMANDS[target];
console.log(`rebuild-native: better-sqlite3 is now built for ${currentBuild()}`);
console.log(`rebuild-native: building it for ${target === 'electron' ? 'Electron' : `Node.js ${process.version}`}: ${command} ${commandArgs.join(' ')}`);
if (dryRun) process.exit(0);

const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`rebuild-native: ${command} failed (${result.error?.message ?? `exit code ${result.status}`}).`);
  if (target === 'electron') console.error('rebuild-native: it downloads Electron headers; behind a proxy or offline see docs/packaging.md.');
  process.exit(result.status || 1);
}
if (target === 'electron') console.log('rebuild-native: done. Before running the tests or the browser shell again: node build/rebuild-native.mjs node');
else console.log(`rebuild-native: done; better-sqlite3 is built for ${currentBuild()}`);
