import { describe, expect, it } from 'vitest';
import { nativeModuleAdvice, REBUILD_FOR_ELECTRON } from './native-module';

// What Node's loader says when a native module was built for another ABI.
const abiMismatch = new Error(
  "The module '/home/clerk/ga-desk/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
    'was compiled against a different Node.js version using\n' +
    'NODE_MODULE_VERSION 115. This version of Node.js requires\n' +
    'NODE_MODULE_VERSION 140. Please try re-compiling or re-installing\n' +
    'the module (for instance, using `npm rebuild` or `npm install`).',
);

describe('a better-sqlite3 built for the wrong runtime', () => {
  it('is explained with the one command that fixes it and both module versions', () => {
    const advice = nativeModuleAdvice(abiMismatch);
    expect(advice).toContain(REBUILD_FOR_ELECTRON);
    expect(advice).toContain('built for NODE_MODULE_VERSION 115; this Electron needs 140');
  });

  it('is recognised when the module did not self-register', () => {
    expect(nativeModuleAdvice(new Error("Module did not self-register: '/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node'."))).toContain(REBUILD_FOR_ELECTRON);
  });

  it('is not confused with other start-up errors', () => {
    expect(nativeModuleAdvice(new Error('SQLITE_CANTOPEN: unable to open database file'))).toBeNull();
    expect(nativeModuleAdvice(new Error(abiMismatch.message.replace(/better_sqlite3|better-sqlite3/g, 'other')))).toBeNull();
    expect(nativeModuleAdvice('a string')).toBeNull();
  });
});
