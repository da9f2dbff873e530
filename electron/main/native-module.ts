/**
 * better-sqlite3 is a native module: it must be compiled for the Node.js ABI of the
 * program that loads it. `npm install` builds it for Node (the tests and the browser
 * shell); Electron has its own ABI and needs it rebuilt once. Packaged builds are
 * rebuilt by electron-builder; on a developer's machine this turns the loader's error
 * into the one command that fixes it.
 */
export const REBUILD_FOR_ELECTRON = 'npx electron-builder install-app-deps';

/** The advice to print, or null when the error is not a native-module ABI mismatch. */
export function nativeModuleAdvice(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const mismatch = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  const wrongBuild = mismatch !== null || /did not self-register/.test(message);
  if (!wrongBuild || !/better[-_]sqlite3/.test(message)) return null;
  const versions = mismatch ? ` (it was built for NODE_MODULE_VERSION ${mismatch[1]}; this Electron needs ${mismatch[2]})` : '';
  return [
    `GA Desk cannot start: better-sqlite3 was not built for this Electron${versions}.`,
    'Run this once in the project folder, then start again:',
    '',
    `    ${REBUILD_FOR_ELECTRON}`,
    '',
    'It rebuilds better-sqlite3 for Electron. The tests and the browser shell run on Node.js and need the Node build;',
    'switch back with: node build/rebuild-native.mjs node',
    '',
  ].join('\n');
}
